import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect/dialect.js';

type AnyDb = Kysely<unknown>;
const text = 'text' as const;
const integer = 'integer' as const;

/**
 * The follow-up ledger (跟踪办理台账, issue 4): promises of B-class replies, tracked across years
 * until the office marks them fulfilled, with the unit's progress reports.
 */
export async function up(db: AnyDb, _dialect: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('followup_promises')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('suggestion_id', text, (c) => c.notNull().references('suggestions.id'))
    // One promise per reply letter: the job that enters it may run twice, the row exists once.
    .addColumn('reply_id', text, (c) => c.notNull().unique().references('replies.id'))
    .addColumn('assignment_id', text, (c) => c.notNull().references('assignments.id'))
    .addColumn('unit_id', text, (c) => c.notNull().references('units.id'))
    .addColumn('round', integer, (c) => c.notNull())
    .addColumn('outcome_class', text, (c) => c.notNull())
    .addColumn('term_id', text, (c) => c.references('terms.id'))
    .addColumn('promise_text', text, (c) => c.notNull())
    .addColumn('target_on', text, (c) => c.notNull())
    .addColumn('entered_on', text, (c) => c.notNull())
    .addColumn('entered_year', integer, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('progress_percent', integer)
    .addColumn('last_progress_on', text)
    .addColumn('fulfilled_on', text)
    .addColumn('fulfilled_note', text)
    .addColumn('fulfilled_by', text)
    .addColumn('version', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('followup_promises_body')
    .on('followup_promises')
    .columns(['body_id', 'status', 'entered_year'])
    .execute();
  await db.schema
    .createIndex('followup_promises_unit')
    .on('followup_promises')
    .columns(['unit_id', 'status'])
    .execute();
  await db.schema
    .createIndex('followup_promises_term')
    .on('followup_promises')
    .columns(['term_id', 'status'])
    .execute();
  await db.schema
    .createIndex('followup_promises_assignment')
    .on('followup_promises')
    .column('assignment_id')
    .execute();

  await db.schema
    .createTable('followup_progress')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('promise_id', text, (c) => c.notNull().references('followup_promises.id'))
    .addColumn('report_on', text, (c) => c.notNull())
    .addColumn('text', text, (c) => c.notNull())
    .addColumn('percent', integer, (c) => c.notNull())
    .addColumn('created_by', text)
    .addColumn('created_by_name', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('followup_progress_promise')
    .on('followup_progress')
    .columns(['promise_id', 'report_on'])
    .execute();
}

export async function down(db: AnyDb, _dialect: DialectHelpers): Promise<void> {
  for (const table of ['followup_progress', 'followup_promises']) await db.schema.dropTable(table).execute();
}
