import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema, okSchema } from '../../shared/schemas/common.js';
import {
  contactInputSchema,
  planSchema,
  replyDraftSchema,
  replySchema,
} from '../../shared/schemas/handling.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';

const tags = ['办理 Handling'];

export function handlingRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.put('/assignments/:id/plan', {
      schema: {
        tags,
        summary: '办理方案（“三定”：承办人、方案、时限）',
        params: idParamsSchema,
        body: planSchema,
        response: { 200: okSchema },
      },
      handler: async (request) => {
        await services.unitWork.savePlan(actorOf(request), request.params.id, request.body);
        return { ok: true as const };
      },
    });

    api.post('/assignments/:id/contacts', {
      schema: {
        tags,
        summary: '记录与代表的沟通（办前、办中、办后；面商、电话、座谈、现场）',
        params: idParamsSchema,
        body: contactInputSchema,
        response: { 201: okSchema },
      },
      handler: async (request, reply) => {
        await services.unitWork.addContact(actorOf(request), request.params.id, request.body);
        return reply.status(201).send({ ok: true as const });
      },
    });

    api.put('/assignments/:id/reply', {
      schema: {
        tags,
        summary: '保存答复函草稿（答复类别、文号、正文）',
        params: idParamsSchema,
        body: replyDraftSchema,
        response: { 200: replySchema },
      },
      handler: async (request) =>
        services.handling.saveDraft(actorOf(request), request.params.id, request.body),
    });

    api.post('/replies/:id/sign', {
      schema: {
        tags,
        summary: '签署答复（经办人 → 科室负责人 → 单位负责人；最后一人签署即签发）',
        params: idParamsSchema,
        body: z.object({ version: z.number().int().min(0).optional() }),
        response: { 200: replySchema },
      },
      handler: async (request) =>
        services.handling.sign(actorOf(request), request.params.id, request.body.version),
    });

    api.get('/suggestions/:id/replies', {
      schema: {
        tags,
        summary: '建议的答复函（代表只见已签发的）',
        params: z.object({ id: idSchema }),
        response: { 200: z.array(replySchema) },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        return services.handling.list(actor, await services.suggestions.visible(actor, request.params.id));
      },
    });
  };
}
