import type { Expression, Kysely, RawBuilder, SqlBool } from 'kysely';

export type DialectKind = 'sqlite' | 'postgres';

/**
 * Everything that differs between SQLite and PostgreSQL lives behind this interface, so that
 * repositories and migrations never branch on the dialect themselves.
 */
export interface DialectHelpers {
  readonly kind: DialectKind;
  /** Case-insensitive substring match (SQLite LIKE is already case-insensitive for ASCII). */
  containsInsensitive(column: Expression<string | null>, needle: string): RawBuilder<SqlBool>;
  /** SQL statements a migration runs to make a table refuse UPDATE (append-only). */
  appendOnlyTriggerStatements(table: string): string[];
  /** SQL statements that drop what `appendOnlyTriggerStatements` created. */
  dropAppendOnlyTriggerStatements(table: string): string[];
  /** The schema unqualified tables live in (PostgreSQL's search_path), for the migrator. */
  currentSchema<T>(db: Kysely<T>): Promise<string | undefined>;
  /** Online backup of the whole database to a file, where the dialect supports it. */
  backup(db: Kysely<unknown>, targetFile: string): Promise<{ done: boolean; hint?: string }>;
  /**
   * Makes a new table keep no trace of insertion order that SQL can read (SQLite: `WITHOUT
   * ROWID`, so rows live in primary-key order). PostgreSQL heaps keep it in `ctid`/`xmin`
   * whatever the options; secret-ballot tables are rewritten at close for that (`reclaimDeleted`).
   */
  withoutInsertionOrder<Builder extends { modifyEnd(modifier: Expression<unknown>): Builder }>(
    builder: Builder,
  ): Builder;
  /** Removes deleted and superseded row versions of the tables where the dialect keeps them. */
  reclaimDeleted<T>(db: Kysely<T>, tables: readonly string[]): Promise<void>;
}

/** Escapes LIKE wildcards so user text matches literally (used with `ESCAPE '\\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
