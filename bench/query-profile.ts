/**
 * Which SQL one request runs, and how long each takes: the product's services and app in this
 * process on a copy of the cached province, with Kysely's query log; prints the statements of
 * a review pass and of the county list, grouped, by total time.
 *   npx tsx bench/query-profile.ts [--quick] [--requests 200]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { LogEvent } from 'kysely';
import type { Database } from '../src/server/db/schema.js';
import { createSqliteHelpers } from '../src/server/db/dialect/sqlite.js';
import { createServices } from '../src/server/services.js';
import { systemClock } from '../src/server/platform/clock.js';
import { buildApp } from '../src/server/app.js';
import { cacheRoot, profileFromArgs } from './generate.js';
import type { ProvinceMeta } from './generate.js';
import { profileHash } from './profile.js';
import { listStatuses } from './list-sql.js';
import { must } from './lib/must.js';

const argv = process.argv.slice(2);
const { profile, seed } = profileFromArgs(argv);
const requests = Number(argv[argv.indexOf('--requests') + 1]) || 200;
const dir = path.join(cacheRoot(), `province-${profile.name}-${profileHash(profile, seed)}`);
const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as ProvinceMeta;
// `--db <file>`: profile on that (working) database instead of a copy of the cached province.
const dbIndex = argv.indexOf('--db');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-query-profile-'));
const dbFile = dbIndex >= 0 ? String(argv[dbIndex + 1]) : path.join(work, 'minyi.sqlite');
if (dbIndex < 0) fs.copyFileSync(path.join(dir, 'minyi.sqlite'), dbFile);
const only = argv.includes('--similar') ? 'similar' : 'all';
const connection = new SqliteDatabase(dbFile);
connection.pragma('journal_mode = WAL');
connection.pragma('synchronous = NORMAL');
connection.pragma('foreign_keys = ON');
if (process.env.WAL_AUTOCHECKPOINT)
  connection.pragma(`wal_autocheckpoint = ${process.env.WAL_AUTOCHECKPOINT}`);
let recording = false;
const stats = new Map<string, { n: number; ms: number }>();
const fullSql = new Map<string, { sql: string; parameters: readonly unknown[] }>();
const db = new Kysely<Database>({
  dialect: new SqliteDialect({ database: connection }),
  log: (event: LogEvent) => {
    if (!recording) return;
    const key = event.query.sql.replace(/\(\?(, \?)+\)/g, '(?…)').slice(0, 220);
    const entry = stats.get(key) ?? { n: 0, ms: 0 };
    entry.n += 1;
    entry.ms += event.queryDurationMillis;
    stats.set(key, entry);
    fullSql.set(key, { sql: event.query.sql, parameters: event.query.parameters });
  },
});
const services = createServices(
  { db, dialect: createSqliteHelpers(connection), description: 'profile', close: () => db.destroy() },
  systemClock,
  { dataDir: work },
);
const app = await buildApp({ services, secureCookies: false });
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { username: must(meta.counties[0], 'bench county').office, password: meta.password },
});
const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
const csrf = (login.json() as { csrfToken: string }).csrfToken;
const county = must(meta.counties[0], 'bench county');

async function measure(label: string, run: (i: number) => Promise<number>) {
  stats.clear();
  recording = true;
  const started = performance.now();
  for (let i = 0; i < requests; i += 1) {
    const status = await run(i);
    if (status !== 200) throw new Error(`${label}: HTTP ${status}`);
  }
  const elapsed = performance.now() - started;
  recording = false;
  const sqlMs = [...stats.values()].reduce((sum, s) => sum + s.ms, 0);
  const queries = [...stats.values()].reduce((sum, s) => sum + s.n, 0);
  process.stdout.write(
    `\n== ${label}: ${(elapsed / requests).toFixed(2)} ms per request, of which SQL ${(sqlMs / requests).toFixed(2)} ms in ${(queries / requests).toFixed(1)} statements\n`,
  );
  for (const [sql, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(process.env.TOP ?? 15)))
    process.stdout.write(
      `${(s.ms / requests).toFixed(3).padStart(7)} ms ${(s.n / requests).toFixed(1).padStart(4)}×  ${sql}\n`,
    );
  // The slowest statement in full, with its plan.
  const [slowest] = [...stats].sort((a, b) => b[1].ms - a[1].ms);
  const full = slowest ? fullSql.get(slowest[0]) : undefined;
  if (full) {
    process.stdout.write(`\nslowest statement:\n${full.sql}\n`);
    for (const row of connection
      .prepare(`EXPLAIN QUERY PLAN ${full.sql}`)
      .all(...(full.parameters as unknown[])) as { detail: string }[])
      process.stdout.write(`   ${row.detail}\n`);
  }
}

if (only === 'similar') {
  const title = encodeURIComponent('关于解决柳口镇老旧小区停车难问题的建议');
  const text = encodeURIComponent(
    '老旧小区建成年代早，规划车位严重不足，居民车辆只能停在消防通道和人行道上。建议建设立体停车场。',
  );
  await measure(
    'similar (GET /suggestions/similar)',
    async () =>
      (
        await app.inject({
          method: 'GET',
          url: `/api/v1/suggestions/similar?bodyId=${county.id}&title=${title}&text=${text}`,
          headers: { cookie },
        })
      ).statusCode,
  );
  await app.close();
  process.exit(0);
}
await measure(
  'review pass (POST /suggestions/:id/actions/review_pass)',
  async (i) =>
    (
      await app.inject({
        method: 'POST',
        url: `/api/v1/suggestions/${county.pool[i]}/actions/review_pass`,
        headers: { cookie, 'x-csrf-token': csrf },
        payload: {},
      })
    ).statusCode,
);
await measure(
  'county list (GET /suggestions?bodyId&sessionId&status)',
  async () =>
    (
      await app.inject({
        method: 'GET',
        url: `/api/v1/suggestions?bodyId=${county.id}&sessionId=${county.currentSessionId}&status=${listStatuses.join(',')}&page=1&pageSize=20`,
        headers: { cookie },
      })
    ).statusCode,
);
await app.close();
fs.rmSync(work, { recursive: true, force: true });
