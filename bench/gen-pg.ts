/**
 * The same province in PostgreSQL: a template database `minyi_bench_<hash>` migrated with the
 * real migrations and filled from the generated SQLite file (COPY through `psql` when it is
 * installed, else multi-row INSERTs of 1,000 rows); each benchmark run gets a fresh copy
 * (`CREATE DATABASE … TEMPLATE …`, a file copy inside the server).
 */
import { spawn, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { organisationTables, suggestionTables } from './columns.js';

const copyOrder = [
  'bodies',
  'terms',
  'congress_sessions',
  'categories',
  'units',
  'category_units',
  'users',
  'user_roles',
  'deputies',
  'deputy_seats',
  'api_tokens',
  'stations',
  'station_deputies',
  'receptions',
  'suggestions',
  'suggestion_events',
  'suggestion_signers',
  'assignments',
  'replies',
  'ratings',
  'serial_counters',
];
const columnsOf: Record<string, string[]> = { ...organisationTables, ...suggestionTables };

export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(base: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(base, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function templateExists(base: string, name: string): Promise<boolean> {
  return admin(
    base,
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1,
  );
}

export async function postgresVersion(base: string): Promise<string> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return `PostgreSQL ${rows[0]?.v ?? '?'}`;
  } finally {
    await client.end();
  }
}

const csv = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return `"${String(value).replaceAll('"', '""')}"`;
};

function hasPsql(): boolean {
  return spawnSync('psql', ['--version']).status === 0;
}

async function copyWithPsql(url: string, table: string, columns: string[], rows: Iterable<unknown[]>) {
  const child = spawn(
    'psql',
    [
      url,
      '-v',
      'ON_ERROR_STOP=1',
      '-q',
      '-c',
      `COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`,
    ],
    {
      stdio: ['pipe', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<void>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`COPY ${table}: ${stderr}`)))),
  );
  let buffer = '';
  for (const row of rows) {
    buffer += `${row.map(csv).join(',')}\n`;
    if (buffer.length > 1 << 20) {
      if (!child.stdin.write(buffer)) await new Promise((resolve) => child.stdin.once('drain', resolve));
      buffer = '';
    }
  }
  child.stdin.end(buffer);
  await done;
}

async function copyWithInserts(
  client: pg.Client,
  table: string,
  columns: string[],
  rows: Iterable<unknown[]>,
) {
  let batch: unknown[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch.map(
      (_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`,
    );
    await client.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`,
      batch.flat(),
    );
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length * columns.length >= 30_000) await flush();
  }
  await flush();
}

/** Creates and fills the template database from the SQLite file; returns the time it took. */
export async function generatePostgres(
  base: string,
  name: string,
  sqliteFile: string,
  log: (line: string) => void,
): Promise<number> {
  const started = performance.now();
  await admin(base, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name}`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const url = databaseUrl(base, name);
  const handle = openDatabase({ databaseUrl: url });
  await migrateToLatest(handle);
  await handle.close();
  const source = new Database(sqliteFile, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const psql = hasPsql();
  try {
    for (const table of copyOrder) {
      const columns = columnsOf[table];
      if (!columns) continue;
      const rows = source
        .prepare(`SELECT ${columns.join(', ')} FROM ${table}`)
        .raw(true)
        .iterate() as Iterable<unknown[]>;
      if (psql) await copyWithPsql(url, table, columns, rows);
      else await copyWithInserts(client, table, columns, rows);
      log(`  postgres ${table}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
    source.close();
  }
  return Math.round(performance.now() - started);
}

/** A fresh database for one run, copied from the template. */
export async function freshCopy(base: string, template: string, name: string): Promise<string> {
  await admin(base, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  });
  return databaseUrl(base, name);
}

export async function dropDatabase(base: string, name: string): Promise<void> {
  await admin(base, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}
