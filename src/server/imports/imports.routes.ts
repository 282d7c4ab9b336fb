import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  exportQuerySchema,
  importKindLabels,
  importKindParamsSchema,
  importMaxBytes,
  importQuerySchema,
  importReportSchema,
} from '../../shared/schemas/imports.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { readUpload } from '../http/uploads.js';
import { importErrors } from './imports.errors.js';

const tags = ['导入导出 Import & export'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An attachment name that survives every browser: ASCII fallback plus the UTF-8 name. */
function attachment(fallback: string, fileName: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function importsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/imports/:kind/template', {
      schema: { tags, summary: '下载导入模板（含示例行和填写说明）', params: importKindParamsSchema },
      handler: async (request, reply) => {
        const { kind } = request.params;
        return reply
          .type(xlsxType)
          .header(
            'content-disposition',
            attachment(`${kind}-template.xlsx`, `${importKindLabels[kind].zh}导入模板.xlsx`),
          )
          .send(await services.imports.template(kind));
      },
    });

    api.post('/imports/:kind', {
      schema: {
        tags,
        summary:
          '导入 .xlsx（multipart，字段 file，不超过 25 MB）。全部或不导入模式下有错误行时返回 400，报告在问题详情中',
        params: importKindParamsSchema,
        querystring: importQuerySchema,
        consumes: ['multipart/form-data'],
        response: { 200: importReportSchema },
      },
      handler: async (request) => {
        const upload = await readUpload(request, importMaxBytes, importErrors.fileTooLarge(importMaxBytes));
        const report = await services.imports.importFile(
          actorOf(request),
          request.params.kind,
          request.query,
          upload.data,
        );
        if (report.mode === 'all_or_nothing' && report.validRows < report.totalRows)
          throw importErrors.rejected(report);
        return report;
      },
    });

    api.get('/exports/:kind', {
      schema: {
        tags,
        summary: '导出 .xlsx（与导入模板同列，可修改后重新导入；流式输出）',
        params: importKindParamsSchema,
        querystring: exportQuerySchema,
      },
      handler: async (request, reply) => {
        const { kind } = request.params;
        const prepared = await services.exports.prepare(actorOf(request), kind, request.query);
        const stream = new PassThrough();
        prepared.write(stream).catch((error: unknown) => {
          request.log.error({ err: error }, 'export failed while streaming');
          stream.destroy(error instanceof Error ? error : new Error(String(error)));
        });
        return reply
          .type(xlsxType)
          .header('content-disposition', attachment(`${kind}.xlsx`, prepared.fileName))
          .send(stream);
      },
    });
  };
}
