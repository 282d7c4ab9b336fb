import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { suggestionExportQuerySchema } from '../../shared/schemas/suggestion-files.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { contentDisposition } from './downloads.js';

const tags = ['建议 Suggestions'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function suggestionExportRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/suggestions/export.xlsx', {
      schema: {
        tags,
        summary: '导出建议列表为 .xlsx（与列表相同的筛选条件和查看范围，不分页；流式输出）',
        querystring: suggestionExportQuerySchema,
      },
      handler: async (request, reply) => {
        const prepared = await services.suggestionExport.prepare(actorOf(request), request.query);
        const stream = new PassThrough();
        prepared.write(stream).catch((error: unknown) => {
          request.log.error({ err: error }, 'suggestion export failed while streaming');
          stream.destroy(error instanceof Error ? error : new Error(String(error)));
        });
        return reply
          .type(xlsxType)
          .header(
            'content-disposition',
            contentDisposition('attachment', prepared.fileName, 'suggestions.xlsx'),
          )
          .send(stream);
      },
    });
  };
}
