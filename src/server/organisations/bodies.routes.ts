import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  bodyCreateSchema,
  bodySchema,
  bodyUpdateSchema,
  ruleProfileViewSchema,
} from '../../shared/schemas/bodies.js';
import { idParamsSchema } from '../../shared/schemas/common.js';
import { ruleProfileSchema } from '../../shared/schemas/settings.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';

const tags = ['人大机关 Bodies'];

export function bodiesRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/bodies', {
      schema: { tags, summary: '全部人大机关（树形，按路径排序）', response: { 200: z.array(bodySchema) } },
      handler: async () => services.bodies.list(),
    });

    api.get('/bodies/:id', {
      schema: { tags, summary: '人大机关详情', params: idParamsSchema, response: { 200: bodySchema } },
      handler: async (request) => services.bodies.get(request.params.id),
    });

    api.post('/bodies', {
      schema: { tags, summary: '新建人大机关', body: bodyCreateSchema, response: { 201: bodySchema } },
      handler: async (request, reply) =>
        reply.status(201).send(await services.bodies.create(actorOf(request), request.body)),
    });

    api.patch('/bodies/:id', {
      schema: {
        tags,
        summary: '修改人大机关',
        params: idParamsSchema,
        body: bodyUpdateSchema,
        response: { 200: bodySchema },
      },
      handler: async (request) => services.bodies.update(actorOf(request), request.params.id, request.body),
    });

    api.get('/bodies/:id/rule-profile', {
      schema: {
        tags,
        summary: '规则设置（本级、继承或默认河南规则）',
        params: idParamsSchema,
        response: { 200: ruleProfileViewSchema },
      },
      handler: async (request) => services.settings.ruleProfile(request.params.id),
    });

    api.put('/bodies/:id/rule-profile', {
      schema: {
        tags,
        summary: '保存本级规则设置',
        params: idParamsSchema,
        body: ruleProfileSchema,
        response: { 200: ruleProfileViewSchema },
      },
      handler: async (request) =>
        services.settings.updateRuleProfile(actorOf(request), request.params.id, request.body),
    });

    api.delete('/bodies/:id/rule-profile', {
      schema: {
        tags,
        summary: '删除本级规则设置（恢复继承）',
        params: idParamsSchema,
        response: { 200: ruleProfileViewSchema },
      },
      handler: async (request) => services.settings.resetRuleProfile(actorOf(request), request.params.id),
    });
  };
}
