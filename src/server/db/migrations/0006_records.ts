import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect/dialect.js';

type AnyDb = Kysely<unknown>;
const text = 'text' as const;
const integer = 'integer' as const;

/**
 * The handling record (全程纪实表, issue 4): one per suggestion, created when the first action
 * is taken on it after handling ends; its three signatures in order (deputy → unit leader →
 * government leader in charge), per signing cycle, and the office's returns for re-handling.
 */
export async function up(db: AnyDb, _dialect: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('handling_records')
    .addColumn('suggestion_id', text, (c) => c.primaryKey().references('suggestions.id'))
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('cycle', integer, (c) => c.notNull().defaultTo(1))
    .addColumn('version', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('completed_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('handling_records_body')
    .on('handling_records')
    .columns(['body_id', 'status'])
    .execute();

  await db.schema
    .createTable('handling_record_signatures')
    .addColumn('suggestion_id', text, (c) => c.notNull().references('handling_records.suggestion_id'))
    .addColumn('cycle', integer, (c) => c.notNull())
    .addColumn('step', text, (c) => c.notNull())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('user_name', text, (c) => c.notNull())
    .addColumn('unit_id', text, (c) => c.references('units.id'))
    .addColumn('note', text)
    .addColumn('signed_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('handling_record_signatures_pk', ['suggestion_id', 'cycle', 'step'])
    .execute();

  await db.schema
    .createTable('handling_record_returns')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('suggestion_id', text, (c) => c.notNull().references('handling_records.suggestion_id'))
    .addColumn('cycle', integer, (c) => c.notNull())
    .addColumn('reason', text, (c) => c.notNull())
    .addColumn('due_on', text, (c) => c.notNull())
    .addColumn('returned_by', text, (c) => c.references('users.id'))
    .addColumn('returned_by_name', text, (c) => c.notNull())
    .addColumn('returned_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('handling_record_returns_suggestion')
    .on('handling_record_returns')
    .columns(['suggestion_id', 'returned_at'])
    .execute();
}

export async function down(db: AnyDb, _dialect: DialectHelpers): Promise<void> {
  for (const table of ['handling_record_returns', 'handling_record_signatures', 'handling_records'])
    await db.schema.dropTable(table).execute();
}
