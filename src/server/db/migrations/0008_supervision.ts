import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect/dialect.js';

type AnyDb = Kysely<unknown>;
const text = 'text' as const;
const integer = 'integer' as const;

/**
 * Supervision (督办, issue 4): leaders' supervision activities, units' progress reports on key
 * items, reminders sent to units, and rectification tasks of units below the satisfaction threshold.
 */
export async function up(db: AnyDb, _dialect: DialectHelpers): Promise<void> {
  // Leader entries are replaced when the council re-confirms a key item, so activities copy the
  // leader's kind and name instead of referencing the entry.
  await db.schema
    .createTable('supervision_activities')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('suggestion_id', text, (c) => c.notNull().references('suggestions.id'))
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('activity_on', text, (c) => c.notNull())
    .addColumn('summary', text, (c) => c.notNull())
    .addColumn('participants', text)
    .addColumn('leader_kind', text)
    .addColumn('recorded_by', text, (c) => c.notNull().references('users.id'))
    .addColumn('recorded_by_name', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supervision_activities_item')
    .on('supervision_activities')
    .columns(['suggestion_id', 'activity_on'])
    .execute();

  await db.schema
    .createTable('supervision_progress')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('suggestion_id', text, (c) => c.notNull().references('suggestions.id'))
    .addColumn('assignment_id', text, (c) => c.notNull().references('assignments.id'))
    .addColumn('unit_id', text, (c) => c.notNull().references('units.id'))
    .addColumn('report_on', text, (c) => c.notNull())
    .addColumn('text', text, (c) => c.notNull())
    .addColumn('percent', integer)
    .addColumn('created_by', text, (c) => c.notNull().references('users.id'))
    .addColumn('created_by_name', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supervision_progress_item')
    .on('supervision_progress')
    .columns(['suggestion_id', 'report_on'])
    .execute();

  await db.schema
    .createTable('supervision_reminders')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('suggestion_id', text, (c) => c.notNull().references('suggestions.id'))
    .addColumn('unit_id', text, (c) => c.notNull().references('units.id'))
    .addColumn('note', text, (c) => c.notNull())
    .addColumn('sent_by', text, (c) => c.notNull().references('users.id'))
    .addColumn('sent_by_name', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supervision_reminders_item')
    .on('supervision_reminders')
    .columns(['suggestion_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('rectification_tasks')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('unit_id', text, (c) => c.notNull().references('units.id'))
    .addColumn('year', integer, (c) => c.notNull())
    .addColumn('valid_count', integer, (c) => c.notNull())
    .addColumn('satisfied_count', integer, (c) => c.notNull())
    // Percentages in tenths (79.5 % → 795): the published one-decimal figure, exactly.
    .addColumn('rate_tenths', integer, (c) => c.notNull())
    .addColumn('threshold_tenths', integer, (c) => c.notNull())
    .addColumn('due_on', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('report_text', text)
    .addColumn('explanation', text)
    .addColumn('submitted_at', text)
    .addColumn('submitted_by', text)
    .addColumn('review_note', text)
    .addColumn('accepted_at', text)
    .addColumn('accepted_by', text)
    .addColumn('version', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addUniqueConstraint('rectification_tasks_once', ['body_id', 'unit_id', 'year'])
    .execute();
  await db.schema
    .createIndex('rectification_tasks_unit')
    .on('rectification_tasks')
    .columns(['unit_id', 'status'])
    .execute();
}

export async function down(db: AnyDb, _dialect: DialectHelpers): Promise<void> {
  for (const table of [
    'rectification_tasks',
    'supervision_reminders',
    'supervision_progress',
    'supervision_activities',
  ])
    await db.schema.dropTable(table).execute();
}
