/**
 * `npm run bench [-- --quick] [--seed N] [--only list,actions] [--cpu-prof] [--no-postgres]`:
 * generates (or takes from the cache) the province, starts the real server on it as its own
 * process, drives it over HTTP, and prints one table (SQLite, and PostgreSQL beside when
 * DATABASE_URL is set), also written to bench/results/<timestamp>.json and latest.json.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ensureProvince, profileFromArgs, saveMeta, cacheRoot } from './generate.js';
import type { Province } from './generate.js';
import { dropDatabase, freshCopy, generatePostgres, postgresVersion, templateExists } from './gen-pg.js';
import { prepareSteps, runPrepareStep, workingCopy } from './prepare.js';
import { signIn } from './lib/load.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { Results, table, writeResults } from './lib/report.js';
import { root, startServer } from './lib/server.js';
import type { Backend, Reader, ScenarioContext } from './scenarios/context.js';
import { actionScenario, listScenario } from './scenarios/list-actions.js';
import { indicatorScenario, searchScenario, similarScenario } from './scenarios/queries.js';
import { votingScenario } from './scenarios/voting.js';
import { exportScenario, importScenario } from './scenarios/files.js';
import { measureWebLoad } from './scenarios/web.js';
import { must } from './lib/must.js';

const argv = process.argv.slice(2);
const { profile, seed } = profileFromArgs(argv);
const quick = profile.name === 'quick';
const onlyIndex = argv.indexOf('--only');
const only = onlyIndex >= 0 ? new Set((argv[onlyIndex + 1] ?? '').split(',')) : null;
const cpuProf = argv.includes('--cpu-prof');
const postgresUrl = argv.includes('--no-postgres') ? undefined : process.env.DATABASE_URL || undefined;
const log = (line: string) => process.stdout.write(`${line}\n`);
const runStarted = performance.now();

// Build the product if this checkout has not been built (a fresh clone).
if (argv.includes('--build') || !fs.existsSync(path.join(root, 'dist/server/main.js'))) {
  log('building the server (npm run build:server) …');
  execSync('npm run build:server', { cwd: root, stdio: 'inherit' });
}
if (argv.includes('--build') || !fs.existsSync(path.join(root, 'dist/web/index.html'))) {
  log('building the web app (npm run build:web) …');
  execSync('npm run build:web', { cwd: root, stdio: 'inherit' });
}

const machine = describeMachine(postgresUrl ? await postgresVersion(postgresUrl) : null);
log(`machine: ${machineLine(machine)}`);
const province = await ensureProvince({ profile, seed, log });
for (const step of prepareSteps)
  if (!province.meta.prepared[step.key]) {
    province.meta.prepared[step.key] = runPrepareStep(step, { dataDir: province.dir }, log);
    saveMeta(province.dir, province.meta);
  }

const results = new Results();
const scenarios: [string, (ctx: ScenarioContext) => Promise<void>][] = [
  ['list', listScenario],
  ['actions', actionScenario],
  ['search', searchScenario],
  ['similar', similarScenario],
  ['indicators', indicatorScenario],
  ['vote', votingScenario],
];

async function runBackend(
  backend: Backend,
  province: Province,
  env: { dataDir: string; databaseUrl?: string; sqliteFile?: string },
) {
  log(`\n${backend}: start-up ×3 on the province database`);
  const port = backend === 'sqlite' ? 3980 : 3981;
  const starts: number[] = [];
  let server = null;
  for (let i = 0; i < 3; i += 1) {
    if (server) await server.stop();
    const last = i === 2;
    server = await startServer({
      port,
      dataDir: env.dataDir,
      databaseUrl: env.databaseUrl,
      cpuProfDir: last && cpuProf ? path.join(root, 'bench/results/profiles', backend) : undefined,
    });
    starts.push(server.readyMs);
    log(`  ready in ${server.readyMs.toFixed(0)} ms`);
  }
  if (!server) throw new Error('no server');
  const startup = [...starts].sort((a, b) => a - b)[1] ?? Number.NaN;
  results.add('startup', 'start-up on the province database, until /api/health answers', '≤ 3 s', backend, {
    shown: `${(startup / 1000).toFixed(2)} s`,
    value: startup,
    pass: startup <= 3000,
    detail: starts,
  });
  const sqliteReader = env.sqliteFile ? new Database(env.sqliteFile, { readonly: true }) : null;
  const pool = env.databaseUrl ? new pg.Pool({ connectionString: env.databaseUrl, max: 2 }) : null;
  const reader: Reader = {
    async one<T>(sql: string, parameters: unknown[] = []) {
      if (sqliteReader) return sqliteReader.prepare(sql.replace(/\$\d+/g, '?')).get(...parameters) as T;
      const { rows } = await must(pool, 'postgres pool').query(sql, parameters);
      return rows[0] as T;
    },
  };
  try {
    const password = province.meta.password;
    const ctx: ScenarioContext = {
      backend,
      server,
      meta: province.meta,
      results,
      province: await signIn(server.url, province.meta.province.office, password),
      counties: [],
      quick,
      seconds: quick ? 2 : 8,
      runs: 3,
      connections: 50,
      reader,
      sqliteFile: env.sqliteFile,
      dataDir: env.dataDir,
      databaseUrl: env.databaseUrl,
      log,
    };
    for (const county of province.meta.counties)
      ctx.counties.push(await signIn(server.url, county.office, password));
    for (const [name, scenario] of scenarios) {
      if (only && !only.has(name)) continue;
      log(`${backend}: ${name}`);
      await scenario(ctx);
    }
    const peak = server.peakRssMb();
    results.add('rss', 'server memory while serving the scenarios above (peak RSS)', '≤ 500 MB', backend, {
      shown: peak === null ? 'unknown' : `${peak} MB`,
      value: peak,
      pass: peak === null ? null : peak <= 500,
    });
    if (!only || only.has('export')) {
      log(`${backend}: export`);
      await exportScenario(ctx);
    }
    if (!only || only.has('import')) {
      log(`${backend}: import`);
      await importScenario(ctx);
    }
  } finally {
    await server.stop();
    sqliteReader?.close();
    await pool?.end();
  }
}

// SQLite: a working copy of the cached province.
const sqliteWork = path.join(cacheRoot(), 'run-sqlite');
const sqliteFile = workingCopy(province.file, sqliteWork);
await runBackend('sqlite', province, { dataDir: sqliteWork, sqliteFile });

// PostgreSQL beside, when DATABASE_URL is set.
let postgresGeneration: number | null = null;
if (postgresUrl) {
  const template = `minyi_bench_${profile.name}_${province.meta.hash}`;
  const key = `postgres:${template}`;
  if (!province.meta.prepared[key] || !(await templateExists(postgresUrl, template))) {
    log(`\ngenerating the province into PostgreSQL (${template}) …`);
    const ms = await generatePostgres(postgresUrl, template, province.file, log);
    province.meta.prepared[key] = { ms, output: template };
    for (const step of prepareSteps) delete province.meta.prepared[`${key}:${step.key}`];
    saveMeta(province.dir, province.meta);
  }
  const templateUrl = new URL(postgresUrl);
  templateUrl.pathname = `/${template}`;
  for (const step of prepareSteps)
    if (!province.meta.prepared[`${key}:${step.key}`]) {
      province.meta.prepared[`${key}:${step.key}`] = runPrepareStep(
        step,
        { dataDir: sqliteWork, databaseUrl: templateUrl.toString() },
        log,
      );
      saveMeta(province.dir, province.meta);
    }
  postgresGeneration = province.meta.prepared[key]?.ms ?? null;
  const runDb = 'minyi_bench_run';
  const url = await freshCopy(postgresUrl, template, runDb);
  try {
    await runBackend('postgres', province, { dataDir: sqliteWork, databaseUrl: url });
  } finally {
    await dropDatabase(postgresUrl, runDb);
  }
}

const web = measureWebLoad(path.join(root, 'dist/web'));
results.add(
  'web',
  `web app first load: entry chunk + static imports, gzip${web ? ` (${web.chunks.length} chunks; ${web.routeChunks} more load on demand)` : ''}`,
  '≤ 400 KB',
  'sqlite',
  {
    shown: web ? `${web.gzipKb.toFixed(1)} KB` : 'dist/web missing',
    value: web?.gzipKb ?? null,
    pass: web ? web.gzipKb <= 400 : null,
    detail: web,
  },
);

const generation = [
  `province ${profile.name}, seed ${seed}: ${Object.entries(province.meta.counts)
    .filter(([t]) =>
      [
        'suggestions',
        'suggestion_events',
        'deputies',
        'units',
        'stations',
        'receptions',
        'assignments',
        'replies',
      ].includes(t),
    )
    .map(([t, n]) => `${n.toLocaleString('en-US')} ${t}`)
    .join(', ')}`,
  `generation into SQLite: ${(province.meta.generatedMs / 1000).toFixed(1)} s${province.generated ? '' : ' (cached)'} (target ≤ 300 s: ${province.meta.generatedMs <= 300_000 ? 'pass' : 'MISS'})`,
  ...prepareSteps.map(
    (s) =>
      `${s.what}, SQLite: ${province.meta.prepared[s.key] ? `${((province.meta.prepared[s.key]?.ms ?? 0) / 1000).toFixed(1)} s` : 'not available'}`,
  ),
  ...(postgresGeneration !== null
    ? [`copy into PostgreSQL: ${(postgresGeneration / 1000).toFixed(1)} s`]
    : []),
];
const text = table(results, postgresUrl !== undefined);
log(`\n${text}\n`);
log(`Machine: ${machineLine(machine)}`);
for (const line of generation) log(line);
const written = writeResults(path.join(root, 'bench/results'), {
  at: new Date().toISOString(),
  profile: profile.name,
  seed,
  machine,
  generation,
  minutes: Number(((performance.now() - runStarted) / 60_000).toFixed(1)),
  table: text,
  rows: results.rows,
});
log(
  `\nresults: ${path.relative(root, written.file)} (and ${path.relative(root, written.latest)}); whole run ${((performance.now() - runStarted) / 60_000).toFixed(1)} min`,
);
