import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema } from '../../shared/schemas/common.js';
import {
  congressSessionCreateSchema,
  congressSessionQuerySchema,
  congressSessionSchema,
  congressSessionUpdateSchema,
} from '../../shared/schemas/organisations.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';

const tags = ['会议 Congress sessions'];

export function congressSessionsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/sessions', {
      schema: {
        tags,
        summary: '人民代表大会会议（按人大机关或届次）',
        querystring: congressSessionQuerySchema,
        response: { 200: z.array(congressSessionSchema) },
      },
      handler: async (request) => services.congressSessions.list(request.query),
    });

    api.get('/sessions/:id', {
      schema: { tags, summary: '会议详情', params: idParamsSchema, response: { 200: congressSessionSchema } },
      handler: async (request) => services.congressSessions.get(request.params.id),
    });

    api.post('/sessions', {
      schema: {
        tags,
        summary: '新建会议（未给名称时按“第N届人民代表大会第N次会议”命名）',
        body: congressSessionCreateSchema,
        response: { 201: congressSessionSchema },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await services.congressSessions.create(actorOf(request), request.body)),
    });

    api.patch('/sessions/:id', {
      schema: {
        tags,
        summary: '修改会议',
        params: idParamsSchema,
        body: congressSessionUpdateSchema,
        response: { 200: congressSessionSchema },
      },
      handler: async (request) =>
        services.congressSessions.update(actorOf(request), request.params.id, request.body),
    });

    api.delete('/sessions/:id', {
      schema: { tags, summary: '删除会议', params: idParamsSchema, response: { 200: okSchema } },
      handler: async (request) => {
        await services.congressSessions.delete(actorOf(request), request.params.id);
        return { ok: true as const };
      },
    });
  };
}
