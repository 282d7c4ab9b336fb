import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/schemas/common.js';
import { qrInfoSchema } from '../../shared/schemas/stations.js';
import type { Services } from '../services.js';
import { actorOf } from '../auth/auth.plugin.js';
import { requestOrigin } from './http-images.js';
import type { QrFormat } from './qr.service.js';

const tags = ['二维码 QR codes'];

/**
 * QR codes of deputies (一码上墙) and stations for staff and the deputy: the address they hold,
 * and the code as PNG (print) and SVG (scalable).
 */
export function qrRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();
    const qr = services.stationQr;

    api.get('/deputies/:id/qr', {
      schema: {
        tags,
        summary: '代表二维码：所含的固定公开网址（不含个人信息）、图片和 A4 海报地址；首次调用时生成编码',
        params: idParamsSchema,
        response: { 200: qrInfoSchema },
      },
      handler: async (request) => qr.deputyQr(actorOf(request), request.params.id, requestOrigin(request)),
    });

    api.get('/stations/:id/qr', {
      schema: { tags, summary: '联络站二维码信息', params: idParamsSchema, response: { 200: qrInfoSchema } },
      handler: async (request) => qr.stationQr(actorOf(request), request.params.id, requestOrigin(request)),
    });

    for (const format of ['png', 'svg'] as const satisfies readonly QrFormat[]) {
      api.get(`/deputies/:id/qr.${format}`, {
        schema: { tags, summary: `代表二维码图片（${format.toUpperCase()}）`, params: idParamsSchema },
        handler: async (request, reply) => {
          const image = await qr.deputyImage(
            actorOf(request),
            request.params.id,
            format,
            requestOrigin(request),
          );
          return reply.type(image.type).header('cache-control', 'private, max-age=300').send(image.body);
        },
      });
      api.get(`/stations/:id/qr.${format}`, {
        schema: { tags, summary: `联络站二维码图片（${format.toUpperCase()}）`, params: idParamsSchema },
        handler: async (request, reply) => {
          const image = await qr.stationImage(
            actorOf(request),
            request.params.id,
            format,
            requestOrigin(request),
          );
          return reply.type(image.type).header('cache-control', 'private, max-age=300').send(image.body);
        },
      });
    }
  };
}
