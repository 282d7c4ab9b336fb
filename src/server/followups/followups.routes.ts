import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../shared/schemas/common.js';
import {
  followupDetailSchema,
  followupPageSchema,
  followupQuerySchema,
  followupRatesQuerySchema,
  followupRatesSchema,
  progressInputSchema,
  promiseEditSchema,
} from '../../shared/schemas/followups.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';

const tags = ['跟踪办理 Follow-up'];

/** The follow-up ledger of B-class promises (`/api/v1/followups`). */
export function followupsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/followups', {
      schema: {
        tags,
        summary: '跟踪办理台账（按年度含跨年度结转；open=true&termId 为换届时未落实的承诺）',
        querystring: followupQuerySchema,
        response: { 200: followupPageSchema },
      },
      handler: async (request) => services.followups.list(actorOf(request), request.query),
    });

    api.get('/followups/rates', {
      schema: {
        tags,
        summary: '落实率（已落实 ÷ 承诺数，按承办单位和本级人大）',
        querystring: followupRatesQuerySchema,
        response: { 200: followupRatesSchema },
      },
      handler: async (request) => services.followups.rates(actorOf(request), request.query),
    });

    api.get('/followups/:id', {
      schema: {
        tags,
        summary: '跟踪承诺及其进展报告',
        params: idParamsSchema,
        response: { 200: followupDetailSchema },
      },
      handler: async (request) => services.followups.get(actorOf(request), request.params.id),
    });

    api.patch('/followups/:id', {
      schema: {
        tags,
        summary: '承办单位修改承诺内容或完成时限',
        params: idParamsSchema,
        body: promiseEditSchema,
        response: { 200: followupDetailSchema },
      },
      handler: async (request) => services.followups.edit(actorOf(request), request.params.id, request.body),
    });

    api.post('/followups/:id/progress', {
      schema: {
        tags,
        summary: '承办单位报告落实进展（日期、内容、完成百分比）',
        params: idParamsSchema,
        body: progressInputSchema,
        response: { 201: followupDetailSchema },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(await services.followups.addProgress(actorOf(request), request.params.id, request.body)),
    });

    api.post('/followups/:id/actions/:action', {
      schema: {
        tags,
        summary: '代表工委确认承诺已落实（fulfil）或撤销确认（reopen）',
        params: z.object({
          id: idSchema,
          action: z
            .string()
            .regex(/^[a-z_]+$/)
            .max(40),
        }),
        body: z.record(z.string(), z.unknown()).optional(),
        response: { 200: followupDetailSchema },
      },
      handler: async (request) =>
        services.followups.act(actorOf(request), request.params.id, request.params.action, request.body),
    });
  };
}
