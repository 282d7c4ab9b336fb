import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  annualReportQuerySchema,
  compilationQuerySchema,
  reportFormatValues,
  unitReportParamsSchema,
  unitReportQuerySchema,
} from '../../shared/schemas/reports.js';
import type { ReportFormat } from '../../shared/schemas/reports.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { contentDisposition } from '../suggestions/downloads.js';
import type { RenderedDocument } from '../documents/documents.service.js';

const tags = ['报告 Reports'];
const formatNames: Record<ReportFormat, string> = { pdf: 'PDF', docx: 'Word' };

function send(reply: FastifyReply, document: RenderedDocument) {
  return reply
    .type(document.contentType)
    .header('content-disposition', contentDisposition('attachment', document.fileName, document.fallbackName))
    .header('cache-control', 'private, no-store')
    .send(document.body);
}

/**
 * Official reports, generated on request (one route per format, the format a literal suffix).
 * Long ones can also run in the background: `POST /exports`.
 */
export function reportsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();
    for (const format of reportFormatValues) {
      api.get(`/reports/annual.${format}`, {
        schema: {
          tags,
          summary: `年度代表建议办理情况报告（${formatNames[format]}；指标、图表、重点建议、不满意事项、考评）`,
          querystring: annualReportQuerySchema,
        },
        handler: async (request, reply) =>
          send(reply, await services.reports.annual(actorOf(request), request.query, format)),
      });
      api.get(`/reports/compilation.${format}`, {
        schema: {
          tags,
          summary: `一次会议的代表建议及答复汇编（${formatNames[format]}）`,
          querystring: compilationQuerySchema,
        },
        handler: async (request, reply) =>
          send(reply, await services.reports.compilation(actorOf(request), request.query, format)),
      });
      api.get(`/reports/units/:unitId.${format}`, {
        schema: {
          tags,
          summary: `承办单位办理情况报告（${formatNames[format]}；本单位用户只能取本单位）`,
          params: unitReportParamsSchema,
          querystring: unitReportQuerySchema,
        },
        handler: async (request, reply) =>
          send(
            reply,
            await services.reports.unit(actorOf(request), request.params.unitId, request.query, format),
          ),
      });
    }
  };
}
