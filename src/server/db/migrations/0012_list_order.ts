import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect/dialect.js';

type AnyDb = Kysely<unknown>;

/**
 * Issue 9 (province scale), measured on the benchmark province (README, Benchmark):
 * - the suggestion list's default order (newest first) read from an index, so a wide scope (a city,
 *   the province) stops after one page instead of sorting every item it may see;
 * - the body index also carries `created_by`, so the list's total (visible = not a draft, or a draft
 *   this clerk entered) is counted from the index alone, without reading the rows.
 */
export async function up(db: AnyDb, _dialect: DialectHelpers): Promise<void> {
  await db.schema
    .createIndex('suggestions_created')
    .on('suggestions')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema.dropIndex('suggestions_body_status').execute();
  await db.schema
    .createIndex('suggestions_body_status')
    .on('suggestions')
    .columns(['body_id', 'status', 'created_at', 'created_by'])
    .execute();
}

export async function down(db: AnyDb, _dialect: DialectHelpers): Promise<void> {
  await db.schema.dropIndex('suggestions_created').execute();
  await db.schema.dropIndex('suggestions_body_status').execute();
  await db.schema
    .createIndex('suggestions_body_status')
    .on('suggestions')
    .columns(['body_id', 'status', 'created_at'])
    .execute();
}
