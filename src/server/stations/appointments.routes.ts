import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../shared/schemas/common.js';
import {
  agencyAppointmentCreateSchema,
  agencyAppointmentPageSchema,
  agencyAppointmentQuerySchema,
  agencyAppointmentSchema,
  appointmentPageSchema,
  appointmentQuerySchema,
  appointmentSchema,
} from '../../shared/schemas/appointments.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { requestLocale } from '../http/locale.js';

const tags = ['约见 Appointments'];
const actionParams = z.object({ id: idSchema, action: z.string().min(1).max(40) });
const actionBody = z.record(z.string(), z.unknown()).optional();

/** Citizens' appointments with deputies (约见卡) and deputies' appointments with agency heads. */
export function appointmentsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/appointments', {
      schema: {
        tags,
        summary: '群众约见代表的预约',
        querystring: appointmentQuerySchema,
        response: { 200: appointmentPageSchema },
      },
      handler: async (request) => services.appointments.list(actorOf(request), request.query),
    });

    api.get('/appointments/:id', {
      schema: { tags, summary: '预约详情', params: idParamsSchema, response: { 200: appointmentSchema } },
      handler: async (request) =>
        services.appointments.get(actorOf(request), request.params.id, requestLocale(request)),
    });

    api.post('/appointments/:id/actions/:action', {
      schema: {
        tags,
        summary:
          '处理预约：accept 接受、propose 提议改期、decline 婉拒（须说明理由）、hold 已见面、miss 未到场',
        params: actionParams,
        body: actionBody,
        response: { 200: appointmentSchema },
      },
      handler: async (request) =>
        services.appointments.perform(
          actorOf(request),
          request.params.id,
          request.params.action,
          request.body ?? {},
          requestLocale(request),
        ),
    });

    api.get('/agency-appointments', {
      schema: {
        tags,
        summary: '代表约见国家机关负责人（代表法第二十九条）',
        querystring: agencyAppointmentQuerySchema,
        response: { 200: agencyAppointmentPageSchema },
      },
      handler: async (request) => services.agencyAppointments.list(actorOf(request), request.query),
    });

    api.post('/agency-appointments', {
      schema: {
        tags,
        summary: '代表提出约见申请（事项和理由）',
        body: agencyAppointmentCreateSchema,
        response: { 201: agencyAppointmentSchema },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(
            await services.agencyAppointments.create(actorOf(request), request.body, requestLocale(request)),
          ),
    });

    api.get('/agency-appointments/:id', {
      schema: {
        tags,
        summary: '约见详情',
        params: idParamsSchema,
        response: { 200: agencyAppointmentSchema },
      },
      handler: async (request) =>
        services.agencyAppointments.get(actorOf(request), request.params.id, requestLocale(request)),
    });

    api.post('/agency-appointments/:id/actions/:action', {
      schema: {
        tags,
        summary:
          '办理：schedule 安排、postpone 推迟（限一次，至多一个月）、hold 记录约见情况、follow_up 跟踪落实、close 办结、withdraw 撤回',
        params: actionParams,
        body: actionBody,
        response: { 200: agencyAppointmentSchema },
      },
      handler: async (request) =>
        services.agencyAppointments.perform(
          actorOf(request),
          request.params.id,
          request.params.action,
          request.body ?? {},
          requestLocale(request),
        ),
    });
  };
}
