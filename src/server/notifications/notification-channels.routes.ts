import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  notificationChannelsInputSchema,
  notificationChannelsSchema,
} from '../../shared/schemas/notifications.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';

const tags = ['设置 Settings'];

export function notificationChannelsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/settings/notification-channels', {
      schema: {
        tags,
        summary: '通知渠道设置（短信、邮件、钉钉；密钥只显示掩码；顶级管理员）',
        response: { 200: notificationChannelsSchema },
      },
      handler: async (request) => services.notificationChannels.view(actorOf(request)),
    });

    api.put('/settings/notification-channels', {
      schema: {
        tags,
        summary: '修改通知渠道设置（密钥不填或原样回传掩码则保留，传空字符串则清除；顶级管理员）',
        body: notificationChannelsInputSchema,
        response: { 200: notificationChannelsSchema },
      },
      handler: async (request) => services.notificationChannels.update(actorOf(request), request.body),
    });
  };
}
