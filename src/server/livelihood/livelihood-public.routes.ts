import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../shared/schemas/common.js';
import {
  nominationInputSchema,
  nominationReceiptSchema,
  nominationTokenSchema,
  publicRoundSchema,
} from '../../shared/schemas/livelihood.js';
import type { Services } from '../services.js';

const tags = ['公开 Public'];

/** No-login pages of livelihood projects: proposing a project, and the published results. */
export function livelihoodPublicRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/public/livelihood-rounds', {
      schema: {
        tags,
        summary: '正在征集或已公开结果的民生实事票决（无需登录）',
        querystring: z.object({ bodyId: idSchema.optional() }),
        response: { 200: z.array(publicRoundSchema) },
      },
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      handler: async (request) => services.livelihoodPublic.list(request.query.bodyId),
    });

    api.get('/public/livelihood-rounds/:id', {
      schema: {
        tags,
        summary: '民生实事票决公开信息',
        params: idParamsSchema,
        response: { 200: publicRoundSchema },
      },
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      handler: async (request) => services.livelihoodPublic.get(request.params.id),
    });

    api.post('/public/livelihood-rounds/:id/form', {
      schema: {
        tags,
        summary: '取得提交项目建议的表单令牌（几秒后才可提交）',
        params: idParamsSchema,
        response: { 200: nominationTokenSchema },
      },
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      handler: async (request) => services.livelihoodNominations.formToken(request.params.id),
    });

    api.post('/public/livelihood-rounds/:id/nominations', {
      schema: {
        tags,
        summary: '群众提交民生实事项目建议（无需登录；同一手机号、同一网络有数量限制）',
        params: idParamsSchema,
        body: nominationInputSchema,
        response: { 201: nominationReceiptSchema },
      },
      config: { public: true, rateLimit: { max: 5, timeWindow: '1 minute' } },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(
            await services.livelihoodNominations.submit(request.params.id, request.body, request.ip ?? null),
          ),
    });

    api.get('/public/livelihood-photos/:id', {
      schema: { tags, summary: '已公开项目的进度照片', params: idParamsSchema },
      config: { public: true, rateLimit: { max: 300, timeWindow: '1 minute' } },
      handler: async (request, reply) => {
        const photo = await services.livelihoodImplementation.photo(null, request.params.id);
        return reply
          .type(photo.mimeType)
          .header('content-length', String(photo.sizeBytes))
          .header('cache-control', 'public, max-age=3600')
          .send(photo.stream);
      },
    });
  };
}
