import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/schemas/common.js';
import {
  passwordResetSchema,
  userCreateSchema,
  userCreatedSchema,
  userPageSchema,
  userQuerySchema,
  userSchema,
  userUpdateSchema,
} from '../../shared/schemas/users.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';

const tags = ['用户 Users'];

export function usersRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/users', {
      schema: {
        tags,
        summary: '用户列表（管理员，限本级及下级）',
        querystring: userQuerySchema,
        response: { 200: userPageSchema },
      },
      handler: async (request) => {
        const { page, pageSize, ...filter } = request.query;
        return services.users.list(actorOf(request), filter, page, pageSize);
      },
    });

    api.get('/users/:id', {
      schema: { tags, summary: '用户详情', params: idParamsSchema, response: { 200: userSchema } },
      handler: async (request) => services.users.get(actorOf(request), request.params.id),
    });

    api.post('/users', {
      schema: {
        tags,
        summary: '新建用户（未给密码则生成初始密码，只显示一次）',
        body: userCreateSchema,
        response: { 201: userCreatedSchema },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await services.users.create(actorOf(request), request.body)),
    });

    api.patch('/users/:id', {
      schema: {
        tags,
        summary: '修改用户、角色或停用',
        params: idParamsSchema,
        body: userUpdateSchema,
        response: { 200: userSchema },
      },
      handler: async (request) => services.users.update(actorOf(request), request.params.id, request.body),
    });

    api.post('/users/:id/reset-password', {
      schema: {
        tags,
        summary: '重置为临时密码（下次登录须修改）',
        params: idParamsSchema,
        response: { 200: passwordResetSchema },
      },
      handler: async (request) => services.users.resetPassword(actorOf(request), request.params.id),
    });

    api.post('/users/:id/unlock', {
      schema: { tags, summary: '解除锁定', params: idParamsSchema, response: { 200: userSchema } },
      handler: async (request) => services.users.unlock(actorOf(request), request.params.id),
    });
  };
}
