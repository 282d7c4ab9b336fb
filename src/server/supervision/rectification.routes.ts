import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../shared/schemas/common.js';
import {
  rectificationCreateResultSchema,
  rectificationCreateSchema,
  rectificationQuerySchema,
  rectificationSchema,
  satisfactionQuerySchema,
  satisfactionSchema,
} from '../../shared/schemas/supervision.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';

const tags = ['督办 Supervision'];

export function rectificationRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/supervision/satisfaction', {
      schema: {
        tags,
        summary: '承办单位满意率（当年办结且有领衔代表评价的建议；未反馈的不计）',
        querystring: satisfactionQuerySchema,
        response: { 200: satisfactionSchema },
      },
      handler: async (request) => services.rectifications.satisfaction(actorOf(request), request.query),
    });

    api.get('/supervision/rectifications', {
      schema: {
        tags,
        summary: '整改任务（承办单位只见本单位的）',
        querystring: rectificationQuerySchema,
        response: { 200: z.array(rectificationSchema) },
      },
      handler: async (request) => services.rectifications.list(actorOf(request), request.query),
    });

    api.post('/supervision/rectifications', {
      schema: {
        tags,
        summary: '为满意率低于标准的承办单位下达整改任务（一个月内完成）',
        body: rectificationCreateSchema,
        response: { 201: rectificationCreateResultSchema },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await services.rectifications.create(actorOf(request), request.body)),
    });

    api.get('/supervision/rectifications/:id', {
      schema: {
        tags,
        summary: '整改任务详情',
        params: idParamsSchema,
        response: { 200: rectificationSchema },
      },
      handler: async (request) => services.rectifications.get(actorOf(request), request.params.id),
    });

    api.post('/supervision/rectifications/:id/actions/:action', {
      schema: {
        tags,
        summary: '整改流程：submit 提交整改报告和书面说明、accept 整改通过、return 退回',
        params: z.object({
          id: idSchema,
          action: z
            .string()
            .regex(/^[a-z_]+$/)
            .max(40),
        }),
        body: z.record(z.string(), z.unknown()).optional(),
        response: { 200: rectificationSchema },
      },
      handler: async (request) =>
        services.rectifications.act(actorOf(request), request.params.id, request.params.action, request.body),
    });
  };
}
