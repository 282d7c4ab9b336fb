import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../shared/schemas/common.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { contentDisposition } from '../suggestions/downloads.js';
import type { DocumentFormat, RenderedDocument } from './documents.service.js';

const tags = ['公文 Documents'];
const formats: DocumentFormat[] = ['pdf', 'docx'];
const formatNames: Record<DocumentFormat, string> = { pdf: 'PDF', docx: 'Word (.docx)' };

function send(reply: FastifyReply, document: RenderedDocument) {
  return reply
    .type(document.contentType)
    .header('content-disposition', contentDisposition('attachment', document.fileName, document.fallbackName))
    .header('cache-control', 'private, no-store')
    .send(document.body);
}

/**
 * Downloads of official documents. The format is a literal suffix of the path
 * (`…/record.pdf`), one route per format, so the router matches it before `:id`-style params.
 */
export function documentsRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();
    for (const format of formats) {
      api.get(`/suggestions/:id/replies/:replyId.${format}`, {
        schema: {
          tags,
          summary: `答复函（${formatNames[format]}，公文格式；仅已签发的答复，查看权限同答复列表）`,
          params: z.object({ id: idSchema, replyId: idSchema }),
        },
        handler: async (request, reply) =>
          send(
            reply,
            await services.documents.replyLetter(
              actorOf(request),
              request.params.id,
              request.params.replyId,
              format,
            ),
          ),
      });
      api.get(`/suggestions/:id/record.${format}`, {
        schema: {
          tags,
          summary: `全程纪实表（${formatNames[format]}）`,
          params: idParamsSchema,
        },
        handler: async (request, reply) =>
          send(reply, await services.documents.record(actorOf(request), request.params.id, format)),
      });
    }
  };
}
