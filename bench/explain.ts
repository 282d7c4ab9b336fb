/**
 * EXPLAIN QUERY PLAN and timing of the list endpoint's SQL on a generated province:
 *   npx tsx bench/explain.ts [--quick]   (uses the cached province of that profile)
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { cacheRoot, profileFromArgs } from './generate.js';
import type { ProvinceMeta } from './generate.js';
import { profileHash } from './profile.js';
import { bind, compileListSql } from './list-sql.js';
import { must } from './lib/must.js';

const { profile, seed } = profileFromArgs(process.argv.slice(2));
const dir = path.join(cacheRoot(), `province-${profile.name}-${profileHash(profile, seed)}`);
const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as ProvinceMeta;
const db = new Database(path.join(dir, 'minyi.sqlite'), { readonly: true });
const sql = compileListSql(db);
const county = must(meta.counties[0], 'bench county');
const userOf = (username: string) =>
  (db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: string }).id;
const countyValues = {
  PATH: county.path,
  USER: userOf(county.office),
  BODY: county.id,
  SESSION: county.currentSessionId,
};
const provinceValues = { PATH: `/${meta.province.id}/`, USER: userOf(meta.province.office) };
for (const [name, query, values] of [
  ['county items', sql.county.items, countyValues],
  ['county count', sql.county.count, countyValues],
  ['province items', sql.province.items, provinceValues],
  ['province count', sql.province.count, provinceValues],
] as const) {
  const parameters = bind(query.parameters, values);
  process.stdout.write(`\n-- ${name}\n${query.sql}\n`);
  for (const row of db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(parameters) as { detail: string }[])
    process.stdout.write(`   ${row.detail}\n`);
  const started = performance.now();
  const rows = db.prepare(query.sql).all(parameters);
  process.stdout.write(`   → ${rows.length} rows in ${(performance.now() - started).toFixed(1)} ms\n`);
}
