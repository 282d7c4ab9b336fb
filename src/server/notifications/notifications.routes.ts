import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  markReadSchema,
  notificationPageSchema,
  notificationQuerySchema,
} from '../../shared/schemas/notifications.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';

const tags = ['通知 Notifications'];

export function notificationsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();
    api.get('/notifications', {
      schema: {
        tags,
        summary: '我的站内通知',
        querystring: notificationQuerySchema,
        response: { 200: notificationPageSchema },
      },
      handler: async (request) =>
        services.notifications.list(
          actorOf(request).userId,
          request.query.unread === 'true',
          request.query.page,
          request.query.pageSize,
        ),
    });
    api.get('/notifications/unread-count', {
      schema: { tags, summary: '未读通知数', response: { 200: z.object({ unread: z.number().int() }) } },
      handler: async (request) => ({
        unread: await services.notifications.unreadCount(actorOf(request).userId),
      }),
    });
    api.post('/notifications/read', {
      schema: {
        tags,
        summary: '标记为已读',
        body: markReadSchema,
        response: { 200: z.object({ updated: z.number().int() }) },
      },
      handler: async (request) => ({
        updated: await services.notifications.markRead(actorOf(request).userId, request.body.ids),
      }),
    });
  };
}
