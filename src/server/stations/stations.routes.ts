import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../shared/schemas/common.js';
import {
  bodyStationSettingsInputSchema,
  bodyStationSettingsSchema,
  stationCreateSchema,
  stationDeputiesInputSchema,
  stationDetailSchema,
  stationPageSchema,
  stationPhotoMaxBytes,
  stationQuerySchema,
  stationStaffInputSchema,
  staffCandidateQuerySchema,
  staffCandidateSchema,
  stationUpdateSchema,
} from '../../shared/schemas/stations.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { readUpload } from '../http/uploads.js';
import { stationErrors } from './stations.errors.js';
import { sendImage } from './http-images.js';

const tags = ['联络站 Stations'];

/** Stations (家/站/室/点): list, edit, deputies grouped in, staff, photo, body settings. */
export function stationsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/stations', {
      schema: {
        tags,
        summary: '代表联络站列表（工作人员限本级及下级；代表限所在人大；联络站工作人员限本站）',
        querystring: stationQuerySchema,
        response: { 200: stationPageSchema },
      },
      handler: async (request) => services.stations.list(actorOf(request), request.query),
    });

    api.post('/stations', {
      schema: {
        tags,
        summary: '新建联络站',
        body: stationCreateSchema,
        response: { 201: stationDetailSchema },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await services.stations.create(actorOf(request), request.body)),
    });

    api.get('/stations/:id', {
      schema: {
        tags,
        summary: '联络站详情（含进站代表和工作人员）',
        params: idParamsSchema,
        response: { 200: stationDetailSchema },
      },
      handler: async (request) => services.stations.get(actorOf(request), request.params.id),
    });

    api.patch('/stations/:id', {
      schema: {
        tags,
        summary: '修改联络站（带 version，防止覆盖他人的修改）',
        params: idParamsSchema,
        body: stationUpdateSchema,
        response: { 200: stationDetailSchema },
      },
      handler: async (request) => services.stations.update(actorOf(request), request.params.id, request.body),
    });

    api.put('/stations/:id/deputies', {
      schema: {
        tags,
        summary: '编组进站：设置进站代表及轮值顺序（各级代表均可，须在本级或上下级人大有在任席位）',
        params: idParamsSchema,
        body: stationDeputiesInputSchema,
        response: { 200: stationDetailSchema },
      },
      handler: async (request) =>
        services.stations.setDeputies(actorOf(request), request.params.id, request.body.deputyIds),
    });

    api.put('/stations/:id/staff', {
      schema: {
        tags,
        summary: '设置联络站工作人员（可处理本站群众留言和接待记录）',
        params: idParamsSchema,
        body: stationStaffInputSchema,
        response: { 200: stationDetailSchema },
      },
      handler: async (request) =>
        services.stations.setStaff(actorOf(request), request.params.id, request.body.userIds),
    });

    api.get('/stations/:id/staff-candidates', {
      schema: {
        tags,
        summary:
          '可设为本站工作人员的账号（本级、上级或下级人大的工作人员、领导、信息采集员），按姓名或账号搜索',
        params: idParamsSchema,
        querystring: staffCandidateQuerySchema,
        response: { 200: z.array(staffCandidateSchema) },
      },
      handler: async (request) =>
        services.stations.staffCandidates(actorOf(request), request.params.id, request.query.q),
    });

    api.put('/stations/:id/photo', {
      schema: {
        tags,
        summary: '上传联络站照片（multipart，字段 file；JPEG/PNG/WebP，不超过 5 MB）',
        params: idParamsSchema,
        consumes: ['multipart/form-data'],
        response: { 200: stationDetailSchema },
      },
      handler: async (request) => {
        const upload = await readUpload(
          request,
          stationPhotoMaxBytes,
          stationErrors.photoTooLarge(stationPhotoMaxBytes),
        );
        return services.stationPhotos.upload(actorOf(request), request.params.id, upload);
      },
    });

    api.get('/stations/:id/photo', {
      schema: { tags, summary: '联络站照片', params: idParamsSchema },
      handler: async (request, reply) =>
        sendImage(
          reply,
          await services.stationPhotos.download(actorOf(request), request.params.id),
          'private',
        ),
    });

    const bodyParams = z.object({ bodyId: idSchema });
    api.get('/stations/settings/:bodyId', {
      schema: {
        tags,
        summary: '本级人大的联络站设置：星级/示范站标识，默认接待日规则',
        params: bodyParams,
        response: { 200: bodyStationSettingsSchema },
      },
      handler: async (request) =>
        services.receptionRules.bodySettings(actorOf(request), request.params.bodyId),
    });

    api.put('/stations/settings/:bodyId', {
      schema: {
        tags,
        summary: '修改本级人大的联络站设置',
        params: bodyParams,
        body: bodyStationSettingsInputSchema,
        response: { 200: bodyStationSettingsSchema },
      },
      handler: async (request) =>
        services.receptionRules.putBodySettings(actorOf(request), request.params.bodyId, request.body),
    });
  };
}
