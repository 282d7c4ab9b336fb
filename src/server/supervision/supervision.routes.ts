import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema } from '../../shared/schemas/common.js';
import {
  activityInputSchema,
  boardItemSchema,
  leaderLinkSchema,
  overviewPageSchema,
  overviewQuerySchema,
  remindInputSchema,
  supervisionDetailSchema,
  unitProgressInputSchema,
} from '../../shared/schemas/supervision.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { rectificationRoutes } from './rectification.routes.js';

const tags = ['督办 Supervision'];

function supervisionRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/supervision/board', {
      schema: {
        tags,
        summary: '我的督办看板：本人领办、督办的重点建议（阶段、剩余天数、预警、最新进展）',
        response: { 200: z.array(boardItemSchema) },
      },
      handler: async (request) => services.supervision.board(actorOf(request)),
    });

    api.get('/supervision/overview', {
      schema: {
        tags,
        summary: '督办总览（代表工委、政府督查室）：每件建议的阶段、剩余天数和预警',
        querystring: overviewQuerySchema,
        response: { 200: overviewPageSchema },
      },
      handler: async (request) => services.supervisionOffice.overview(actorOf(request), request.query),
    });

    api.get('/supervision/items/:id', {
      schema: {
        tags,
        summary: '督办事项：领办督办领导、督办活动、承办单位进展报告、催办记录',
        params: idParamsSchema,
        response: { 200: supervisionDetailSchema },
      },
      handler: async (request) => services.supervision.detail(actorOf(request), request.params.id),
    });

    api.post('/supervision/items/:id/activities', {
      schema: {
        tags,
        summary: '记录督办活动（召开督办会议、实地察看、听取汇报）',
        params: idParamsSchema,
        body: activityInputSchema,
        response: { 201: supervisionDetailSchema },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(await services.supervision.recordActivity(actorOf(request), request.params.id, request.body)),
    });

    api.post('/supervision/items/:id/progress', {
      schema: {
        tags,
        summary: '承办单位报告重点建议办理进展',
        params: idParamsSchema,
        body: unitProgressInputSchema,
        response: { 201: supervisionDetailSchema },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(await services.supervision.reportProgress(actorOf(request), request.params.id, request.body)),
    });

    api.post('/supervision/items/:id/remind', {
      schema: {
        tags,
        summary: '向承办单位发送催办通知',
        params: idParamsSchema,
        body: remindInputSchema,
        response: { 200: z.object({ reminded: z.number().int() }) },
      },
      handler: async (request) =>
        services.supervisionOffice.remind(actorOf(request), request.params.id, request.body),
    });

    api.put('/supervision/leaders/:id/user', {
      schema: {
        tags,
        summary: '将领办、督办领导关联到登录账号（null 解除关联）',
        params: idParamsSchema,
        body: leaderLinkSchema,
        response: { 200: okSchema },
      },
      handler: async (request) =>
        services.supervisionOffice.linkLeader(actorOf(request), request.params.id, request.body.userId),
    });
  };
}

/** Supervision (`/api/v1/supervision/…`): boards, overview, activities, reminders, rectification. */
export function supervisionRouteModules(services: Services) {
  return [supervisionRoutes(services), rectificationRoutes(services)];
}
