import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { securitySettingsSchema } from '../../shared/schemas/settings.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { requireAnyRole } from '../auth/actor.js';

const tags = ['设置 Settings'];

export function settingsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/settings/security', {
      schema: {
        tags,
        summary: '安全策略（密码、锁定、超时、双因素、审计保留）',
        response: { 200: securitySettingsSchema },
      },
      handler: async (request) => {
        requireAnyRole(actorOf(request), ['admin']);
        return services.settings.security();
      },
    });

    api.put('/settings/security', {
      schema: {
        tags,
        summary: '修改安全策略（顶级管理员）',
        body: securitySettingsSchema,
        response: { 200: securitySettingsSchema },
      },
      handler: async (request) => services.settings.updateSecurity(actorOf(request), request.body),
    });
  };
}
