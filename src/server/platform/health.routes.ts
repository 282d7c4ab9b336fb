import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../services.js';
import { appVersion } from '../version.js';

const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['sqlite', 'postgres']),
  time: z.string(),
});

export function healthRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get('/health', {
      schema: {
        tags: ['系统 System'],
        summary: '健康检查：版本与数据库类型',
        response: { 200: healthSchema },
      },
      config: { public: true },
      handler: async () => {
        await services.handle.db.selectFrom('audit_head').select('id').executeTakeFirst();
        return {
          status: 'ok' as const,
          version: appVersion,
          database: services.handle.dialect.kind,
          time: services.clock.now().toISOString(),
        };
      },
    });
  };
}
