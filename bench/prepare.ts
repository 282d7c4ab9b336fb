/**
 * One-off preparation of a generated province with the product's own CLI (what an operator runs
 * after loading data directly): `minyi search rebuild` and `minyi stats rebuild`. Timed once and
 * kept in the cache's meta; a command that does not exist yet is retried on the next run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { productEnv, root } from './lib/server.js';

export const prepareSteps = [
  {
    key: 'search',
    args: ['search', 'rebuild', '--batch', '2000'],
    what: 'search index build (minyi search rebuild)',
  },
  { key: 'stats', args: ['stats', 'rebuild'], what: 'statistics facts build (minyi stats rebuild)' },
];

export function runPrepareStep(
  step: (typeof prepareSteps)[number],
  env: { dataDir: string; databaseUrl?: string },
  log: (line: string) => void,
): { ms: number; output: string } | null {
  const help = spawnSync(process.execPath, ['bin/minyi.js', step.args[0] ?? '', '--help'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (!help.stdout.includes(step.args[1] ?? '')) {
    log(`  ${step.what}: command not available yet, skipped`);
    return null;
  }
  log(`  ${step.what} …`);
  const started = performance.now();
  const result = spawnSync(process.execPath, ['bin/minyi.js', ...step.args], {
    cwd: root,
    env: productEnv(env.dataDir, env.databaseUrl),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Math.round(performance.now() - started);
  const output = `${result.stdout}${result.stderr}`.trim().split('\n').slice(-3).join(' | ');
  if (result.status !== 0) {
    log(`  ${step.what} failed after ${(ms / 1000).toFixed(1)} s: ${output}`);
    return null;
  }
  log(`  ${step.what}: ${(ms / 1000).toFixed(1)} s — ${output}`);
  return { ms, output };
}

/** Copies the cached database to a working directory (the runs change it: actions, votes, imports). */
export function workingCopy(file: string, workDir: string): string {
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const target = path.join(workDir, 'minyi.sqlite');
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  fs.copyFileSync(file, target);
  return target;
}
