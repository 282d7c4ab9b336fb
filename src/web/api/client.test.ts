import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, setApiLanguage, setCsrfToken } from './client.js';
import { apiErrorFromResponse, isApiError } from './api-error.js';
import { onAuthProblem } from './auth-events.js';
import type { AuthProblem } from './auth-events.js';
import { namePathOf } from './form-errors.js';
import { fillTemplate } from '../i18n/locale.js';

function problem(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  });
}

/** Replaces `fetch` with one answering `response` and recording each call. */
function stubFetch(response: () => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return response();
  });
  return calls;
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  return (init?.headers ?? {}) as Record<string, string>;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setApiLanguage('zh-CN');
});

describe('problem documents', () => {
  it('become an ApiError with code, detail, field errors and extensions', async () => {
    const error = await apiErrorFromResponse(
      problem(401, {
        type: 'urn:minyi:problem:invalid_credentials',
        title: '需要登录',
        status: 401,
        detail: '用户名或密码错误。再错 2 次账户将被锁定。',
        code: 'invalid_credentials',
        instance: '/api/v1/auth/login',
        requestId: 'r1',
        errors: [{ field: 'roles.0.unitId', message: '承办单位角色必须指定「承办单位」' }, { bad: true }],
        remainingAttempts: 2,
      }),
    );
    expect(error.status).toBe(401);
    expect(error.code).toBe('invalid_credentials');
    expect(error.detail).toContain('再错 2 次');
    expect(error.fieldErrors).toEqual([
      { field: 'roles.0.unitId', message: '承办单位角色必须指定「承办单位」' },
    ]);
    expect(error.extensions).toEqual({ remainingAttempts: 2 });
  });

  it('keep the status when the body is not JSON (a proxy page)', async () => {
    const error = await apiErrorFromResponse(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(error.code).toBe('http_502');
    expect(error.fieldErrors).toEqual([]);
  });
});

describe('api client', () => {
  it('sends the CSRF token and language on writes, not the token on reads', async () => {
    const calls = stubFetch(() => new Response(JSON.stringify({ ok: true }), { status: 200 }));
    setCsrfToken('token-1');
    setApiLanguage('en-US');
    await api.get('/users', { q: '张', role: undefined, page: 2 });
    await api.post('/users/u1/unlock');
    expect(calls[0]?.url).toBe('/api/v1/users?q=%E5%BC%A0&page=2');
    expect(headersOf(calls[0]?.init)['x-csrf-token']).toBeUndefined();
    expect(headersOf(calls[0]?.init)['Accept-Language']).toMatch(/^en/);
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(headersOf(calls[1]?.init)['x-csrf-token']).toBe('token-1');
    // A POST without a body sends no JSON content type (Fastify refuses an empty JSON body).
    expect(headersOf(calls[1]?.init)['Content-Type']).toBeUndefined();
  });

  it('reports sign-in problems to the session handler unless told to stay quiet', async () => {
    stubFetch(() => problem(401, { code: 'unauthenticated', title: '需要登录', detail: '请先登录' }));
    const seen: AuthProblem[] = [];
    const stop = onAuthProblem((kind) => seen.push(kind));
    await expect(api.get('/users')).rejects.toSatisfy(isApiError);
    await expect(api.get('/auth/me', undefined, { quietAuth: true })).rejects.toSatisfy(isApiError);
    stop();
    expect(seen).toEqual(['unauthenticated']);
  });

  it('does not report a wrong password as a lost session', async () => {
    stubFetch(() => problem(401, { code: 'invalid_credentials', detail: '用户名或密码错误。' }));
    const seen: AuthProblem[] = [];
    const stop = onAuthProblem((kind) => seen.push(kind));
    await expect(api.post('/auth/login', { username: 'a', password: 'b' })).rejects.toSatisfy(isApiError);
    stop();
    expect(seen).toEqual([]);
  });
});

describe('helpers', () => {
  it('turn API field paths into antd name paths', () => {
    expect(namePathOf('roles.0.unitId')).toEqual(['roles', 0, 'unitId']);
    expect(namePathOf('deadlines.reply.amount')).toEqual(['deadlines', 'reply', 'amount']);
  });

  it('fill message placeholders and leave unknown ones', () => {
    expect(fillTemplate('共 {total} 条，{missing}', { total: 3 })).toBe('共 3 条，{missing}');
  });
});
