import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  appraisalQuerySchema,
  appraisalResultSchema,
  appraisalSettingsQuerySchema,
  appraisalSettingsSchema,
  appraisalSettingsViewSchema,
  appraisalUnitParamsSchema,
  unitAppraisalDetailSchema,
} from '../../shared/schemas/appraisal.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { contentDisposition } from '../suggestions/downloads.js';
import { appraisalScopeText, writeAppraisalXlsx } from './appraisal.xlsx.js';

const tags = ['考评 Appraisal'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The unit appraisal (七台河): ranking, one unit's deductions, settings, Excel export. */
export function appraisalRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/stats/appraisal', {
      schema: {
        tags,
        summary:
          '承办单位考评排名（按会议 sessionId 或年度 year；按时答复、答复前联系代表、满意度、纪实表签字、承诺落实加权计分，扣完为止）。承办单位用户只看到本单位',
        querystring: appraisalQuerySchema,
        response: { 200: appraisalResultSchema },
      },
      handler: async (request) => services.appraisal.ranking(actorOf(request), request.query),
    });

    api.get('/stats/appraisal.xlsx', {
      schema: {
        tags,
        summary: '导出考评结果（.xlsx：得分表、逐项扣分明细），供政府绩效考核使用（仅人大机关工作人员）',
        querystring: appraisalQuerySchema,
      },
      handler: async (request, reply) => {
        const run = await services.appraisal.full(actorOf(request), request.query);
        const stream = new PassThrough();
        writeAppraisalXlsx(run, stream).catch((error: unknown) => {
          request.log.error({ err: error }, 'appraisal export failed while streaming');
          stream.destroy(error instanceof Error ? error : new Error(String(error)));
        });
        const name = `承办单位考评-${appraisalScopeText(run.scope)}.xlsx`;
        return reply
          .type(xlsxType)
          .header('content-disposition', contentDisposition('attachment', name, 'appraisal.xlsx'))
          .send(stream);
      },
    });

    api.get('/stats/appraisal/settings', {
      schema: {
        tags,
        summary: '考评权重与扣分标准（本级设置，否则继承上级，否则默认）',
        querystring: appraisalSettingsQuerySchema,
        response: { 200: appraisalSettingsViewSchema },
      },
      handler: async (request) => services.appraisal.readSettings(actorOf(request), request.query.bodyId),
    });

    api.put('/stats/appraisal/settings', {
      schema: {
        tags,
        summary: '修改考评权重与扣分标准（代表工委、管理员；权重之和须为 100）',
        querystring: appraisalSettingsQuerySchema,
        body: appraisalSettingsSchema,
        response: { 200: appraisalSettingsViewSchema },
      },
      handler: async (request) =>
        services.appraisal.updateSettings(actorOf(request), request.query.bodyId, request.body),
    });

    api.get('/stats/appraisal/:unitId', {
      schema: {
        tags,
        summary: '一个承办单位的考评：各项得分与逐项扣分（哪件建议、原因、扣几分）',
        params: appraisalUnitParamsSchema,
        querystring: appraisalQuerySchema,
        response: { 200: unitAppraisalDetailSchema },
      },
      handler: async (request) =>
        services.appraisal.unit(actorOf(request), request.params.unitId, request.query),
    });
  };
}
