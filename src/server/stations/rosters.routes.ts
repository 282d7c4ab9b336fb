import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../shared/schemas/common.js';
import {
  dayDutiesInputSchema,
  manualDayInputSchema,
  myDutySchema,
  receptionDaySchema,
  receptionRuleInputSchema,
  receptionRuleSchema,
  rosterGenerateResultSchema,
  rosterGenerateSchema,
  rosterQuerySchema,
  swapQuerySchema,
  swapRequestSchema,
  swapSchema,
} from '../../shared/schemas/stations.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { requestLocale } from '../http/locale.js';

const tags = ['接待日与排班 Rosters'];
const actionParams = z.object({ id: idSchema, action: z.string().min(1).max(40) });

/** Reception rules, generated reception days, who is on duty, and duty swaps with approval. */
export function rostersRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();
    const rosters = services.stationRosters;

    api.get('/stations/:id/reception-rule', {
      schema: {
        tags,
        summary: '联络站适用的接待日规则（本站、本级人大或默认）',
        params: idParamsSchema,
        response: { 200: receptionRuleSchema },
      },
      handler: async (request) => services.receptionRules.stationRule(actorOf(request), request.params.id),
    });

    api.put('/stations/:id/reception-rule', {
      schema: {
        tags,
        summary: '设置本站的接待日规则：每月某日（遇节假日顺延）或每月第 N 个星期几',
        params: idParamsSchema,
        body: receptionRuleInputSchema,
        response: { 200: receptionRuleSchema },
      },
      handler: async (request) =>
        services.receptionRules.putStationRule(actorOf(request), request.params.id, request.body),
    });

    api.delete('/stations/:id/reception-rule', {
      schema: {
        tags,
        summary: '取消本站的规则，改用本级人大的规则',
        params: idParamsSchema,
        response: { 200: receptionRuleSchema },
      },
      handler: async (request) =>
        services.receptionRules.putStationRule(actorOf(request), request.params.id, null),
    });

    api.post('/stations/roster/generate', {
      schema: {
        tags,
        summary: '按规则和工作日历生成接待日并轮排代表（已有的接待日保持不变；一次最多 12 个月）',
        body: rosterGenerateSchema,
        response: { 200: rosterGenerateResultSchema },
      },
      handler: async (request) => rosters.generate(actorOf(request), request.body),
    });

    api.get('/stations/:id/roster', {
      schema: {
        tags,
        summary: '联络站的接待日和值班代表（默认今天起三个月）',
        params: idParamsSchema,
        querystring: rosterQuerySchema,
        response: { 200: z.array(receptionDaySchema) },
      },
      handler: async (request) =>
        rosters.stationRoster(actorOf(request), request.params.id, request.query.from, request.query.to),
    });

    api.post('/stations/:id/roster/days', {
      schema: {
        tags,
        summary: '增加一个规则以外的接待日',
        params: idParamsSchema,
        body: manualDayInputSchema,
        response: { 200: z.array(receptionDaySchema) },
      },
      handler: async (request) => rosters.addDay(actorOf(request), request.params.id, request.body),
    });

    api.put('/stations/roster/days/:id/duties', {
      schema: {
        tags,
        summary: '调整某个接待日的值班代表',
        params: idParamsSchema,
        body: dayDutiesInputSchema,
        response: { 200: z.array(receptionDaySchema) },
      },
      handler: async (request) =>
        rosters.setDayDuties(actorOf(request), request.params.id, request.body.deputyIds),
    });

    api.get('/stations/duties/mine', {
      schema: {
        tags,
        summary: '我的接待值班（代表本人）',
        querystring: rosterQuerySchema,
        response: { 200: z.array(myDutySchema) },
      },
      handler: async (request) => rosters.myDuties(actorOf(request), request.query.from, request.query.to),
    });

    api.post('/stations/duties/:id/swaps', {
      schema: {
        tags,
        summary: '申请调班：请本站另一位代表替班（或互换值班），经联络站或代表工委同意后生效',
        params: idParamsSchema,
        body: swapRequestSchema,
        response: { 201: swapSchema },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(
            await services.rosterSwaps.request(
              actorOf(request),
              request.params.id,
              request.body,
              requestLocale(request),
            ),
          ),
    });

    api.get('/stations/swaps', {
      schema: {
        tags,
        summary: '调班申请',
        querystring: swapQuerySchema,
        response: { 200: z.array(swapSchema) },
      },
      handler: async (request) =>
        services.rosterSwaps.list(actorOf(request), request.query, requestLocale(request)),
    });

    api.get('/stations/swaps/:id', {
      schema: {
        tags,
        summary: '调班申请详情（含可执行的操作）',
        params: idParamsSchema,
        response: { 200: swapSchema },
      },
      handler: async (request) =>
        services.rosterSwaps.get(actorOf(request), request.params.id, requestLocale(request)),
    });

    api.post('/stations/swaps/:id/actions/:action', {
      schema: {
        tags,
        summary: '调班审批：approve 同意、reject 不同意（须说明）、withdraw 撤回',
        params: actionParams,
        body: z.record(z.string(), z.unknown()).optional(),
        response: { 200: swapSchema },
      },
      handler: async (request) =>
        services.rosterSwaps.perform(
          actorOf(request),
          request.params.id,
          request.params.action,
          request.body ?? {},
          requestLocale(request),
        ),
    });
  };
}
