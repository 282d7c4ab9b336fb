import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema } from '../../shared/schemas/common.js';
import {
  dictionaryListSchema,
  dictionaryWordInputSchema,
  dictionaryWordSchema,
  publicSearchQuerySchema,
  rebuildResultSchema,
  recommendationsSchema,
  searchPageSchema,
  searchQuerySchema,
  similarForItemQuerySchema,
  similarListSchema,
  similarQuerySchema,
} from '../../shared/schemas/search.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';

const tags = ['检索 Search'];

export function searchRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/search', {
      schema: {
        tags,
        summary: '全文检索（建议、答复、接待记录）：分词匹配，引号内为短语，按相关度排序，仅含本人可见内容',
        querystring: searchQuerySchema,
        response: { 200: searchPageSchema },
      },
      handler: async (request) => services.search.search(actorOf(request), request.query),
    });

    api.get('/public/search', {
      config: { public: true },
      schema: {
        tags,
        summary: '公开检索：仅含已公开的建议及其答复',
        querystring: publicSearchQuerySchema,
        response: { 200: searchPageSchema },
      },
      handler: async (request) => services.search.publicSearch(request.query),
    });

    // Registered as a literal path, so it never reaches `/suggestions/:id`.
    api.get('/suggestions/similar', {
      schema: {
        tags,
        summary: '相似建议：按正在起草的文字查找本级（可含上下级）往届和本届的同类建议',
        querystring: similarQuerySchema,
        response: { 200: similarListSchema },
      },
      handler: async (request) => services.similarSuggestions.similarToText(actorOf(request), request.query),
    });

    api.get('/suggestions/:id/similar', {
      schema: {
        tags,
        summary: '与某件建议相似的建议（审查并案时参考）',
        params: idParamsSchema,
        querystring: similarForItemQuerySchema,
        response: { 200: similarListSchema },
      },
      handler: async (request) =>
        services.similarSuggestions.similarToItem(
          actorOf(request),
          request.params.id,
          request.query.includeLevels,
          request.query.limit,
        ),
    });

    api.get('/suggestions/:id/recommendations', {
      schema: {
        tags,
        summary: '交办推荐：依相似往期建议的交办情况推荐分类、主办和协办单位（附依据）',
        params: idParamsSchema,
        response: { 200: recommendationsSchema },
      },
      handler: async (request) => services.recommendations.forItem(actorOf(request), request.params.id),
    });

    api.get('/search/dictionary', {
      schema: { tags, summary: '分词词库（地名、专用词）', response: { 200: dictionaryListSchema } },
      handler: async () => services.search.dictionaryWords(),
    });

    api.post('/search/dictionary', {
      schema: {
        tags,
        summary: '添加词条',
        body: dictionaryWordInputSchema,
        response: { 201: dictionaryWordSchema },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await services.search.addWord(actorOf(request), request.body)),
    });

    api.delete('/search/dictionary/:id', {
      schema: { tags, summary: '删除词条', params: idParamsSchema, response: { 200: okSchema } },
      handler: async (request) => services.search.removeWord(actorOf(request), request.params.id),
    });

    api.post('/search/rebuild', {
      schema: {
        tags,
        summary: '重建检索索引（管理员；大库请用命令 minyi search rebuild）',
        response: { 200: rebuildResultSchema },
      },
      handler: async (request) => services.search.rebuildAs(actorOf(request)),
    });
  };
}
