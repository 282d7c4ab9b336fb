import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/schemas/common.js';
import {
  publicBodyQuerySchema,
  publicBodySchema,
  publicCategorySchema,
  publicSessionSchema,
  publicSuggestionDetailSchema,
  publicSuggestionPageSchema,
  publicSuggestionQuerySchema,
  publicUnitSchema,
} from '../../shared/schemas/portal.js';
import type { Services } from '../services.js';

const tags = ['公开 Public'];
/** No login; limited per client so the portal cannot be scraped at full speed. */
const open = { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } };

/** The public portal's API (`/api/v1/public/…`): disclosed suggestions, and the lists to filter by. */
export function portalRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/public/suggestions', {
      schema: {
        tags,
        summary: '公开的代表建议（无需登录；按会议、类别、承办单位、状态筛选，按标题搜索）',
        querystring: publicSuggestionQuerySchema,
        response: { 200: publicSuggestionPageSchema },
      },
      config: open,
      handler: async (request) => services.portal.list(request.query),
    });

    api.get('/public/suggestions/:id', {
      schema: {
        tags,
        summary: '公开的建议详情：内容、承办单位、答复与评价结果（无需登录）',
        params: idParamsSchema,
        response: { 200: publicSuggestionDetailSchema },
      },
      config: open,
      handler: async (request) => services.portal.get(request.params.id),
    });

    api.get('/public/bodies', {
      schema: {
        tags,
        summary: '人大机关（名称与层级，供筛选）',
        response: { 200: z.array(publicBodySchema) },
      },
      config: open,
      handler: async () => services.portal.bodyList(),
    });

    api.get('/public/sessions', {
      schema: {
        tags,
        summary: '人大机关的历次会议（供筛选）',
        querystring: publicBodyQuerySchema,
        response: { 200: z.array(publicSessionSchema) },
      },
      config: open,
      handler: async (request) => services.portal.sessions(request.query.bodyId),
    });

    api.get('/public/categories', {
      schema: {
        tags,
        summary: '建议类别（供筛选）',
        querystring: publicBodyQuerySchema,
        response: { 200: z.array(publicCategorySchema) },
      },
      config: open,
      handler: async (request) => services.portal.categories(request.query.bodyId),
    });

    api.get('/public/units', {
      schema: {
        tags,
        summary: '承办单位（仅名称，供筛选）',
        querystring: publicBodyQuerySchema,
        response: { 200: z.array(publicUnitSchema) },
      },
      config: open,
      handler: async (request) => services.portal.units(request.query.bodyId),
    });
  };
}
