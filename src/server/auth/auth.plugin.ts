import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UserRow } from '../db/schema.js';
import type { Actor } from './actor.js';
import type { AuthService } from './auth.service.js';
import type { LoginSessionRow } from './auth.repository.js';
import { authErrors } from './auth.errors.js';

export const sessionCookieName = 'minyi_session';

export interface RequestAuth {
  actor: Actor;
  user: UserRow;
  session?: LoginSessionRow;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (login, health, the public portal). */
    public?: boolean;
    /** Reachable while the second factor or the first password change is still pending. */
    allowPending?: boolean;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Authenticates every API request by session cookie or bearer token before anything else runs.
 * Routes are private unless they say `config: { public: true }`; cookie-authenticated writes must
 * carry the session's CSRF token in `x-csrf-token`.
 */
export function registerAuthentication(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const config = request.routeOptions.config;
    const ip = request.ip ?? null;
    const header = request.headers.authorization;
    if (typeof header === 'string' && header.startsWith('Bearer ')) {
      const resolved = await auth.resolveApiToken(header.slice(7).trim(), ip);
      if (!resolved && !config.public) throw authErrors.unauthenticated();
      request.auth = resolved;
    } else {
      const token = request.cookies[sessionCookieName];
      const resolved = token ? await auth.resolveSession(token, ip) : null;
      const unsafe = unsafeMethods.has(request.method);
      // A public write never acts as the cookie's user, so it needs no CSRF token.
      if (config.public && unsafe) return;
      if (resolved && unsafe && request.headers['x-csrf-token'] !== resolved.session.csrf_token)
        throw authErrors.csrf();
      request.auth = resolved;
    }
    if (config.public) return;
    const current = request.auth;
    if (!current) throw authErrors.unauthenticated();
    if (config.allowPending) return;
    if (current.session && current.session.stage !== 'full') throw authErrors.secondFactorPending();
    if (current.user.must_change_password === 1) throw authErrors.passwordChangeRequired();
  });
}

/** The signed-in actor of a private route (the hook has already refused anonymous requests). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw authErrors.unauthenticated();
  return request.auth.actor;
}

/** The signed-in actor, or null on a public route. */
export function optionalActorOf(request: FastifyRequest): Actor | null {
  return request.auth?.actor ?? null;
}
