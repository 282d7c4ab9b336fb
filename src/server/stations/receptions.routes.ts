import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../shared/schemas/common.js';
import {
  dutyActivityQuerySchema,
  dutyActivitySchema,
  receptionCreateSchema,
  receptionDetailSchema,
  receptionPageSchema,
  receptionQuerySchema,
  receptionStatsQuerySchema,
  receptionStatsSchema,
} from '../../shared/schemas/receptions.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { requestLocale } from '../http/locale.js';
import { sendImage } from './http-images.js';

const tags = ['接待与留言 Receptions'];
const actionParams = z.object({ id: idSchema, action: z.string().min(1).max(40) });

/** Citizens' messages, visits and calls as deputies and station staff handle them; duty activities. */
export function receptionsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/receptions', {
      schema: {
        tags,
        summary: '接待记录与群众留言（代表看本人的；联络站工作人员看本站的；代表工委看本级及下级的）',
        querystring: receptionQuerySchema,
        response: { 200: receptionPageSchema },
      },
      handler: async (request) => services.receptions.list(actorOf(request), request.query),
    });

    api.post('/receptions', {
      schema: {
        tags,
        summary: '登记一次来访或来电接待（当场解决的可同时填写答复并办结）',
        body: receptionCreateSchema,
        response: { 201: receptionDetailSchema },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(
            await services.receptionRecords.create(actorOf(request), request.body, requestLocale(request)),
          ),
    });

    api.get('/receptions/stats', {
      schema: {
        tags,
        summary: '接待工作量与平均答复时长（按代表、按联络站）',
        querystring: receptionStatsQuerySchema,
        response: { 200: receptionStatsSchema },
      },
      handler: async (request) => services.receptions.stats(actorOf(request), request.query),
    });

    api.get('/receptions/:id', {
      schema: {
        tags,
        summary: '接待记录详情（含可执行的操作和经过）',
        params: idParamsSchema,
        response: { 200: receptionDetailSchema },
      },
      handler: async (request) =>
        services.receptions.get(actorOf(request), request.params.id, requestLocale(request)),
    });

    api.post('/receptions/:id/actions/:action', {
      schema: {
        tags,
        summary:
          '办理：accept 受理、answer 答复群众、refer 转交有关部门、unit_answer 部门答复、escalate 转上级代表、assign 分派代表、to_suggestion 转为代表建议草稿、dismiss 不予处理',
        params: actionParams,
        body: z.record(z.string(), z.unknown()).optional(),
        response: { 200: receptionDetailSchema },
      },
      handler: async (request) =>
        services.receptionActions.perform(
          actorOf(request),
          request.params.id,
          request.params.action,
          request.body ?? {},
          requestLocale(request),
        ),
    });

    api.get('/receptions/:id/photos/:fileId', {
      schema: { tags, summary: '群众留言所附照片', params: z.object({ id: idSchema, fileId: idSchema }) },
      handler: async (request, reply) =>
        sendImage(
          reply,
          await services.receptions.photo(actorOf(request), request.params.id, request.params.fileId),
          'private',
        ),
    });

    api.get('/duty-activities', {
      schema: {
        tags,
        summary: '代表履职活动记录（接待、答复留言、约见），供履职档案使用',
        querystring: dutyActivityQuerySchema,
        response: { 200: z.array(dutyActivitySchema) },
      },
      handler: async (request) => services.dutyActivities.list(actorOf(request), request.query),
    });
  };
}
