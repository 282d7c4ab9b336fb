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
}

/** Escapes LIKE wildcards so user text matches literally (used with `ESCAPE '\\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
