import { sql } from 'kysely';
import type { Expression } from 'kysely';
import type Database from 'better-sqlite3';
import { escapeLike } from './dialect.js';
import type { DialectHelpers } from './dialect.js';

export function createSqliteHelpers(connection: Database.Database): DialectHelpers {
  return {
    kind: 'sqlite',
    containsInsensitive: (column: Expression<string | null>, needle: string) =>
      sql`${column} LIKE ${'%' + escapeLike(needle) + '%'} ESCAPE '\\'`,
    appendOnlyTriggerStatements: (table) => [
      `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    ],
    dropAppendOnlyTriggerStatements: (table) => [`DROP TRIGGER IF EXISTS ${table}_no_update`],
    currentSchema: async () => undefined,
    backup: async (_db, targetFile) => {
      await connection.backup(targetFile);
      return { done: true };
    },
    withoutInsertionOrder: (builder) => builder.modifyEnd(sql`WITHOUT ROWID`),
    // Rows of a WITHOUT ROWID table are kept in key order, and a delete leaves no readable row.
    reclaimDeleted: async () => undefined,
  };
}
