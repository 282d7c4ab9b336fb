import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { SqliteDatabase as SqliteDialectDatabase } from 'kysely';
import type { Database } from './schema.js';
import type { DialectHelpers } from './dialect/dialect.js';
import { createSqliteHelpers } from './dialect/sqlite.js';
import { createPostgresHelpers } from './dialect/postgres.js';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: DialectHelpers;
  /** Human-readable location, for logs and `/api/health` (never includes a password). */
  description: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite at `sqliteFile`. */
  databaseUrl?: string;
  /** SQLite file path, or `:memory:`. */
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests give each file its own). */
  postgresSchema?: string;
  poolSize?: number;
}

// PostgreSQL returns BIGINT (counts, sums) and NUMERIC as strings; our values fit in a double.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openSqlite(options.sqliteFile ?? ':memory:');
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const connection = new SqliteDatabase(file);
  connection.pragma('journal_mode = WAL');
  // NORMAL in WAL mode keeps every committed transaction across a process crash.
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachingStatements(connection) }),
  });
  return {
    db,
    dialect: createSqliteHelpers(connection),
    description: file === ':memory:' ? 'sqlite (memory)' : `sqlite ${path.resolve(file)}`,
    close: () => db.destroy(),
  };
}

/**
 * Kysely's SQLite driver prepares every query anew; at province scale that was 16 % of a workflow
 * action's CPU (bench/cpu-summary.ts on `npm run bench -- --only actions --cpu-prof`). This keeps the
 * most recently used statements prepared. Kysely runs one query at a time on the connection, and
 * `all`/`run` finish synchronously, so a cached statement is never in use twice; a streamed query
 * (`iterate`, which stays open across awaits) gets a statement of its own.
 */
function cachingStatements(connection: SqliteDatabase.Database, size = 1000): SqliteDialectDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => connection.close(),
    prepare(sqlText: string) {
      let statement = cache.get(sqlText);
      if (statement) {
        // Most recently used last: the first key is the one to evict.
        cache.delete(sqlText);
      } else {
        statement = connection.prepare(sqlText);
        if (cache.size >= size) {
          const oldest = cache.keys().next();
          if (!oldest.done) cache.delete(oldest.value);
        }
      }
      cache.set(sqlText, statement);
      const prepared = statement;
      return {
        reader: prepared.reader,
        all: (parameters: readonly unknown[]) => prepared.all(parameters),
        run: (parameters: readonly unknown[]) => prepared.run(parameters),
        iterate: (parameters: readonly unknown[]) => connection.prepare(sqlText).iterate(parameters),
      };
    },
  };
}

function openPostgres(url: string, options: DatabaseOptions): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // JIT compilation pays off for long analytic queries, not for ours: at province scale it added
    // 40-650 ms to search queries whose plans it judged expensive (EXPLAIN ANALYZE, issue 9).
    options: `-c jit=off${options.postgresSchema ? ` -c search_path=${options.postgresSchema}` : ''}`,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const safeUrl = new URL(url);
  safeUrl.password = '';
  return {
    db,
    dialect: createPostgresHelpers(),
    description: `postgres ${safeUrl.host}${safeUrl.pathname}${options.postgresSchema ? ` (${options.postgresSchema})` : ''}`,
    close: () => db.destroy(),
  };
}
