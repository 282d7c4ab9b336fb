import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect/dialect.js';

type AnyDb = Kysely<unknown>;
const text = 'text' as const;

/** Suggestions from drafting to assignment (issue 3), notifications and saved list views. */
export async function up(db: AnyDb, _dialect: DialectHelpers): Promise<void> {
  // Lists of deputies by term or level alone scanned every seat at province scale.
  await db.schema
    .createIndex('deputy_seats_term_status')
    .on('deputy_seats')
    .columns(['term_id', 'status'])
    .execute();

  await db.schema
    .createTable('categories')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('parent_id', text, (c) => c.references('categories.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('categories_body_parent_name', ['body_id', 'parent_id', 'name'])
    .execute();

  await db.schema
    .createTable('category_units')
    .addColumn('category_id', text, (c) => c.notNull().references('categories.id'))
    .addColumn('unit_id', text, (c) => c.notNull().references('units.id'))
    .addColumn('role', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('category_units_pk', ['category_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('suggestions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('session_id', text, (c) => c.references('congress_sessions.id'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('timing', text, (c) => c.notNull())
    .addColumn('lead_deputy_id', text, (c) => c.notNull().references('deputies.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('grounds', text, (c) => c.notNull())
    .addColumn('proposals', text, (c) => c.notNull())
    .addColumn('category_id', text, (c) => c.references('categories.id'))
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('review_tier', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('serial_scope', text)
    .addColumn('serial_number', 'integer')
    .addColumn('key_status', text, (c) => c.notNull().defaultTo('none'))
    .addColumn('disclose', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('nondisclosure_reason', text)
    .addColumn('merged_into_id', text, (c) => c.references('suggestions.id'))
    .addColumn('submitted_at', text)
    .addColumn('accepted_at', text)
    .addColumn('assigned_at', text)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addUniqueConstraint('suggestions_serial', ['serial_scope', 'serial_number'])
    .execute();
  await db.schema
    .createIndex('suggestions_body_status')
    .on('suggestions')
    .columns(['body_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('suggestions_session')
    .on('suggestions')
    .columns(['session_id', 'serial_number'])
    .execute();
  await db.schema
    .createIndex('suggestions_lead')
    .on('suggestions')
    .columns(['lead_deputy_id', 'created_at'])
    .execute();
  await db.schema.createIndex('suggestions_category').on('suggestions').column('category_id').execute();

  await db.schema
    .createTable('suggestion_signers')
    .addColumn('suggestion_id', text, (c) => c.notNull().references('suggestions.id'))
    .addColumn('deputy_id', text, (c) => c.notNull().references('deputies.id'))
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('invited_at', text, (c) => c.notNull())
    .addColumn('responded_at', text)
    .addPrimaryKeyConstraint('suggestion_signers_pk', ['suggestion_id', 'deputy_id'])
    .execute();
  await db.schema
    .createIndex('suggestion_signers_deputy')
    .on('suggestion_signers')
    .columns(['deputy_id', 'status'])
    .execute();

  await db.schema
    .createTable('suggestion_events')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('suggestion_id', text, (c) => c.notNull().references('suggestions.id'))
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('actor_id', text)
    .addColumn('actor_name', text)
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('from_status', text)
    .addColumn('to_status', text)
    .addColumn('note', text)
    .addColumn('data_json', text)
    .execute();
  await db.schema
    .createIndex('suggestion_events_item')
    .on('suggestion_events')
    .columns(['suggestion_id', 'at'])
    .execute();

  await db.schema
    .createTable('serial_counters')
    .addColumn('scope', text, (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('suggestion_leaders')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('suggestion_id', text, (c) => c.notNull().references('suggestions.id'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('title', text)
    .addColumn('user_id', text, (c) => c.references('users.id'))
    .addColumn('group_name', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('suggestion_leaders_item')
    .on('suggestion_leaders')
    .column('suggestion_id')
    .execute();
  await db.schema.createIndex('suggestion_leaders_user').on('suggestion_leaders').column('user_id').execute();

  await db.schema
    .createTable('assignment_batches')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('assigned_on', text, (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assignments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('suggestion_id', text, (c) => c.notNull().references('suggestions.id'))
    .addColumn('unit_id', text, (c) => c.notNull().references('units.id'))
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('batch_id', text, (c) => c.references('assignment_batches.id'))
    .addColumn('assigned_on', text, (c) => c.notNull())
    .addColumn('reply_due_on', text, (c) => c.notNull())
    .addColumn('co_opinion_due_on', text)
    .addColumn('adjustment_window_ends_on', text, (c) => c.notNull())
    .addColumn('received_at', text)
    .addColumn('adjustment_reason', text)
    .addColumn('adjustment_requested_at', text)
    .addColumn('adjustment_decision', text)
    .addColumn('adjustment_note', text)
    .addColumn('adjustment_decided_at', text)
    .addColumn('replaced_by_id', text)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assignments_unit_status')
    .on('assignments')
    .columns(['unit_id', 'status', 'reply_due_on'])
    .execute();
  await db.schema.createIndex('assignments_suggestion').on('assignments').column('suggestion_id').execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('body', text, (c) => c.notNull())
    .addColumn('link', text)
    .addColumn('read_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['user_id', 'read_at', 'created_at'])
    .execute();

  await db.schema
    .createTable('notification_outbox')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('notification_id', text, (c) => c.notNull().references('notifications.id'))
    .addColumn('channel', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', text, (c) => c.notNull())
    .addColumn('last_error', text)
    .addColumn('claimed_by', text)
    .addColumn('claimed_until', text)
    .addColumn('sent_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notification_outbox_due')
    .on('notification_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();

  await db.schema
    .createTable('saved_views')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('list_key', text, (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('config_json', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('saved_views_user_list_name', ['user_id', 'list_key', 'name'])
    .execute();
}

export async function down(db: AnyDb, _dialect: DialectHelpers): Promise<void> {
  for (const table of [
    'saved_views',
    'notification_outbox',
    'notifications',
    'assignments',
    'assignment_batches',
    'suggestion_leaders',
    'serial_counters',
    'suggestion_events',
    'suggestion_signers',
    'suggestions',
    'category_units',
    'categories',
  ])
    await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('deputy_seats_term_status').execute();
}
