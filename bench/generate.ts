/**
 * Generates the synthetic province into a SQLite file (after the real migrations), reproducible
 * from a seed, and caches it by seed + profile hash so re-runs skip generation.
 *
 *   npx tsx bench/generate.ts [--quick] [--seed 9] [--force]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { hashPassword } from '../src/server/auth/passwords.js';
import { seededRandom } from '../src/server/demo/demo.random.js';
import type { ProvinceProfile } from './profile.js';
import { benchPassword, fullProfile, profileHash, quickProfile } from './profile.js';
import { BulkWriter } from './lib/writer.js';
import { seededUlid } from './lib/ulid.js';
import { generateOrganisation } from './gen-organisation.js';
import { generateStations } from './gen-stations.js';
import { organisationTables, suggestionTables } from './columns.js';
import { generateSuggestions } from './gen-suggestions.js';

export interface BenchCounty {
  id: string;
  name: string;
  path: string;
  office: string;
  currentSessionId: string;
  pool: string[];
}

export interface ProvinceMeta {
  hash: string;
  seed: number;
  profile: ProvinceProfile;
  password: string;
  generatedMs: number;
  /** CPU time of the generation (the wall time on a busy machine says little). */
  generatedCpuMs?: number;
  generatedAt: string;
  counts: Record<string, number>;
  province: { id: string; termId: string; office: string; deputies: number };
  counties: BenchCounty[];
  /** One-off preparation after generation (index builds by the product's own CLI); null: not done. */
  prepared: Record<string, { ms: number; output: string } | null>;
}

export interface Province {
  dir: string;
  file: string;
  meta: ProvinceMeta;
  /** True when this call generated it (false: taken from the cache). */
  generated: boolean;
}

export function cacheRoot(): string {
  return process.env.MINYI_BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'minyi-bench');
}

export function metaPath(dir: string) {
  return path.join(dir, 'meta.json');
}

export function saveMeta(dir: string, meta: ProvinceMeta) {
  fs.writeFileSync(metaPath(dir), `${JSON.stringify(meta, null, 1)}\n`);
}

export async function ensureProvince(options: {
  profile: ProvinceProfile;
  seed: number;
  force?: boolean;
  log?: (line: string) => void;
}): Promise<Province> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const hash = profileHash(options.profile, options.seed);
  const dir = path.join(cacheRoot(), `province-${options.profile.name}-${hash}`);
  const file = path.join(dir, 'minyi.sqlite');
  if (!options.force && fs.existsSync(metaPath(dir)) && fs.existsSync(file)) {
    const meta = JSON.parse(fs.readFileSync(metaPath(dir), 'utf8')) as ProvinceMeta;
    log(`province ${options.profile.name} (seed ${options.seed}, ${hash}) from cache: ${dir}`);
    return { dir, file, meta, generated: false };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  log(`generating province ${options.profile.name} (seed ${options.seed}) into ${file} …`);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const handle = openDatabase({ sqliteFile: file });
  await migrateToLatest(handle);
  await handle.close();

  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = MEMORY');
  // Secondary indexes of the tables we fill are dropped during the load and built again after
  // it (one sorted build each instead of millions of random B-tree inserts); same definitions.
  const tables = Object.keys({ ...organisationTables, ...suggestionTables });
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`,
    )
    .all(...tables) as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  const w = new BulkWriter(db);
  for (const [table, columns] of Object.entries({ ...organisationTables, ...suggestionTables }))
    w.table(table, columns);
  const random = seededRandom(options.seed);
  const ulid = seededUlid(random.next);
  const passwordHash = await hashPassword(benchPassword);
  const org = generateOrganisation(w, random, ulid, options.profile, passwordHash, options.seed);
  log(
    `  organisation, ${org.bodies.length} bodies, ${w.counts.get('deputies')} deputies: ${seconds(started)}`,
  );
  generateStations(w, random, ulid, org, options.profile);
  log(`  stations and receptions: ${seconds(started)}`);
  const { pool } = generateSuggestions(w, random, ulid, org, options.profile);
  w.finish();
  log(`  suggestions and their parts: ${seconds(started)}`);
  for (const index of indexes) db.exec(index.sql);
  log(`  ${indexes.length} indexes built: ${seconds(started)}`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const generatedMs = Math.round(performance.now() - started);
  const current = (sessions: { id: string; year: number }[]) =>
    sessions.find((s) => s.year === 2026)?.id ?? '';
  const meta: ProvinceMeta = {
    hash,
    seed: options.seed,
    profile: options.profile,
    password: benchPassword,
    generatedMs,
    generatedCpuMs: 0,
    generatedAt: new Date().toISOString(),
    counts: Object.fromEntries(w.counts),
    province: {
      id: org.province.id,
      termId: org.province.terms[2]?.id ?? '',
      office: org.province.office?.username ?? '',
      deputies: options.profile.provinceDeputies,
    },
    counties: org.counties.slice(0, options.profile.benchCounties).map((c) => ({
      id: c.id,
      name: c.name,
      path: c.path,
      office: c.office?.username ?? '',
      currentSessionId: current(c.sessions),
      pool: pool.get(c.id) ?? [],
    })),
    prepared: {},
  };
  const cpu = process.cpuUsage(cpuStarted);
  meta.generatedCpuMs = Math.round((cpu.user + cpu.system) / 1000);
  saveMeta(dir, meta);
  log(
    `generated in ${(generatedMs / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU: ${JSON.stringify(meta.counts)}`,
  );
  return { dir, file, meta, generated: true };
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

export function profileFromArgs(argv: string[]): { profile: ProvinceProfile; seed: number } {
  const seedIndex = argv.indexOf('--seed');
  const seed = seedIndex >= 0 ? Number(argv[seedIndex + 1]) : 9;
  return {
    profile: argv.includes('--quick') ? quickProfile : fullProfile,
    seed: Number.isFinite(seed) ? seed : 9,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const { profile, seed } = profileFromArgs(process.argv.slice(2));
  await ensureProvince({ profile, seed, force: process.argv.includes('--force') });
}
