import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../shared/schemas/common.js';
import {
  drawSampleSchema,
  evaluationCreateSchema,
  evaluationDetailSchema,
  evaluationQuerySchema,
  evaluationSummarySchema,
  findingSchema,
  rectificationQuerySchema,
  rectificationSchema,
} from '../../shared/schemas/evaluations.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { requestLocale } from '../http/locale.js';

const tags = ['满意度测评 Evaluations'];

/** `/api/v1/evaluations`: work-report and department evaluations, site checks, rectification. */
export function evaluationsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/evaluations', {
      schema: {
        tags,
        summary: '满意度测评列表',
        querystring: evaluationQuerySchema,
        response: { 200: z.array(evaluationSummarySchema) },
      },
      handler: async (request) => services.evaluations.list(actorOf(request), request.query.bodyId),
    });

    api.post('/evaluations', {
      schema: {
        tags,
        summary: '组织满意度测评（同时生成表决，由工作人员在会上开始）',
        body: evaluationCreateSchema,
        response: { 201: evaluationDetailSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const row = await services.evaluations.create(actor, request.body);
        return reply.status(201).send(await services.evaluations.detail(actor, row.id));
      },
    });

    api.get('/evaluations/rectifications', {
      schema: {
        tags,
        summary: '整改任务（未达标单位限期整改）',
        querystring: rectificationQuerySchema,
        response: { 200: z.array(rectificationSchema) },
      },
      handler: async (request) =>
        services.evaluationRectifications.list(actorOf(request), request.query, requestLocale(request)),
    });

    api.get('/evaluations/rectifications/:id', {
      schema: {
        tags,
        summary: '整改任务详情',
        params: idParamsSchema,
        response: { 200: rectificationSchema },
      },
      handler: async (request) =>
        services.evaluationRectifications.get(actorOf(request), request.params.id, requestLocale(request)),
    });

    api.post('/evaluations/rectifications/:id/actions/:action', {
      schema: {
        tags,
        summary: '整改流程：submit 报送整改情况和书面说明、accept 整改完成、return 退回重报',
        params: z.object({ id: idSchema, action: z.string().regex(/^[a-z_]{1,40}$/) }),
        body: z.record(z.string(), z.unknown()).optional(),
        response: { 200: rectificationSchema },
      },
      handler: async (request) =>
        services.evaluationRectifications.perform(
          actorOf(request),
          request.params.id,
          request.params.action,
          request.body,
          requestLocale(request),
        ),
    });

    api.get('/evaluations/:id', {
      schema: {
        tags,
        summary: '测评详情：各对象结果、抽查、整改',
        params: idParamsSchema,
        response: { 200: evaluationDetailSchema },
      },
      handler: async (request) => services.evaluations.detail(actorOf(request), request.params.id),
    });

    api.post('/evaluations/subjects/:id/sample', {
      schema: {
        tags,
        summary: '按抽查规则随机抽取实地查看的事项（默认取该单位近两年承办的建议）',
        params: idParamsSchema,
        body: drawSampleSchema,
        response: { 200: evaluationDetailSchema },
      },
      handler: async (request) =>
        services.evaluationSamples.draw(actorOf(request), request.params.id, request.body),
    });

    api.post('/evaluations/samples/:id/finding', {
      schema: {
        tags,
        summary: '记录实地查看结果',
        params: idParamsSchema,
        body: findingSchema,
        response: { 200: evaluationDetailSchema },
      },
      handler: async (request) =>
        services.evaluationSamples.recordFinding(actorOf(request), request.params.id, request.body.finding),
    });
  };
}
