import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiTokenCreateSchema,
  apiTokenCreatedSchema,
  apiTokenSchema,
  loginSchema,
  meSchema,
  passwordChangeSchema,
  totpCodeSchema,
  totpSetupSchema,
} from '../../shared/schemas/auth.js';
import { idParamsSchema, okSchema } from '../../shared/schemas/common.js';
import type { Services } from '../services.js';
import { actorOf, sessionCookieName } from './auth.plugin.js';
import type { RequestAuth } from './auth.plugin.js';
import { authErrors } from './auth.errors.js';
import type { ResolvedSession } from './auth.service.js';

const tags = ['认证 Auth'];

function sessionOf(request: FastifyRequest): ResolvedSession {
  const auth: RequestAuth | null = request.auth;
  if (!auth?.session) throw authErrors.unauthenticated();
  return { actor: auth.actor, user: auth.user, session: auth.session };
}

export function authRoutes(services: Services, options: { secureCookies: boolean }) {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(sessionCookieName, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookies,
    });

  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.post('/auth/login', {
      schema: { tags, summary: '用户名密码登录', body: loginSchema, response: { 200: meSchema } },
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      handler: async (request, reply) => {
        const { token, resolved } = await services.auth.login(request.body.username, request.body.password, {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        setCookie(reply, token);
        return services.auth.me(resolved);
      },
    });

    api.post('/auth/logout', {
      schema: { tags, summary: '退出登录', response: { 200: okSchema } },
      config: { allowPending: true },
      handler: async (request, reply) => {
        const resolved = sessionOf(request);
        await services.auth.logout(resolved.session, resolved.actor);
        reply.clearCookie(sessionCookieName, { path: '/' });
        return { ok: true as const };
      },
    });

    api.get('/auth/me', {
      schema: { tags, summary: '当前用户、角色与 CSRF 令牌', response: { 200: meSchema } },
      config: { allowPending: true },
      handler: async (request) => {
        const auth = request.auth;
        if (!auth) throw authErrors.unauthenticated();
        return services.auth.me(auth);
      },
    });

    api.post('/auth/totp/verify', {
      schema: {
        tags,
        summary: '登录第二步：输入动态验证码',
        body: totpCodeSchema,
        response: { 200: meSchema },
      },
      config: { allowPending: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      handler: async (request) => {
        const resolved = sessionOf(request);
        await services.auth.verifySecondFactor(resolved, request.body.code);
        return services.auth.me({ ...resolved, session: { ...resolved.session, stage: 'full' } });
      },
    });

    api.post('/auth/totp/setup', {
      schema: { tags, summary: '生成双因素验证密钥（尚未启用）', response: { 200: totpSetupSchema } },
      config: { allowPending: true },
      handler: async (request) => services.auth.beginTotpSetup(sessionOf(request)),
    });

    api.post('/auth/totp/enable', {
      schema: {
        tags,
        summary: '输入验证码启用双因素验证',
        body: totpCodeSchema,
        response: { 200: okSchema },
      },
      config: { allowPending: true },
      handler: async (request) => {
        await services.auth.enableTotp(sessionOf(request), request.body.code);
        return { ok: true as const };
      },
    });

    api.post('/auth/totp/disable', {
      schema: {
        tags,
        summary: '关闭双因素验证',
        body: z.object({ password: z.string().min(1).max(128) }),
        response: { 200: okSchema },
      },
      handler: async (request) => {
        await services.auth.disableTotp(sessionOf(request), request.body.password);
        return { ok: true as const };
      },
    });

    api.post('/auth/password', {
      schema: { tags, summary: '修改密码', body: passwordChangeSchema, response: { 200: okSchema } },
      config: { allowPending: true },
      handler: async (request) => {
        const auth = request.auth;
        if (!auth || (auth.session && auth.session.stage === 'password'))
          throw authErrors.secondFactorPending();
        await services.auth.changePassword(
          auth.actor,
          request.body.currentPassword,
          request.body.newPassword,
        );
        return { ok: true as const };
      },
    });

    api.get('/auth/tokens', {
      schema: { tags, summary: '我的访问令牌', response: { 200: z.array(apiTokenSchema) } },
      handler: async (request) => services.apiTokens.listTokens(actorOf(request)),
    });

    api.post('/auth/tokens', {
      schema: {
        tags,
        summary: '新建访问令牌（只显示一次）',
        body: apiTokenCreateSchema,
        response: { 201: apiTokenCreatedSchema },
      },
      handler: async (request, reply) => {
        const created = await services.apiTokens.createToken(
          actorOf(request),
          request.body.name,
          request.body.expiresInDays ?? null,
        );
        return reply.status(201).send(created);
      },
    });

    api.delete('/auth/tokens/:id', {
      schema: { tags, summary: '吊销访问令牌', params: idParamsSchema, response: { 200: okSchema } },
      handler: async (request) => {
        await services.apiTokens.revokeToken(actorOf(request), request.params.id);
        return { ok: true as const };
      },
    });
  };
}
