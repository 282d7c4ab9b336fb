import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Services } from './services.js';
import { newId } from './platform/ids.js';
import { appVersion } from './version.js';
import { notFoundHandler, problemErrorHandler } from './http/problem.js';
import { registerAuthentication } from './auth/auth.plugin.js';
import { authRoutes } from './auth/auth.routes.js';
import { healthRoutes } from './platform/health.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { apiRouteModules } from './routes.js';

export interface AppOptions {
  services: Services;
  logger?: FastifyServerOptions['logger'];
  secureCookies?: boolean;
  /** Folder of the built web app; served at `/` when present. */
  webRoot?: string | null;
  /** Maximum upload size in bytes (xlsx imports, photos). */
  uploadLimitBytes?: number;
}

const defaultWebRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Builds the HTTP application: one place wiring plugins, error mapping and every route. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { services } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: () => newId(),
    requestIdHeader: 'x-request-id',
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemErrorHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: options.uploadLimitBytes ?? 25 * 1024 * 1024, files: 10 },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: '民意 Minyi API',
        description: '人大代表建议办理与履职服务平台接口。错误以 RFC 9457 problem+json 返回，含稳定的 code。',
        version: appVersion,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'minyi_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );

  registerAuthentication(app, services.auth);
  await app.register(healthRoutes(services), { prefix: '/api' });
  await app.register(
    async (v1) => {
      await v1.register(authRoutes(services, { secureCookies: options.secureCookies ?? false }));
      await v1.register(auditRoutes(services));
      for (const module of apiRouteModules(services)) await v1.register(module);
    },
    { prefix: '/api/v1' },
  );

  const webRoot = options.webRoot === undefined ? defaultWebRoot : options.webRoot;
  if (webRoot && fs.existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: 'index.html' });
    // The web app routes on the client: unknown non-API paths get index.html.
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/') || request.method !== 'GET') return notFoundHandler(request, reply);
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler(notFoundHandler);
  }
  return app;
}
