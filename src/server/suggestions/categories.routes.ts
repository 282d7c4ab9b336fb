import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema, okSchema } from '../../shared/schemas/common.js';
import {
  categoryCreateSchema,
  categorySchema,
  categoryUpdateSchema,
} from '../../shared/schemas/categories.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { notFound } from '../platform/errors.js';

const tags = ['建议分类 Categories'];

export function categoriesRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();
    api.get('/categories', {
      schema: {
        tags,
        summary: '建议分类（树）及常用承办单位',
        querystring: z.object({ bodyId: idSchema }),
        response: { 200: z.array(categorySchema) },
      },
      handler: async (request) => services.categories.list(request.query.bodyId),
    });
    api.post('/categories', {
      schema: { tags, summary: '新建分类', body: categoryCreateSchema, response: { 201: categorySchema } },
      handler: async (request, reply) => {
        const created = await services.categories.create(actorOf(request), request.body);
        if (!created) throw notFound({ zh: '分类', en: 'Category' });
        return reply.status(201).send(created);
      },
    });
    api.patch('/categories/:id', {
      schema: {
        tags,
        summary: '修改分类',
        params: idParamsSchema,
        body: categoryUpdateSchema,
        response: { 200: categorySchema },
      },
      handler: async (request) => {
        const updated = await services.categories.update(actorOf(request), request.params.id, request.body);
        if (!updated) throw notFound({ zh: '分类', en: 'Category' }, request.params.id);
        return updated;
      },
    });
    api.delete('/categories/:id', {
      schema: {
        tags,
        summary: '删除分类（未被使用时）',
        params: idParamsSchema,
        response: { 200: okSchema },
      },
      handler: async (request) => {
        await services.categories.remove(actorOf(request), request.params.id);
        return { ok: true as const };
      },
    });
  };
}
