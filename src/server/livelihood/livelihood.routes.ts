import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../shared/schemas/common.js';
import {
  candidateInputSchema,
  candidateUpdateSchema,
  nominationSchema,
  nominationStatusValues,
  planInputSchema,
  progressInputSchema,
  projectDetailSchema,
  projectSummarySchema,
  roundCreateSchema,
  roundDetailSchema,
  roundQuerySchema,
  roundSummarySchema,
  roundUpdateSchema,
  screeningSchema,
  supervisorsInputSchema,
} from '../../shared/schemas/livelihood.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { requestLocale } from '../http/locale.js';
import { readUpload } from '../http/uploads.js';
import { progressPhotoMaxBytes } from './implementation.service.js';

const tags = ['民生实事 Livelihood projects'];
const root = '/livelihood-projects';
const actionParams = z.object({ id: idSchema, action: z.string().regex(/^[a-z_]{1,40}$/) });

/** `/api/v1/livelihood-projects`: rounds, proposals, candidates and carrying the projects out. */
export function livelihoodRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();
    const round = (request: FastifyRequest, id: string) =>
      services.livelihoodRounds.detail(actorOf(request), id, requestLocale(request));

    api.get(`${root}/rounds`, {
      schema: {
        tags,
        summary: '民生实事票决（按年度）',
        querystring: roundQuerySchema,
        response: { 200: z.array(roundSummarySchema) },
      },
      handler: async (request) => services.livelihoodRounds.list(actorOf(request), request.query.bodyId),
    });

    api.post(`${root}/rounds`, {
      schema: {
        tags,
        summary: '新建年度民生实事票决',
        body: roundCreateSchema,
        response: { 201: roundDetailSchema },
      },
      handler: async (request, reply) => {
        const row = await services.livelihoodRounds.create(actorOf(request), request.body);
        return reply.status(201).send(await round(request, row.id));
      },
    });

    api.get(`${root}/rounds/:id`, {
      schema: {
        tags,
        summary: '票决详情：候选与确定项目、可执行操作',
        params: idParamsSchema,
        response: { 200: roundDetailSchema },
      },
      handler: async (request) => round(request, request.params.id),
    });

    api.patch(`${root}/rounds/:id`, {
      schema: {
        tags,
        summary: '修改（征集开始后只能改说明、延长征集期）',
        params: idParamsSchema,
        body: roundUpdateSchema.extend({ version: z.number().int().min(0) }),
        response: { 200: roundDetailSchema },
      },
      handler: async (request) => {
        await services.livelihoodRounds.update(actorOf(request), request.params.id, request.body);
        return round(request, request.params.id);
      },
    });

    api.post(`${root}/rounds/:id/actions/:action`, {
      schema: {
        tags,
        summary:
          '流程操作：open_nomination 开始征集、close_nomination 结束征集、fix_candidates 确定候选、start_vote 提交票决、runoff 另行投票（末位同票或名额未满）、conclude_vote 按现有结果确定、start_evaluation 年终测评、publish 公开结果',
        params: actionParams,
        body: z.record(z.string(), z.unknown()).optional(),
        response: { 200: roundDetailSchema },
      },
      handler: async (request) => {
        const { id, action } = request.params;
        await services.livelihoodActions.perform(actorOf(request), id, action, request.body);
        return round(request, id);
      },
    });

    api.get(`${root}/rounds/:id/nominations`, {
      schema: {
        tags,
        summary: '群众建议（征集到的项目建议）',
        params: idParamsSchema,
        querystring: z.object({ status: z.enum(nominationStatusValues).optional() }),
        response: { 200: z.array(nominationSchema) },
      },
      handler: async (request) =>
        services.livelihoodNominations.list(actorOf(request), request.params.id, request.query.status),
    });

    api.post(`${root}/nominations/:id/screen`, {
      schema: {
        tags,
        summary: '筛选：采纳或说明不予采纳的原因',
        params: idParamsSchema,
        body: screeningSchema,
        response: { 200: nominationSchema },
      },
      handler: async (request) =>
        services.livelihoodNominations.screen(actorOf(request), request.params.id, request.body),
    });

    api.post(`${root}/rounds/:id/candidates`, {
      schema: {
        tags,
        summary: '增加候选项目',
        params: idParamsSchema,
        body: candidateInputSchema,
        response: { 201: projectSummarySchema },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(await services.livelihoodCandidates.add(actorOf(request), request.params.id, request.body)),
    });

    api.get(`${root}/:id`, {
      schema: {
        tags,
        summary: '项目详情：实施计划、进度、监督小组',
        params: idParamsSchema,
        response: { 200: projectDetailSchema },
      },
      handler: async (request) =>
        services.livelihoodImplementation.detail(actorOf(request), request.params.id),
    });

    api.patch(`${root}/:id`, {
      schema: {
        tags,
        summary: '修改候选项目',
        params: idParamsSchema,
        body: candidateUpdateSchema,
        response: { 200: projectSummarySchema },
      },
      handler: async (request) =>
        services.livelihoodCandidates.update(actorOf(request), request.params.id, request.body),
    });

    api.post(`${root}/:id/withdraw`, {
      schema: {
        tags,
        summary: '撤回候选项目',
        params: idParamsSchema,
        body: z.object({ version: z.number().int().min(0) }),
        response: { 200: projectSummarySchema },
      },
      handler: async (request) =>
        services.livelihoodCandidates.withdraw(actorOf(request), request.params.id, request.body.version),
    });

    api.put(`${root}/:id/plan`, {
      schema: {
        tags,
        summary: '实施计划（承办单位、目标、节点、资金）',
        params: idParamsSchema,
        body: planInputSchema,
        response: { 200: projectDetailSchema },
      },
      handler: async (request) =>
        services.livelihoodImplementation.putPlan(actorOf(request), request.params.id, request.body),
    });

    api.post(`${root}/:id/progress`, {
      schema: {
        tags,
        summary: '报送进度（完成百分比及说明）',
        params: idParamsSchema,
        body: progressInputSchema,
        response: { 201: projectDetailSchema },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(
            await services.livelihoodImplementation.addProgress(
              actorOf(request),
              request.params.id,
              request.body,
            ),
          ),
    });

    api.post(`${root}/progress/:id/photos`, {
      schema: {
        tags,
        summary: '为进度报告上传照片（multipart，字段 file；JPEG/PNG/WebP，不超过 8 MB）',
        params: idParamsSchema,
        consumes: ['multipart/form-data'],
        response: { 201: projectDetailSchema },
      },
      handler: async (request, reply) => {
        const upload = await readUpload(request, progressPhotoMaxBytes, {
          zh: '照片不能超过 8 MB。',
          en: 'Photos may not exceed 8 MB.',
        });
        return reply
          .status(201)
          .send(
            await services.livelihoodImplementation.addPhoto(actorOf(request), request.params.id, upload),
          );
      },
    });

    api.get(`${root}/photos/:id`, {
      schema: { tags, summary: '进度照片', params: idParamsSchema },
      handler: async (request, reply) => {
        const photo = await services.livelihoodImplementation.photo(actorOf(request), request.params.id);
        return reply
          .type(photo.mimeType)
          .header('content-length', String(photo.sizeBytes))
          .header('cache-control', 'private, max-age=3600')
          .send(photo.stream);
      },
    });

    api.put(`${root}/:id/supervisors`, {
      schema: {
        tags,
        summary: '代表监督小组（组长及成员）',
        params: idParamsSchema,
        body: supervisorsInputSchema,
        response: { 200: projectDetailSchema },
      },
      handler: async (request) =>
        services.livelihoodImplementation.putSupervisors(actorOf(request), request.params.id, request.body),
    });
  };
}
