import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../shared/schemas/common.js';
import {
  attendanceSchema,
  ballotCreateSchema,
  ballotUpdateSchema,
  paperBatchSchema,
  receiptQuerySchema,
  receiptResultSchema,
  voteInputSchema,
  voteResultSchema,
} from '../../shared/schemas/ballots.js';
import {
  ballotDetailSchema,
  ballotPageSchema,
  ballotQuerySchema,
  ballotResultsSchema,
  electorSchema,
  namedVoteSchema,
} from '../../shared/schemas/ballot-views.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { requestLocale } from '../http/locale.js';

const tags = ['表决 Ballots'];
const actionParams = z.object({
  id: idSchema,
  action: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z_]+$/),
});

/** `/api/v1/ballots`: the ballot engine. Thin: schema, one service call, return. */
export function ballotsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();
    const detail = (request: FastifyRequest, id: string) =>
      services.ballotQueries.detail(actorOf(request), id, requestLocale(request));

    api.get('/ballots', {
      schema: {
        tags,
        summary: '表决列表（工作人员看本级及下级；view=mine 为我可参加的表决）',
        querystring: ballotQuerySchema,
        response: { 200: ballotPageSchema },
      },
      handler: async (request) => services.ballots.list(actorOf(request), request.query),
    });

    api.post('/ballots', {
      schema: {
        tags,
        summary: '发起表决（草稿）：记名或无记名、题型、投票人范围、通过规则',
        body: ballotCreateSchema,
        response: { 201: ballotDetailSchema },
      },
      handler: async (request, reply) => {
        const row = await services.ballots.create(actorOf(request), request.body);
        return reply.status(201).send(await detail(request, row.id));
      },
    });

    api.get('/ballots/:id', {
      schema: {
        tags,
        summary: '表决详情，含可执行操作、本人投票状态；结束后含结果',
        params: idParamsSchema,
        response: { 200: ballotDetailSchema },
      },
      handler: async (request) => detail(request, request.params.id),
    });

    api.patch('/ballots/:id', {
      schema: {
        tags,
        summary: '修改未开始的表决',
        params: idParamsSchema,
        body: ballotUpdateSchema,
        response: { 200: ballotDetailSchema },
      },
      handler: async (request) => {
        await services.ballots.update(actorOf(request), request.params.id, request.body);
        return detail(request, request.params.id);
      },
    });

    api.post('/ballots/:id/actions/:action', {
      schema: {
        tags,
        summary: '表决流程操作：open 开始投票（锁定投票人名单）、close 结束并计票、cancel 取消',
        params: actionParams,
        body: z.record(z.string(), z.unknown()).optional(),
        response: { 200: ballotDetailSchema },
      },
      handler: async (request) => {
        const { id, action } = request.params;
        await services.ballotLifecycle.perform(actorOf(request), id, action, request.body);
        return detail(request, id);
      },
    });

    api.get('/ballots/:id/electors', {
      schema: {
        tags,
        summary: '投票人名单：签到及是否已投票（不含投票内容）',
        params: idParamsSchema,
        response: { 200: z.array(electorSchema) },
      },
      handler: async (request) => services.ballots.electors(actorOf(request), request.params.id),
    });

    api.post('/ballots/:id/attendance', {
      schema: {
        tags,
        summary: '代表签到（或取消签到）',
        params: idParamsSchema,
        body: attendanceSchema,
        response: { 200: z.object({ changed: z.number().int() }) },
      },
      handler: async (request) => ({
        changed: await services.tellers.attendance(actorOf(request), request.params.id, request.body),
      }),
    });

    api.post('/ballots/:id/vote', {
      schema: {
        tags,
        summary: '投票（每人一票；无记名投票返回一次性的投票凭证码）',
        params: idParamsSchema,
        body: voteInputSchema,
        response: { 201: voteResultSchema },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await services.voting.cast(actorOf(request), request.params.id, request.body)),
    });

    api.post('/ballots/:id/paper', {
      schema: {
        tags,
        summary: '计票人录入纸质选票（标记为纸质票；无记名时不与代表对应）',
        params: idParamsSchema,
        body: paperBatchSchema,
        response: { 201: z.object({ entered: z.number().int() }) },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(await services.tellers.enterPapers(actorOf(request), request.params.id, request.body)),
    });

    api.post('/ballots/:id/receipt', {
      schema: {
        tags,
        summary: '凭投票凭证码查询本人选票是否已计入',
        params: idParamsSchema,
        body: receiptQuerySchema,
        response: { 200: receiptResultSchema },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      handler: async (request) =>
        services.voting.lookupReceipt(actorOf(request), request.params.id, request.body.receipt),
    });

    api.get('/ballots/:id/results', {
      schema: {
        tags,
        summary: '表决结果（结束后）',
        params: idParamsSchema,
        response: { 200: ballotResultsSchema },
      },
      handler: async (request) => services.ballotQueries.results(actorOf(request), request.params.id),
    });

    api.get('/ballots/:id/named-votes', {
      schema: {
        tags,
        summary: '记名表决的逐人投票情况（结束后）',
        params: idParamsSchema,
        response: { 200: z.array(namedVoteSchema) },
      },
      handler: async (request) => services.ballotQueries.namedVotes(actorOf(request), request.params.id),
    });
  };
}
