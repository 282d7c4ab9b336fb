import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect/dialect.js';

type AnyDb = Kysely<unknown>;
const text = 'text' as const;
const integer = 'integer' as const;

/**
 * Background exports (issue 5): one row per requested file with its progress, claimed by one
 * runner with a compare-and-set and a heartbeat (the durable `jobs` table has no progress and a
 * fixed five-minute claim, too short for a long report). Also the appraisal settings per body.
 */
export async function up(db: AnyDb, _dialect: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('exports')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('params_json', text, (c) => c.notNull())
    .addColumn('body_id', text, (c) => c.references('bodies.id'))
    .addColumn('requested_by', text, (c) => c.notNull().references('users.id'))
    /** `queued`, `running`, `done` or `failed`. */
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('progress', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_by', text)
    .addColumn('claimed_until', text)
    .addColumn('error', text)
    .addColumn('file_name', text)
    .addColumn('content_type', text)
    .addColumn('storage_path', text)
    .addColumn('size_bytes', integer)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('started_at', text)
    .addColumn('finished_at', text)
    .execute();
  await db.schema
    .createIndex('exports_requester')
    .on('exports')
    .columns(['requested_by', 'created_at'])
    .execute();
  await db.schema.createIndex('exports_status').on('exports').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('appraisal_settings')
    .addColumn('body_id', text, (c) => c.primaryKey().references('bodies.id'))
    .addColumn('settings', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb, _dialect: DialectHelpers): Promise<void> {
  for (const table of ['appraisal_settings', 'exports']) await db.schema.dropTable(table).execute();
}
