import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect/dialect.js';

type AnyDb = Kysely<unknown>;
const text = 'text' as const;

/** Handling, replies, ratings and the durable job scheduler (issue 4). */
export async function up(db: AnyDb, _dialect: DialectHelpers): Promise<void> {
  await db.schema.alterTable('assignments').addColumn('handler_name', text).execute();
  await db.schema.alterTable('assignments').addColumn('handler_phone', text).execute();
  await db.schema.alterTable('assignments').addColumn('plan', text).execute();
  await db.schema.alterTable('assignments').addColumn('planned_finish_on', text).execute();
  await db.schema.alterTable('assignments').addColumn('opinion', text).execute();
  await db.schema.alterTable('assignments').addColumn('opinion_at', text).execute();
  await db.schema.alterTable('assignments').addColumn('extension_status', text).execute();
  await db.schema.alterTable('assignments').addColumn('extension_reason', text).execute();
  await db.schema.alterTable('assignments').addColumn('extension_requested_due_on', text).execute();
  await db.schema.alterTable('assignments').addColumn('extension_note', text).execute();
  await db.schema.alterTable('assignments').addColumn('replied_at', text).execute();

  await db.schema.alterTable('suggestions').addColumn('replied_at', text).execute();
  await db.schema.alterTable('suggestions').addColumn('feedback_due_on', text).execute();
  await db.schema
    .alterTable('suggestions')
    .addColumn('handling_round', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('suggestions').addColumn('closed_at', text).execute();
  await db.schema.alterTable('suggestions').addColumn('close_reason', text).execute();
  await db.schema
    .alterTable('suggestions')
    .addColumn('escalated', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('suggestion_id', text, (c) => c.notNull().references('suggestions.id'))
    .addColumn('assignment_id', text, (c) => c.notNull().references('assignments.id'))
    .addColumn('unit_id', text, (c) => c.notNull().references('units.id'))
    .addColumn('stage', text, (c) => c.notNull())
    .addColumn('method', text, (c) => c.notNull())
    .addColumn('contact_on', text, (c) => c.notNull())
    .addColumn('participants', text, (c) => c.notNull())
    .addColumn('summary', text, (c) => c.notNull())
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contacts_suggestion')
    .on('contacts')
    .columns(['suggestion_id', 'contact_on'])
    .execute();

  await db.schema
    .createTable('replies')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('suggestion_id', text, (c) => c.notNull().references('suggestions.id'))
    .addColumn('assignment_id', text, (c) => c.notNull().references('assignments.id'))
    .addColumn('unit_id', text, (c) => c.notNull().references('units.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('outcome_class', text, (c) => c.notNull())
    .addColumn('document_no', text, (c) => c.notNull())
    .addColumn('body', text, (c) => c.notNull())
    .addColumn('face_to_face', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('sign_step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sent_at', text)
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('replies_suggestion')
    .on('replies')
    .columns(['suggestion_id', 'round'])
    .execute();

  await db.schema
    .createTable('reply_signoffs')
    .addColumn('reply_id', text, (c) => c.notNull().references('replies.id'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('step_name', text, (c) => c.notNull())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('user_name', text, (c) => c.notNull())
    .addColumn('signed_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('reply_signoffs_pk', ['reply_id', 'step'])
    .execute();

  await db.schema
    .createTable('ratings')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('suggestion_id', text, (c) => c.notNull().references('suggestions.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('deputy_id', text, (c) => c.notNull().references('deputies.id'))
    .addColumn('is_lead', 'integer', (c) => c.notNull())
    .addColumn('attitude', text, (c) => c.notNull())
    .addColumn('result', text, (c) => c.notNull())
    .addColumn('reason', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('ratings_once', ['suggestion_id', 'round', 'deputy_id'])
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('dedupe_key', text, (c) => c.notNull().unique())
    .addColumn('run_at', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('payload_json', text, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_by', text)
    .addColumn('claimed_until', text)
    .addColumn('last_error', text)
    .addColumn('done_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();
}

export async function down(db: AnyDb, _dialect: DialectHelpers): Promise<void> {
  for (const table of ['jobs', 'ratings', 'reply_signoffs', 'replies', 'contacts'])
    await db.schema.dropTable(table).execute();
  for (const column of [
    'escalated',
    'close_reason',
    'closed_at',
    'handling_round',
    'feedback_due_on',
    'replied_at',
  ])
    await db.schema.alterTable('suggestions').dropColumn(column).execute();
  for (const column of [
    'replied_at',
    'extension_note',
    'extension_requested_due_on',
    'extension_reason',
    'extension_status',
    'opinion_at',
    'opinion',
    'planned_finish_on',
    'plan',
    'handler_phone',
    'handler_name',
  ])
    await db.schema.alterTable('assignments').dropColumn(column).execute();
}
