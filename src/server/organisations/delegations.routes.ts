import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema } from '../../shared/schemas/common.js';
import {
  delegationCreateSchema,
  delegationQuerySchema,
  delegationSchema,
  delegationUpdateSchema,
} from '../../shared/schemas/organisations.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';

const tags = ['代表团 Delegations'];

export function delegationsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/delegations', {
      schema: {
        tags,
        summary: '代表团（按人大机关或届次）',
        querystring: delegationQuerySchema,
        response: { 200: z.array(delegationSchema) },
      },
      handler: async (request) => services.delegations.list(request.query),
    });

    api.get('/delegations/:id', {
      schema: { tags, summary: '代表团详情', params: idParamsSchema, response: { 200: delegationSchema } },
      handler: async (request) => services.delegations.get(request.params.id),
    });

    api.post('/delegations', {
      schema: {
        tags,
        summary: '新建代表团',
        body: delegationCreateSchema,
        response: { 201: delegationSchema },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await services.delegations.create(actorOf(request), request.body)),
    });

    api.patch('/delegations/:id', {
      schema: {
        tags,
        summary: '修改代表团',
        params: idParamsSchema,
        body: delegationUpdateSchema,
        response: { 200: delegationSchema },
      },
      handler: async (request) =>
        services.delegations.update(actorOf(request), request.params.id, request.body),
    });

    api.delete('/delegations/:id', {
      schema: {
        tags,
        summary: '删除代表团（已有代表编入时拒绝）',
        params: idParamsSchema,
        response: { 200: okSchema },
      },
      handler: async (request) => {
        await services.delegations.delete(actorOf(request), request.params.id);
        return { ok: true as const };
      },
    });
  };
}
