import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect/dialect.js';
import { searchDialect } from '../../search/search.dialects.js';

type AnyDb = Kysely<unknown>;

/**
 * Issue 9 (province scale): every indexed document also carries its body's scope tokens (its own
 * body, and each body on its path), so full-text matches can be limited to some bodies inside the
 * engine (SQLite FTS5, PostgreSQL GIN) instead of matching the whole province and filtering
 * afterwards. Existing documents are re-indexed from what is stored (no re-segmentation).
 * Measured on the benchmark province: see README, Benchmark.
 */
export async function up(db: AnyDb, dialect: DialectHelpers): Promise<void> {
  await searchDialect(dialect.kind).addScope(db);
}

export async function down(db: AnyDb, dialect: DialectHelpers): Promise<void> {
  await searchDialect(dialect.kind).dropScope(db);
}
