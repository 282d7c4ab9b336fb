import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openDatabase } from '../db/database.js';
import type { DatabaseHandle } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { FixedClock } from '../platform/clock.js';
import { createServices } from '../services.js';
import type { Services } from '../services.js';
import { buildApp } from '../app.js';

export interface TestContext {
  handle: DatabaseHandle;
  services: Services;
  clock: FixedClock;
  close(): Promise<void>;
}

/**
 * A real, migrated database for one test file: SQLite in memory by default, or a fresh schema in
 * the PostgreSQL of `DATABASE_URL` (dropped again on close), so files never share state.
 */
export async function openTestDatabase(): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = openDatabase({ sqliteFile: ':memory:' });
    return { handle, drop: async () => handle.close() };
  }
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const handle = openDatabase({ databaseUrl: url, postgresSchema: schema, poolSize: 5 });
  return {
    handle,
    drop: async () => {
      await handle.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

export async function createTestContext(start = new Date('2025-03-20T02:00:00Z')): Promise<TestContext> {
  const { handle, drop } = await openTestDatabase();
  await migrateToLatest(handle);
  const clock = new FixedClock(start);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-test-'));
  const services = createServices(handle, clock, { dataDir });
  return {
    handle,
    services,
    clock,
    close: async () => {
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp extends TestContext {
  app: FastifyInstance;
}

export async function createTestApp(start?: Date): Promise<TestApp> {
  const context = await createTestContext(start);
  // Unexpected errors (500) are logged, so a failing test shows their cause.
  const app = await buildApp({ services: context.services, webRoot: null, logger: { level: 'error' } });
  await app.ready();
  return {
    ...context,
    app,
    close: async () => {
      await app.close();
      await context.close();
    },
  };
}

/** A signed-in HTTP client for route tests: carries the session cookie and CSRF token. */
export interface Client {
  cookie: string;
  csrfToken: string;
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Client> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === 'minyi_session');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `minyi_session=${setCookie.value}`;
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrfToken,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      }),
  };
}
