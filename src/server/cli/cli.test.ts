import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import crypto from 'node:crypto';
import pg from 'pg';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-cli-'));
const baseUrl = process.env.DATABASE_URL;
const schema = `cli_${crypto.randomBytes(5).toString('hex')}`;
// On PostgreSQL the CLI runs in a schema of its own, chosen through the connection string.
const databaseUrl = baseUrl
  ? `${baseUrl}${baseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
  : undefined;

function minyi(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, MINYI_DATA_DIR: dataDir, MINYI_LOG_LEVEL: 'silent' };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  return run(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], { cwd: root, env });
}

async function raw(statement: string) {
  if (baseUrl) {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    await client.query(`SET search_path = ${schema}`);
    await client.query(statement);
    await client.end();
  } else {
    const database = new SqliteDatabase(path.join(dataDir, 'minyi.sqlite'));
    database.exec(statement);
    database.close();
  }
}

beforeAll(async () => {
  if (baseUrl)
    await raw(`CREATE SCHEMA ${schema}`).catch(async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.end();
    });
});

afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (baseUrl) {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
});

describe('minyi CLI', () => {
  it('migrates, creates users, and `audit verify` fails after a hand edit', async () => {
    const migrated = await minyi('migrate');
    expect(migrated.stdout).toContain('0001_foundation');

    // Without a body yet, `user create` says what to do.
    await expect(
      minyi('user', 'create', 'clerk', '--name', '王秘书', '--role', 'office_staff'),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('没有人大机关'),
    });
    await raw(
      `INSERT INTO bodies (id, name, level, parent_id, path, created_at, updated_at) VALUES ('B1', '测试县人大', 'county', NULL, '/B1/', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
    );
    const created = await minyi('user', 'create', 'clerk', '--name', '王秘书', '--role', 'office_staff');
    expect(created.stdout).toMatch(/初始密码 \S{12}/);
    const reset = await minyi('user', 'reset-password', 'clerk');
    expect(reset.stdout).toContain('临时密码');

    const intact = await minyi('audit', 'verify');
    expect(intact.stdout).toContain('审计链完整');
    expect(intact.stdout).toContain('SM3');

    const dropTrigger = baseUrl
      ? 'DROP TRIGGER audit_log_no_update ON audit_log'
      : 'DROP TRIGGER audit_log_no_update';
    await raw(dropTrigger);
    await raw(`UPDATE audit_log SET after_json = '{"forged":true}' WHERE seq = 1`);
    await expect(minyi('audit', 'verify')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('审计链被破坏'),
    });
  }, 90_000); // six CLI processes, each loading the whole server

  it('backs up SQLite online, or points PostgreSQL users to pg_dump', async () => {
    const target = path.join(dataDir, 'backup.sqlite');
    if (baseUrl) {
      await expect(minyi('backup', target)).rejects.toMatchObject({
        stdout: expect.stringContaining('pg_dump'),
      });
    } else {
      const result = await minyi('backup', target);
      expect(result.stdout).toContain('已备份');
      const copy = new SqliteDatabase(target, { readonly: true });
      expect(copy.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
      copy.close();
    }
  });
});
