import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/schemas/common.js';
import {
  deputyCreateSchema,
  deputyPageSchema,
  deputyQuerySchema,
  deputySchema,
  deputySeatParamsSchema,
  deputyUpdateSchema,
  photoMaxBytes,
  seatCreateSchema,
  seatTerminateSchema,
  seatUpdateSchema,
} from '../../shared/schemas/deputies.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { readUpload } from '../http/uploads.js';
import { deputyErrors } from './deputies.errors.js';

const tags = ['代表 Deputies'];

export function deputiesRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/deputies', {
      schema: {
        tags,
        summary: '代表名册（工作人员限本级及下级，代表限本人所在人大；按姓名排序）',
        querystring: deputyQuerySchema,
        response: { 200: deputyPageSchema },
      },
      handler: async (request) => services.deputies.list(actorOf(request), request.query),
    });

    api.get('/deputies/:id', {
      schema: {
        tags,
        summary: '代表详情（含各级席位）',
        params: idParamsSchema,
        response: { 200: deputySchema },
      },
      handler: async (request) => services.deputies.get(actorOf(request), request.params.id),
    });

    api.post('/deputies', {
      schema: {
        tags,
        summary: '新建代表及其第一个席位',
        body: deputyCreateSchema,
        response: { 201: deputySchema },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await services.deputies.create(actorOf(request), request.body)),
    });

    api.patch('/deputies/:id', {
      schema: {
        tags,
        summary: '修改代表个人信息',
        params: idParamsSchema,
        body: deputyUpdateSchema,
        response: { 200: deputySchema },
      },
      handler: async (request) => services.deputies.update(actorOf(request), request.params.id, request.body),
    });

    api.post('/deputies/:id/seats', {
      schema: {
        tags,
        summary: '增加席位（如县级代表同时是乡镇代表；每届一个）',
        params: idParamsSchema,
        body: seatCreateSchema,
        response: { 201: deputySchema },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(await services.deputySeats.add(actorOf(request), request.params.id, request.body)),
    });

    api.patch('/deputies/:id/seats/:seatId', {
      schema: {
        tags,
        summary: '修改席位（代表团、代表小组、选区）',
        params: deputySeatParamsSchema,
        body: seatUpdateSchema,
        response: { 200: deputySchema },
      },
      handler: async (request) =>
        services.deputySeats.update(actorOf(request), request.params.id, request.params.seatId, request.body),
    });

    api.post('/deputies/:id/seats/:seatId/terminate', {
      schema: {
        tags,
        summary: '终止代表资格（记录日期和原因）',
        params: deputySeatParamsSchema,
        body: seatTerminateSchema,
        response: { 200: deputySchema },
      },
      handler: async (request) =>
        services.deputySeats.terminate(
          actorOf(request),
          request.params.id,
          request.params.seatId,
          request.body,
        ),
    });

    api.put('/deputies/:id/photo', {
      schema: {
        tags,
        summary: '上传代表照片（multipart，字段 file；JPEG/PNG/WebP，不超过 5 MB）',
        params: idParamsSchema,
        consumes: ['multipart/form-data'],
        response: { 200: deputySchema },
      },
      handler: async (request) => {
        const upload = await readUpload(request, photoMaxBytes, deputyErrors.photoTooLarge(photoMaxBytes));
        return services.deputyPhotos.upload(actorOf(request), request.params.id, upload);
      },
    });

    api.get('/deputies/:id/photo', {
      schema: { tags, summary: '代表照片', params: idParamsSchema },
      handler: async (request, reply) => {
        const photo = await services.deputyPhotos.download(actorOf(request), request.params.id);
        return reply
          .type(photo.mimeType)
          .header('content-length', String(photo.sizeBytes))
          .header('etag', `"${photo.sha256}"`)
          .header('cache-control', 'private, max-age=300')
          .send(photo.stream);
      },
    });
  };
}
