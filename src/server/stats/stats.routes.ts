import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/schemas/common.js';
import {
  dashboardQuerySchema,
  drillPageSchema,
  drillQuerySchema,
  groupByLabels,
  indicatorQuerySchema,
  indicatorTableSchema,
  leaderDashboardSchema,
  officeDashboardSchema,
  publicationInputSchema,
  publicationSchema,
  publicStatsQuerySchema,
  publicStatsSchema,
  unitDashboardQuerySchema,
  unitDashboardSchema,
} from '../../shared/schemas/stats.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { contentDisposition } from '../suggestions/downloads.js';
import { indicatorWorkbook } from './stats.export.js';

const tags = ['统计 Statistics'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const open = { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } };

/** Indicators, drill-down, Excel, dashboards (`/api/v1/stats/…`) and the public figures. */
export function statsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/stats/indicators', {
      schema: {
        tags,
        summary:
          '办理指标（DOMAIN §5：办结率、按时办结率、面商率、满意率、解决率、落实率等），可分组、含下级汇总',
        querystring: indicatorQuerySchema,
        response: { 200: indicatorTableSchema },
      },
      handler: async (request) => services.stats.indicators(actorOf(request), request.query),
    });

    api.get('/stats/indicators/drill', {
      schema: {
        tags,
        summary: '指标下钻：某一格（某指标的分子或分母）背后的建议',
        querystring: drillQuerySchema,
        response: { 200: drillPageSchema },
      },
      handler: async (request) => {
        const { page, pageSize, ...query } = request.query;
        return services.stats.drillDown(actorOf(request), query, { page, pageSize });
      },
    });

    api.get('/stats/indicators.xlsx', {
      schema: {
        tags,
        summary: '导出指标表为 .xlsx（与指标查询相同的条件）',
        querystring: indicatorQuerySchema,
      },
      handler: async (request, reply) => {
        const table = await services.stats.indicators(actorOf(request), request.query);
        const body = await services.bodies.require(request.query.bodyId);
        const title = `${body.name} 建议办理指标（${groupByLabels[table.groupBy].zh}）`;
        return reply
          .type(xlsxType)
          .header('content-disposition', contentDisposition('attachment', `${title}.xlsx`, 'indicators.xlsx'))
          .send(await indicatorWorkbook(table, title));
      },
    });

    api.get('/stats/dashboard/office', {
      schema: {
        tags,
        summary: '代表工委看板：各阶段件数、期限热度、与上年对比、承办单位排名',
        querystring: dashboardQuerySchema,
        response: { 200: officeDashboardSchema },
      },
      handler: async (request) => services.statsDashboards.office(actorOf(request), request.query),
    });

    api.get('/stats/dashboard/leader', {
      schema: {
        tags,
        summary: '领导看板：重点建议的阶段和剩余天数，本年指标',
        querystring: dashboardQuerySchema,
        response: { 200: leaderDashboardSchema },
      },
      handler: async (request) => services.statsDashboards.leader(actorOf(request), request.query),
    });

    api.get('/stats/dashboard/unit', {
      schema: {
        tags,
        summary: '承办单位看板：本单位指标与全部单位平均（不显示其他单位）',
        querystring: unitDashboardQuerySchema,
        response: { 200: unitDashboardSchema },
      },
      handler: async (request) => services.statsDashboards.unit(actorOf(request), request.query),
    });

    api.get('/stats/publication/:id', {
      schema: {
        tags,
        summary: '本级人大向社会公布哪些指标',
        params: idParamsSchema,
        response: { 200: publicationSchema },
      },
      handler: async (request) => services.statsPublication.get(actorOf(request), request.params.id),
    });

    api.put('/stats/publication/:id', {
      schema: {
        tags,
        summary: '设置向社会公布的指标（代表工委）',
        params: idParamsSchema,
        body: publicationInputSchema,
        response: { 200: publicationSchema },
      },
      handler: async (request) =>
        services.statsPublication.put(actorOf(request), request.params.id, request.body.indicators),
    });

    api.get('/public/stats', {
      schema: {
        tags: ['公开 Public', ...tags],
        summary: '公开的办理指标（无需登录；仅已公布的指标，仅计公开的建议）',
        querystring: publicStatsQuerySchema,
        response: { 200: publicStatsSchema },
      },
      config: open,
      handler: async (request) => services.statsPublication.publicStats(request.query),
    });
  };
}
