import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema } from '../../shared/schemas/common.js';
import {
  committeeCreateSchema,
  committeeQuerySchema,
  committeeSchema,
  committeeUpdateSchema,
} from '../../shared/schemas/organisations.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';

const tags = ['委员会 Committees'];

export function committeesRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/committees', {
      schema: {
        tags,
        summary: '人大机关的专门委员会、工作委员会和办事机构',
        querystring: committeeQuerySchema,
        response: { 200: z.array(committeeSchema) },
      },
      handler: async (request) => services.committees.list(request.query),
    });

    api.get('/committees/:id', {
      schema: { tags, summary: '委员会详情', params: idParamsSchema, response: { 200: committeeSchema } },
      handler: async (request) => services.committees.get(request.params.id),
    });

    api.post('/committees', {
      schema: {
        tags,
        summary: '新建委员会',
        body: committeeCreateSchema,
        response: { 201: committeeSchema },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await services.committees.create(actorOf(request), request.body)),
    });

    api.patch('/committees/:id', {
      schema: {
        tags,
        summary: '修改委员会',
        params: idParamsSchema,
        body: committeeUpdateSchema,
        response: { 200: committeeSchema },
      },
      handler: async (request) =>
        services.committees.update(actorOf(request), request.params.id, request.body),
    });

    api.delete('/committees/:id', {
      schema: {
        tags,
        summary: '删除委员会（仍有用户角色指向时拒绝）',
        params: idParamsSchema,
        response: { 200: okSchema },
      },
      handler: async (request) => {
        await services.committees.delete(actorOf(request), request.params.id);
        return { ok: true as const };
      },
    });
  };
}
