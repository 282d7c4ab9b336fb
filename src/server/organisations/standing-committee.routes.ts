import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema } from '../../shared/schemas/common.js';
import {
  standingCommitteeMemberCreateSchema,
  standingCommitteeMemberQuerySchema,
  standingCommitteeMemberSchema,
  standingCommitteeMemberUpdateSchema,
} from '../../shared/schemas/organisations.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';

const tags = ['常委会组成人员 Standing committee members'];

export function standingCommitteeRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/standing-committee-members', {
      schema: {
        tags,
        summary: '常委会组成人员（按人大机关或届次；主任在前）',
        querystring: standingCommitteeMemberQuerySchema,
        response: { 200: z.array(standingCommitteeMemberSchema) },
      },
      handler: async (request) => services.standingCommittee.list(request.query),
    });

    api.get('/standing-committee-members/:id', {
      schema: {
        tags,
        summary: '常委会组成人员详情',
        params: idParamsSchema,
        response: { 200: standingCommitteeMemberSchema },
      },
      handler: async (request) => services.standingCommittee.get(request.params.id),
    });

    api.post('/standing-committee-members', {
      schema: {
        tags,
        summary: '添加常委会组成人员',
        body: standingCommitteeMemberCreateSchema,
        response: { 201: standingCommitteeMemberSchema },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await services.standingCommittee.create(actorOf(request), request.body)),
    });

    api.patch('/standing-committee-members/:id', {
      schema: {
        tags,
        summary: '修改职务',
        params: idParamsSchema,
        body: standingCommitteeMemberUpdateSchema,
        response: { 200: standingCommitteeMemberSchema },
      },
      handler: async (request) =>
        services.standingCommittee.update(actorOf(request), request.params.id, request.body),
    });

    api.delete('/standing-committee-members/:id', {
      schema: { tags, summary: '移除常委会组成人员', params: idParamsSchema, response: { 200: okSchema } },
      handler: async (request) => {
        await services.standingCommittee.delete(actorOf(request), request.params.id);
        return { ok: true as const };
      },
    });
  };
}
