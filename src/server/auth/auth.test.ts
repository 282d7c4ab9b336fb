import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';

let t: TestApp;
let make: ReturnType<typeof factories>;

beforeAll(async () => {
  t = await createTestApp();
  make = factories(t.services);
});
afterAll(async () => t.close());

describe('sign-in', () => {
  it('signs in, reports roles and refuses a write without the CSRF token', async () => {
    const { user } = await make.adminOf();
    const client = await signIn(t.app, user.username, testPassword);
    const me = await client.request('GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: user.username,
      stage: 'complete',
      roles: [{ role: 'admin' }],
    });

    const withoutCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie: client.cookie },
      payload: { name: 'x' },
    });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json().code).toBe('csrf_token_invalid');
    expect(withoutCsrf.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses anonymous requests with a Chinese problem, English on request', async () => {
    const zh = await t.app.inject({ method: 'GET', url: '/api/v1/bodies' });
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toMatchObject({ code: 'unauthenticated', title: '需要登录', status: 401 });
    const en = await t.app.inject({
      method: 'GET',
      url: '/api/v1/bodies',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.json().title).toBe('Authentication required');
  });

  it('locks the account after five failures for fifteen minutes', async () => {
    const { user } = await make.adminOf();
    const attempt = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: user.username, password },
      });
    for (let i = 1; i <= 4; i += 1) {
      const response = await attempt('wrong-password');
      expect(response.statusCode).toBe(401);
      expect(response.json().remainingAttempts).toBe(5 - i);
    }
    const fifth = await attempt('wrong-password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('account_locked');
    // The right password is refused while locked…
    expect((await attempt(testPassword)).statusCode).toBe(423);
    // …and accepted once the fifteen minutes have passed.
    t.clock.advanceMinutes(16);
    expect((await attempt(testPassword)).statusCode).toBe(200);
  });

  it('ends a session after 30 idle minutes', async () => {
    const { user } = await make.adminOf();
    const client = await signIn(t.app, user.username, testPassword);
    t.clock.advanceMinutes(29);
    expect((await client.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    expect((await client.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('forces a password change before anything else, and enforces the policy', async () => {
    const { body } = await make.adminOf();
    const account = await make.user({
      roles: [{ role: 'office_staff', bodyId: body.id }],
      mustChangePassword: true,
    });
    const client = await signIn(t.app, account.username, testPassword);
    const blocked = await client.request('GET', '/api/v1/bodies');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');

    const weak = await client.request('POST', '/api/v1/auth/password', {
      currentPassword: testPassword,
      newPassword: 'abcdefgh',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('password_too_weak');
    expect(weak.json().detail).toContain('至少 3 类');

    const ok = await client.request('POST', '/api/v1/auth/password', {
      currentPassword: testPassword,
      newPassword: 'New-Pass-2025',
    });
    expect(ok.statusCode).toBe(200);
    expect((await client.request('GET', '/api/v1/bodies')).statusCode).toBe(200);
  });

  it('asks for the second factor when TOTP is enabled', async () => {
    const { user } = await make.adminOf();
    const client = await signIn(t.app, user.username, testPassword);
    const setup = await client.request('POST', '/api/v1/auth/totp/setup');
    const { secret } = setup.json() as { secret: string };
    const epoch = Math.floor(t.clock.now().getTime() / 1000);
    const code = await generate({ secret, epoch });
    expect((await client.request('POST', '/api/v1/auth/totp/enable', { code })).statusCode).toBe(200);

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: testPassword },
    });
    expect(login.json().stage).toBe('totp_required');
    const cookie = `minyi_session=${login.cookies.find((c) => c.name === 'minyi_session')?.value}`;
    const headers = { cookie, 'x-csrf-token': login.json().csrfToken as string };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/bodies', headers })).json().code).toBe(
      'second_factor_required',
    );
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/verify',
      headers,
      payload: { code: '000000' },
    });
    expect(wrong.json().code).toBe('totp_invalid');
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/verify',
      headers,
      payload: { code },
    });
    expect(right.json().stage).toBe('complete');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/bodies', headers })).statusCode).toBe(200);
  });

  it('accepts a personal API token as a bearer, and no longer once revoked', async () => {
    const { user } = await make.adminOf();
    const client = await signIn(t.app, user.username, testPassword);
    const created = await client.request('POST', '/api/v1/auth/tokens', { name: '集成测试' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json() as { token: string; id: string };
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/bodies', headers })).statusCode).toBe(200);
    expect((await client.request('DELETE', `/api/v1/auth/tokens/${id}`)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/bodies', headers })).statusCode).toBe(401);
  });
});

describe('validation', () => {
  it('names the field in Chinese', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: '' },
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'username', message: '「用户名」为必填项' },
        { field: 'password', message: '「密码」为必填项' },
      ]),
    );
  });

  it('reports health with the database kind', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toMatchObject({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgres' : 'sqlite',
    });
  });
});
