import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../shared/schemas/common.js';
import {
  actionAvailabilitySchema,
  inboxPageSchema,
  suggestionDetailSchema,
  unitInboxQuerySchema,
} from '../../shared/schemas/suggestions.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { requestLocale } from '../http/locale.js';

const tags = ['交办 Assignments'];

export function assignmentsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/assignments/inbox', {
      schema: {
        tags,
        summary: '承办单位待办：本单位交办的建议，含期限与剩余天数',
        querystring: unitInboxQuerySchema,
        response: { 200: inboxPageSchema },
      },
      handler: async (request) => services.assignments.inbox(actorOf(request), request.query),
    });

    api.get('/assignments/:id/actions', {
      schema: {
        tags,
        summary: '该交办记录当前用户可执行的操作',
        params: idParamsSchema,
        response: { 200: z.array(actionAvailabilitySchema) },
      },
      handler: async (request) =>
        services.assignmentActions.actionsFor(actorOf(request), request.params.id, requestLocale(request)),
    });

    api.post('/assignments/:id/actions/:action', {
      schema: {
        tags,
        summary:
          '交办流程操作：receive 签收、request_adjustment 申请调整、approve_adjustment 同意调整、refuse_adjustment 不同意调整、submit_opinion 协办意见、request_extension 申请延期、approve_extension / refuse_extension 审批延期',
        params: z.object({
          id: idSchema,
          action: z
            .string()
            .min(1)
            .max(40)
            .regex(/^[a-z_]+$/),
        }),
        body: z.record(z.string(), z.unknown()).optional(),
        response: { 200: suggestionDetailSchema },
      },
      handler: async (request) =>
        services.assignmentActions.perform(
          actorOf(request),
          request.params.id,
          request.params.action,
          request.body ?? {},
        ),
    });
  };
}
