import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  exportIdParamsSchema,
  exportListSchema,
  exportRequestSchema,
  exportViewSchema,
} from '../../shared/schemas/exports.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { contentDisposition } from '../suggestions/downloads.js';

const tags = ['导出 Exports'];

/** Background exports: start, follow the progress, download. */
export function exportsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.post('/exports', {
      schema: {
        tags,
        summary: '开始后台导出（报告、汇编、Excel），立即返回编号；参数与对应下载接口相同，权限在此检查',
        body: exportRequestSchema,
        response: { 202: exportViewSchema },
      },
      handler: async (request, reply) =>
        reply.code(202).send(await services.backgroundExports.start(actorOf(request), request.body)),
    });

    api.get('/exports', {
      schema: { tags, summary: '我发起的导出（最近 50 个）', response: { 200: exportListSchema } },
      handler: async (request) => ({ items: await services.backgroundExports.mine(actorOf(request)) }),
    });

    api.get('/exports/:id(^[0-9A-HJKMNP-TV-Z]{26}$)', {
      schema: {
        tags,
        summary: '导出状态与进度（0-100）；仅发起人或同级代表工委可见',
        params: exportIdParamsSchema,
        response: { 200: exportViewSchema },
      },
      handler: async (request) => services.backgroundExports.get(actorOf(request), request.params.id),
    });

    api.get('/exports/:id(^[0-9A-HJKMNP-TV-Z]{26}$)/download', {
      schema: { tags, summary: '下载已完成的导出文件', params: exportIdParamsSchema },
      handler: async (request, reply) => {
        const file = await services.backgroundExports.download(actorOf(request), request.params.id);
        return reply
          .type(file.contentType)
          .header('content-disposition', contentDisposition('attachment', file.fileName, file.fallbackName))
          .header('cache-control', 'private, no-store')
          .send(file.stream);
      },
    });
  };
}
