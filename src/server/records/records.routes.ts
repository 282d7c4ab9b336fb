import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../shared/schemas/common.js';
import {
  handlingRecordSchema,
  recordListQuerySchema,
  recordListSchema,
} from '../../shared/schemas/records.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { requestLocale } from '../http/locale.js';

const tags = ['全程纪实 Handling record'];

export function recordsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/suggestions/:id/record', {
      schema: {
        tags,
        summary: '全程纪实表：由办理过程生成（交办、沟通、协办意见、答复、评价），含签字情况和可执行的操作',
        params: idParamsSchema,
        response: { 200: handlingRecordSchema },
      },
      handler: async (request) =>
        services.records.get(actorOf(request), request.params.id, requestLocale(request)),
    });

    api.post('/suggestions/:id/record/actions/:action', {
      schema: {
        tags,
        summary:
          '纪实表操作：sign_deputy 领衔代表签字 → sign_unit 承办单位负责人签字 → sign_government 政府分管领导签字；return 退回重新办理（期限、原因）；reopen 重新启动签字',
        params: z.object({ id: idSchema, action: z.string().min(1).max(40) }),
        body: z.record(z.string(), z.unknown()).optional(),
        response: { 200: handlingRecordSchema },
      },
      handler: async (request) =>
        services.records.perform(
          actorOf(request),
          request.params.id,
          request.params.action,
          request.body ?? {},
          requestLocale(request),
        ),
    });

    api.get('/records', {
      schema: {
        tags,
        summary: '已办结建议的纪实表签字情况（missing=true 只列签字不全的，供考核）',
        querystring: recordListQuerySchema,
        response: { 200: recordListSchema },
      },
      handler: async (request) => services.records.list(actorOf(request), request.query),
    });
  };
}
