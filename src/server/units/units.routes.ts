import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema } from '../../shared/schemas/common.js';
import {
  unitCreateSchema,
  unitDepartmentInputSchema,
  unitDepartmentParamsSchema,
  unitDepartmentSchema,
  unitPageSchema,
  unitQuerySchema,
  unitSchema,
  unitUpdateSchema,
} from '../../shared/schemas/units.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';

const tags = ['承办单位 Units'];

export function unitsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/units', {
      schema: {
        tags,
        summary: '承办单位列表（工作人员限本级及下级；承办单位用户只见本单位）',
        querystring: unitQuerySchema,
        response: { 200: unitPageSchema },
      },
      handler: async (request) => {
        const { page, pageSize, ...filter } = request.query;
        return services.units.list(actorOf(request), filter, page, pageSize);
      },
    });

    api.get('/units/:id', {
      schema: { tags, summary: '承办单位详情', params: idParamsSchema, response: { 200: unitSchema } },
      handler: async (request) => services.units.get(actorOf(request), request.params.id),
    });

    api.post('/units', {
      schema: {
        tags,
        summary: '新建承办单位（可同时建内设科室）',
        body: unitCreateSchema,
        response: { 201: unitSchema },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await services.units.create(actorOf(request), request.body)),
    });

    api.patch('/units/:id', {
      schema: {
        tags,
        summary: '修改承办单位',
        params: idParamsSchema,
        body: unitUpdateSchema,
        response: { 200: unitSchema },
      },
      handler: async (request) => services.units.update(actorOf(request), request.params.id, request.body),
    });

    api.post('/units/:id/deactivate', {
      schema: {
        tags,
        summary: '停用承办单位（保留历史，不再交办）',
        params: idParamsSchema,
        response: { 200: unitSchema },
      },
      handler: async (request) => services.units.deactivate(actorOf(request), request.params.id),
    });

    api.post('/units/:id/reactivate', {
      schema: { tags, summary: '重新启用承办单位', params: idParamsSchema, response: { 200: unitSchema } },
      handler: async (request) => services.units.reactivate(actorOf(request), request.params.id),
    });

    api.get('/units/:id/departments', {
      schema: {
        tags,
        summary: '内设科室',
        params: idParamsSchema,
        response: { 200: z.array(unitDepartmentSchema) },
      },
      handler: async (request) => services.unitDepartments.list(actorOf(request), request.params.id),
    });

    api.post('/units/:id/departments', {
      schema: {
        tags,
        summary: '新建内设科室',
        params: idParamsSchema,
        body: unitDepartmentInputSchema,
        response: { 201: unitDepartmentSchema },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(await services.unitDepartments.create(actorOf(request), request.params.id, request.body)),
    });

    api.patch('/units/:id/departments/:departmentId', {
      schema: {
        tags,
        summary: '重命名内设科室',
        params: unitDepartmentParamsSchema,
        body: unitDepartmentInputSchema,
        response: { 200: unitDepartmentSchema },
      },
      handler: async (request) =>
        services.unitDepartments.rename(
          actorOf(request),
          request.params.id,
          request.params.departmentId,
          request.body,
        ),
    });

    api.delete('/units/:id/departments/:departmentId', {
      schema: {
        tags,
        summary: '删除内设科室',
        params: unitDepartmentParamsSchema,
        response: { 200: okSchema },
      },
      handler: async (request) => {
        await services.unitDepartments.delete(
          actorOf(request),
          request.params.id,
          request.params.departmentId,
        );
        return { ok: true as const };
      },
    });
  };
}
