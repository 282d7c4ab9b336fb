import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../shared/schemas/common.js';
import {
  assignmentBatchResultSchema,
  assignmentBatchSchema,
  inviteSignersSchema,
  keyConfirmSchema,
  signerResponseSchema,
  suggestionDetailSchema,
  suggestionDraftSchema,
  suggestionEditSchema,
  suggestionPageSchema,
  suggestionQuerySchema,
  suggestionSummarySchema,
} from '../../shared/schemas/suggestions.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { requestLocale } from '../http/locale.js';

const tags = ['建议 Suggestions'];
const actionParams = z.object({
  id: idSchema,
  action: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z_]+$/),
});

export function suggestionsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/suggestions', {
      schema: {
        tags,
        summary: '建议列表（按角色限定范围；view=mine 我的，review 待我审查，assign 待交办）',
        querystring: suggestionQuerySchema,
        response: { 200: suggestionPageSchema },
      },
      handler: async (request) => services.suggestions.list(actorOf(request), request.query),
    });

    api.post('/suggestions', {
      schema: {
        tags,
        summary: '起草建议（草稿）',
        body: suggestionDraftSchema,
        response: { 201: suggestionDetailSchema },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await services.suggestions.create(actorOf(request), request.body)),
    });

    api.get('/suggestions/:id', {
      schema: {
        tags,
        summary: '建议详情，含当前用户可执行的操作（allowedActions）及不可执行的原因',
        params: idParamsSchema,
        response: { 200: suggestionDetailSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        return services.suggestionViews.detail(
          actor,
          await services.suggestions.visible(actor, request.params.id),
          requestLocale(request),
        );
      },
    });

    api.patch('/suggestions/:id', {
      schema: {
        tags,
        summary: '修改草稿或退回的建议',
        params: idParamsSchema,
        body: suggestionEditSchema.extend({ version: z.number().int().min(0).optional() }),
        response: { 200: suggestionDetailSchema },
      },
      handler: async (request) =>
        services.suggestions.edit(actorOf(request), request.params.id, request.body),
    });

    api.post('/suggestions/:id/actions/:action', {
      schema: {
        tags,
        summary:
          '执行流程操作：submit 提交、withdraw 撤回、review_pass 审查通过、review_return 退回、review_reject 不予受理、review_merge 并案、review_convert 议案建议互转、assign 交办',
        params: actionParams,
        body: z.record(z.string(), z.unknown()).optional(),
        response: { 200: suggestionDetailSchema },
      },
      handler: async (request) =>
        services.suggestionActions.perform(
          actorOf(request),
          request.params.id,
          request.params.action,
          request.body ?? {},
          requestLocale(request),
        ),
    });

    api.post('/suggestions/:id/signers', {
      schema: {
        tags,
        summary: '邀请联名代表',
        params: idParamsSchema,
        body: inviteSignersSchema,
        response: { 200: suggestionDetailSchema },
      },
      handler: async (request) =>
        services.suggestionSigners.invite(actorOf(request), request.params.id, request.body.deputyIds),
    });

    api.post('/suggestions/:id/signers/respond', {
      schema: {
        tags,
        summary: '被邀请代表确认或拒绝联名',
        params: idParamsSchema,
        body: signerResponseSchema,
        response: { 200: suggestionDetailSchema },
      },
      handler: async (request) =>
        services.suggestionSigners.respond(actorOf(request), request.params.id, request.body.accept),
    });

    api.delete('/suggestions/:id/signers/:deputyId', {
      schema: {
        tags,
        summary: '移除联名代表（提交前）',
        params: z.object({ id: idSchema, deputyId: idSchema }),
        response: { 200: suggestionDetailSchema },
      },
      handler: async (request) =>
        services.suggestionSigners.remove(actorOf(request), request.params.id, request.params.deputyId),
    });

    api.get('/key-suggestions/candidates', {
      schema: {
        tags,
        summary: '按规则推荐的重点建议候选（如联名 ≥ 10 人）',
        querystring: z.object({ bodyId: idSchema, sessionId: idSchema.optional() }),
        response: {
          200: z.object({ minSigners: z.number().int(), items: z.array(suggestionSummarySchema) }),
        },
      },
      handler: async (request) =>
        services.keySuggestions.candidates(actorOf(request), request.query.bodyId, request.query.sessionId),
    });

    api.put('/suggestions/:id/key', {
      schema: {
        tags,
        summary: '确定为重点建议，并指定领办、督办',
        params: idParamsSchema,
        body: keyConfirmSchema,
        response: { 200: suggestionDetailSchema },
      },
      handler: async (request) =>
        services.keySuggestions.confirm(actorOf(request), request.params.id, request.body),
    });

    api.delete('/suggestions/:id/key', {
      schema: {
        tags,
        summary: '取消重点建议',
        params: idParamsSchema,
        response: { 200: suggestionDetailSchema },
      },
      handler: async (request) => services.keySuggestions.unmark(actorOf(request), request.params.id),
    });

    api.post('/key-suggestions/publish', {
      schema: {
        tags,
        summary: '公布重点建议清单',
        body: z.object({ bodyId: idSchema, sessionId: idSchema.optional() }),
        response: { 200: z.object({ published: z.number().int() }) },
      },
      handler: async (request) =>
        services.keySuggestions.publish(actorOf(request), request.body.bodyId, request.body.sessionId),
    });

    api.post('/assignment-batches', {
      schema: {
        tags,
        summary: '交办会：批量交办（全部成功或全部不交办）',
        body: assignmentBatchSchema,
        response: { 201: assignmentBatchResultSchema },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await services.assignmentMeetings.assignBatch(actorOf(request), request.body)),
    });
  };
}
