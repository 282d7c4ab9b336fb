import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema } from '../../shared/schemas/common.js';
import {
  deputyGroupCreateSchema,
  deputyGroupQuerySchema,
  deputyGroupSchema,
  deputyGroupUpdateSchema,
} from '../../shared/schemas/organisations.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';

const tags = ['代表小组 Deputy groups'];

export function deputyGroupsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/deputy-groups', {
      schema: {
        tags,
        summary: '代表小组（按人大机关或届次）',
        querystring: deputyGroupQuerySchema,
        response: { 200: z.array(deputyGroupSchema) },
      },
      handler: async (request) => services.deputyGroups.list(request.query),
    });

    api.get('/deputy-groups/:id', {
      schema: { tags, summary: '代表小组详情', params: idParamsSchema, response: { 200: deputyGroupSchema } },
      handler: async (request) => services.deputyGroups.get(request.params.id),
    });

    api.post('/deputy-groups', {
      schema: {
        tags,
        summary: '新建代表小组',
        body: deputyGroupCreateSchema,
        response: { 201: deputyGroupSchema },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await services.deputyGroups.create(actorOf(request), request.body)),
    });

    api.patch('/deputy-groups/:id', {
      schema: {
        tags,
        summary: '修改代表小组',
        params: idParamsSchema,
        body: deputyGroupUpdateSchema,
        response: { 200: deputyGroupSchema },
      },
      handler: async (request) =>
        services.deputyGroups.update(actorOf(request), request.params.id, request.body),
    });

    api.delete('/deputy-groups/:id', {
      schema: {
        tags,
        summary: '删除代表小组（已有代表编入时拒绝）',
        params: idParamsSchema,
        response: { 200: okSchema },
      },
      handler: async (request) => {
        await services.deputyGroups.delete(actorOf(request), request.params.id);
        return { ok: true as const };
      },
    });
  };
}
