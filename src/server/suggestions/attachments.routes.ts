import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema } from '../../shared/schemas/common.js';
import {
  attachmentListSchema,
  attachmentMaxBytes,
  attachmentParamsSchema,
  attachmentSchema,
} from '../../shared/schemas/suggestion-files.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { readUpload } from '../http/uploads.js';
import { attachmentErrors } from './attachments.errors.js';
import { contentDisposition } from './downloads.js';

const tags = ['建议 Suggestions'];

export function suggestionAttachmentsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get('/suggestions/:id/attachments', {
      schema: {
        tags,
        summary: '建议的附件',
        params: idParamsSchema,
        response: { 200: attachmentListSchema },
      },
      handler: async (request) => ({
        items: await services.suggestionAttachments.list(actorOf(request), request.params.id),
      }),
    });

    api.post('/suggestions/:id/attachments', {
      schema: {
        tags,
        summary:
          '上传附件（multipart，字段 file；PDF、JPEG/PNG/WebP、Word/Excel/PowerPoint，每个不超过 20 MB，每件最多 10 个；领衔代表，草稿或退回时）',
        params: idParamsSchema,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentSchema },
      },
      handler: async (request, reply) => {
        const upload = await readUpload(
          request,
          attachmentMaxBytes,
          attachmentErrors.tooLarge(attachmentMaxBytes).text,
        );
        return reply
          .status(201)
          .send(await services.suggestionAttachments.add(actorOf(request), request.params.id, upload));
      },
    });

    api.get('/suggestions/:id/attachments/:fileId', {
      schema: { tags, summary: '下载附件', params: attachmentParamsSchema },
      handler: async (request, reply) => {
        const { file, stream } = await services.suggestionAttachments.download(
          actorOf(request),
          request.params.id,
          request.params.fileId,
        );
        return reply
          .type(file.mimeType)
          .header('content-length', String(file.sizeBytes))
          .header('content-disposition', contentDisposition('attachment', file.fileName))
          .header('etag', `"${file.sha256}"`)
          .header('cache-control', 'private, no-cache')
          .send(stream);
      },
    });

    api.delete('/suggestions/:id/attachments/:fileId', {
      schema: {
        tags,
        summary: '删除附件（领衔代表，草稿或退回时）',
        params: attachmentParamsSchema,
        response: { 200: okSchema },
      },
      handler: async (request) => {
        await services.suggestionAttachments.remove(
          actorOf(request),
          request.params.id,
          request.params.fileId,
        );
        return { ok: true as const };
      },
    });
  };
}
