import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema } from '../../shared/schemas/common.js';
import {
  termCreateSchema,
  termQuerySchema,
  termSchema,
  termUpdateSchema,
} from '../../shared/schemas/organisations.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';

const tags = ['届次 Terms'];

export function termsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/terms', {
      schema: {
        tags,
        summary: '人大机关的届次（新届在前）',
        querystring: termQuerySchema,
        response: { 200: z.array(termSchema) },
      },
      handler: async (request) => services.terms.list(request.query.bodyId),
    });

    api.get('/terms/:id', {
      schema: { tags, summary: '届次详情', params: idParamsSchema, response: { 200: termSchema } },
      handler: async (request) => services.terms.get(request.params.id),
    });

    api.post('/terms', {
      schema: { tags, summary: '新建届次', body: termCreateSchema, response: { 201: termSchema } },
      handler: async (request, reply) =>
        reply.status(201).send(await services.terms.create(actorOf(request), request.body)),
    });

    api.patch('/terms/:id', {
      schema: {
        tags,
        summary: '修改届次',
        params: idParamsSchema,
        body: termUpdateSchema,
        response: { 200: termSchema },
      },
      handler: async (request) => services.terms.update(actorOf(request), request.params.id, request.body),
    });

    api.delete('/terms/:id', {
      schema: {
        tags,
        summary: '删除届次（已有会议、代表团、代表席位等引用时拒绝）',
        params: idParamsSchema,
        response: { 200: okSchema },
      },
      handler: async (request) => {
        await services.terms.delete(actorOf(request), request.params.id);
        return { ok: true as const };
      },
    });
  };
}
