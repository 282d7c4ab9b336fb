import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { okSchema } from '../../shared/schemas/common.js';
import {
  savedViewCreateSchema,
  savedViewListSchema,
  savedViewParamsSchema,
  savedViewQuerySchema,
  savedViewSchema,
} from '../../shared/schemas/saved-views.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';

const tags = ['列表视图 Saved views'];

export function savedViewsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/saved-views', {
      schema: {
        tags,
        summary: '我为某个列表保存的视图（列、筛选、排序）',
        querystring: savedViewQuerySchema,
        response: { 200: savedViewListSchema },
      },
      handler: async (request) => ({
        items: await services.savedViews.list(actorOf(request), request.query.listKey),
      }),
    });

    api.post('/saved-views', {
      schema: {
        tags,
        summary: '保存列表视图（设置不超过 8 KB）',
        body: savedViewCreateSchema,
        response: { 201: savedViewSchema },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await services.savedViews.create(actorOf(request), request.body)),
    });

    api.delete('/saved-views/:id', {
      schema: {
        tags,
        summary: '删除我的列表视图',
        params: savedViewParamsSchema,
        response: { 200: okSchema },
      },
      handler: async (request) => {
        await services.savedViews.remove(actorOf(request), request.params.id);
        return { ok: true as const };
      },
    });
  };
}
