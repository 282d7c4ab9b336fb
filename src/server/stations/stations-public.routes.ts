import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  challengeSchema,
  citizenLimits,
  citizenMessageSchema,
  citizenReceiptSchema,
  publicReceptionSchema,
  trackingParamsSchema,
} from '../../shared/schemas/receptions.js';
import {
  citizenAppointmentSchema,
  publicAppointmentSchema,
  slotSchema,
} from '../../shared/schemas/appointments.js';
import { publicCodeParamsSchema, publicCodeSchema } from '../../shared/schemas/stations.js';
import {
  publicDeputySchema,
  publicStationPageSchema,
  publicStationQuerySchema,
  publicStationSchema,
} from '../../shared/schemas/stations-public.js';
import type { Services } from '../services.js';
import { requestLocale } from '../http/locale.js';
import { readUpload } from '../http/uploads.js';
import { sendImage, requestOrigin } from './http-images.js';

const tags = ['公开 Public'];
/** Reading public pages: generous, a station's wall may be scanned by a queue of people. */
const reading = { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } };
/** Submissions from one address: a burst limit here, daily limits per contact in the service. */
const writing = { public: true, rateLimit: { max: 6, timeWindow: '1 minute' } };
/** Tracking codes are the key to a citizen's matter: slow enough that guessing gets nowhere. */
const tracking = { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } };

/**
 * The no-login endpoints behind the QR codes: public profiles and rosters, the challenge,
 * messages with photos, bookings, and following them with a tracking code. Everything answers
 * JSON (or an image): citizens' text is never served as HTML.
 */
export function stationsPublicRoutes(services: Services) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();
    const profiles = services.publicProfiles;

    api.get('/public/stations', {
      schema: {
        tags,
        summary: '代表联络站名录（地址、开放时间、下次接待日；不含地图）',
        querystring: publicStationQuerySchema,
        response: { 200: publicStationPageSchema },
      },
      config: reading,
      handler: async (request) => profiles.list(request.query),
    });

    api.get('/public/stations/:code', {
      schema: {
        tags,
        summary: '联络站公开页：进站代表、接待日和值班代表',
        params: publicCodeParamsSchema,
        response: { 200: publicStationSchema },
      },
      config: reading,
      handler: async (request) => profiles.station(request.params.code),
    });

    api.get('/public/deputies/:code', {
      schema: {
        tags,
        summary: '代表公开页（扫码进入）：姓名、层级、所在联络站、接待安排；不含私人联系方式',
        params: publicCodeParamsSchema,
        response: { 200: publicDeputySchema },
      },
      config: reading,
      handler: async (request) => profiles.deputy(request.params.code),
    });

    api.get('/public/deputies/:code/photo', {
      schema: { tags, summary: '代表照片（公开页用）', params: publicCodeParamsSchema },
      config: reading,
      handler: async (request, reply) =>
        sendImage(reply, await profiles.deputyPhoto(request.params.code), 'public'),
    });

    api.get('/public/stations/:code/photo', {
      schema: { tags, summary: '联络站照片', params: publicCodeParamsSchema },
      config: reading,
      handler: async (request, reply) =>
        sendImage(reply, await profiles.stationPhoto(request.params.code), 'public'),
    });

    for (const kind of ['deputy', 'station'] as const)
      for (const format of ['png', 'svg'] as const)
        api.get(`/public/${kind === 'deputy' ? 'deputies' : 'stations'}/:code/qr.${format}`, {
          schema: {
            tags,
            summary: `${kind === 'deputy' ? '代表' : '联络站'}二维码（海报用，${format.toUpperCase()}）`,
            params: publicCodeParamsSchema,
          },
          config: reading,
          handler: async (request, reply) => {
            const image = await services.stationQr.publicImage(
              kind,
              request.params.code,
              format,
              requestOrigin(request),
            );
            return reply.type(image.type).header('cache-control', 'public, max-age=3600').send(image.body);
          },
        });

    api.get('/public/slots', {
      schema: {
        tags,
        summary: '可预约的时段（明天起 60 天内；按代表或按联络站）',
        querystring: z.object({
          deputyCode: publicCodeSchema.optional(),
          stationCode: publicCodeSchema.optional(),
        }),
        response: { 200: z.array(slotSchema) },
      },
      config: reading,
      handler: async (request) => services.citizenAppointments.slots(request.query),
    });

    api.get('/public/challenge', {
      schema: {
        tags,
        summary: '提交前的验证题（一次有效，15 分钟内作答）',
        response: { 200: challengeSchema },
      },
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      handler: async (_request, reply) =>
        reply.header('cache-control', 'no-store').send(await services.citizenMessages.challenge()),
    });

    api.post('/public/messages', {
      schema: {
        tags,
        summary: '群众留言（无需登录）：须答对验证题；同一联系方式每天最多 5 次；返回查询码',
        body: citizenMessageSchema,
        response: { 201: citizenReceiptSchema },
      },
      config: writing,
      handler: async (request, reply) =>
        reply.status(201).send(await services.citizenMessages.submit(request.body, request.ip ?? null)),
    });

    api.post('/public/messages/:trackingCode/photos', {
      schema: {
        tags,
        summary: `为留言补充照片（multipart，字段 file；JPEG/PNG/WebP，每张不超过 5 MB，最多 ${citizenLimits.photosPerMessage} 张，提交后 30 分钟内）`,
        params: trackingParamsSchema,
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ photoCount: z.number().int() }) },
      },
      config: writing,
      handler: async (request, reply) => {
        const upload = await readUpload(request, citizenLimits.photoMaxBytes, {
          zh: '照片不能超过 5 MB。',
          en: 'A photo must not exceed 5 MB.',
        });
        return reply
          .status(201)
          .send(await services.citizenMessages.addPhoto(request.params.trackingCode, upload));
      },
    });

    api.get('/public/messages/:trackingCode', {
      schema: {
        tags,
        summary: '凭查询码查看办理情况和答复（不含任何联系方式）',
        params: trackingParamsSchema,
        response: { 200: publicReceptionSchema },
      },
      config: tracking,
      handler: async (request) =>
        services.citizenMessages.track(request.params.trackingCode, requestLocale(request)),
    });

    api.post('/public/appointments', {
      schema: {
        tags,
        summary: '预约见面（约见卡，无需登录）：选择代表值班日的时段；返回查询码',
        body: citizenAppointmentSchema,
        response: {
          201: z.object({
            trackingCode: z.string(),
            date: z.string(),
            startTime: z.string(),
            stationName: z.string(),
            deputyName: z.string(),
          }),
        },
      },
      config: writing,
      handler: async (request, reply) =>
        reply.status(201).send(await services.citizenAppointments.book(request.body, request.ip ?? null)),
    });

    api.get('/public/appointments/:trackingCode', {
      schema: {
        tags,
        summary: '凭查询码查看预约',
        params: trackingParamsSchema,
        response: { 200: publicAppointmentSchema },
      },
      config: tracking,
      handler: async (request) =>
        services.citizenAppointments.track(request.params.trackingCode, requestLocale(request)),
    });

    api.post('/public/appointments/:trackingCode/actions/:action', {
      schema: {
        tags,
        summary: '群众操作预约：confirm 同意代表提议的新时间、cancel 取消',
        params: trackingParamsSchema.extend({ action: z.enum(['confirm', 'cancel']) }),
        response: { 200: publicAppointmentSchema },
      },
      config: tracking,
      handler: async (request) =>
        services.citizenAppointments.act(
          request.params.trackingCode,
          request.params.action,
          requestLocale(request),
        ),
    });
  };
}
