import { sql } from 'kysely';
import type { Expression } from 'kysely';
import { escapeLike } from './dialect.js';
import type { DialectHelpers } from './dialect.js';

export function createPostgresHelpers(): DialectHelpers {
  return {
    kind: 'postgres',
    containsInsensitive: (column: Expression<string | null>, needle: string) =>
      sql`${column} ILIKE ${'%' + escapeLike(needle) + '%'} ESCAPE '\\'`,
    appendOnlyTriggerStatements: (table) => [
      `CREATE OR REPLACE FUNCTION ${table}_refuse_update() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '${table} is append-only'; END; $$ LANGUAGE plpgsql`,
      `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_refuse_update()`,
    ],
    dropAppendOnlyTriggerStatements: (table) => [
      `DROP TRIGGER IF EXISTS ${table}_no_update ON ${table}`,
      `DROP FUNCTION IF EXISTS ${table}_refuse_update()`,
    ],
    currentSchema: async (db) => {
      const result = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
      return result.rows[0]?.schema;
    },
    withoutInsertionOrder: (builder) => builder,
    reclaimDeleted: async (db, tables) => {
      // VACUUM cannot run in a transaction: each statement runs on its own pooled connection.
      for (const table of tables) await sql.raw(`VACUUM ${table}`).execute(db);
    },
    backup: async () => ({
      done: false,
      hint: 'PostgreSQL 请使用 pg_dump 备份，例如：pg_dump "$DATABASE_URL" -Fc -f minyi.dump',
    }),
  };
}
