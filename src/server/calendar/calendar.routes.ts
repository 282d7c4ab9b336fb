import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okSchema } from '../../shared/schemas/common.js';
import type { Period } from '../../shared/schemas/settings.js';
import {
  calendarDateParamsSchema,
  calendarMonthQuerySchema,
  calendarMonthSchema,
  calendarOverrideInputSchema,
  calendarOverrideListQuerySchema,
  calendarOverrideSchema,
  deadlineQuerySchema,
  deadlineSchema,
} from '../../shared/schemas/calendar.js';
import type { DeadlineQuery } from '../../shared/schemas/calendar.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';

const tags = ['工作日历 Calendar'];

/** The one count the query schema has already checked is present. */
function periodOf(query: DeadlineQuery): Period {
  if (query.months !== undefined) return { amount: query.months, unit: 'months' };
  if (query.workingDays !== undefined) return { amount: query.workingDays, unit: 'workingDays' };
  return { amount: query.days ?? 0, unit: 'days' };
}

export function calendarRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/calendar/deadline', {
      schema: {
        tags,
        summary: '计算法定期限届满日（起算日不计入，届满日遇休息日顺延）',
        querystring: deadlineQuerySchema,
        response: { 200: deadlineSchema },
      },
      handler: async (request) => services.calendar.deadline(request.query.from, periodOf(request.query)),
    });

    api.get('/calendar/month', {
      schema: {
        tags,
        summary: '某月每日的工作日、周末、节假日与调休',
        querystring: calendarMonthQuerySchema,
        response: { 200: calendarMonthSchema },
      },
      handler: async (request) => services.calendar.month(request.query.year, request.query.month),
    });

    api.get('/calendar/overrides', {
      schema: {
        tags,
        summary: '日历调整（按年份；不传年份则全部）',
        querystring: calendarOverrideListQuerySchema,
        response: { 200: z.array(calendarOverrideSchema) },
      },
      handler: async (request) => services.calendar.listOverrides(request.query.year),
    });

    api.put('/calendar/overrides/:date', {
      schema: {
        tags,
        summary: '设置某日为工作日或休息日（系统管理员、代表工委工作人员）',
        params: calendarDateParamsSchema,
        body: calendarOverrideInputSchema,
        response: { 200: calendarOverrideSchema },
      },
      handler: async (request) =>
        services.calendar.putOverride(actorOf(request), request.params.date, request.body),
    });

    api.delete('/calendar/overrides/:date', {
      schema: {
        tags,
        summary: '删除日历调整（恢复官方安排）',
        params: calendarDateParamsSchema,
        response: { 200: okSchema },
      },
      handler: async (request) => {
        await services.calendar.deleteOverride(actorOf(request), request.params.date);
        return { ok: true as const };
      },
    });
  };
}
