import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect/dialect.js';

type AnyDb = Kysely<unknown>;

/** The summed 0/1 facts (and reply days) kept per cell. */
export const cellSums = [
  'withdrawn',
  'replied',
  'reply_days',
  'on_time',
  'face_to_face',
  'feedback',
  'no_feedback',
  'satisfied',
  'satisfied_or_basically',
  'unsatisfied',
  'solved',
  'solved_or_planned',
  'promises',
  'promises_fulfilled',
] as const;
const text = 'text' as const;
const integer = 'integer' as const;

/**
 * Statistics (issue 5). `stats_facts` holds one row per assigned suggestion (`unit_id = ''`) and
 * one per replying unit of it, with the 0/1 facts the indicators of DOMAIN.md §5 sum. Its primary
 * key starts with the grain and the body path, and SQLite keeps the rows in key order, so a body's
 * subtree is one contiguous range read. The rows are derived from the handling tables and brought
 * up to date from the audit log (`stats_refresh.audit_seq`); see `stats/facts.refresher.ts`.
 */
export async function up(db: AnyDb, dialect: DialectHelpers): Promise<void> {
  await dialect
    .withoutInsertionOrder(
      db.schema
        .createTable('stats_facts')
        .addColumn('unit_id', text, (c) => c.notNull())
        .addColumn('body_path', text, (c) => c.notNull())
        .addColumn('suggestion_id', text, (c) => c.notNull())
        .addColumn('body_id', text, (c) => c.notNull())
        .addColumn('session_id', text)
        .addColumn('year', integer, (c) => c.notNull())
        .addColumn('category_id', text)
        .addColumn('lead_deputy_id', text, (c) => c.notNull())
        .addColumn('delegation_id', text)
        .addColumn('disclose', integer, (c) => c.notNull())
        .addColumn('assigned_on', text, (c) => c.notNull())
        .addColumn('withdrawn', integer, (c) => c.notNull())
        .addColumn('replied', integer, (c) => c.notNull())
        .addColumn('replied_on', text)
        .addColumn('reply_days', integer, (c) => c.notNull())
        .addColumn('on_time', integer, (c) => c.notNull())
        .addColumn('face_to_face', integer, (c) => c.notNull())
        .addColumn('feedback', integer, (c) => c.notNull())
        .addColumn('no_feedback', integer, (c) => c.notNull())
        .addColumn('satisfied', integer, (c) => c.notNull())
        .addColumn('satisfied_or_basically', integer, (c) => c.notNull())
        .addColumn('unsatisfied', integer, (c) => c.notNull())
        .addColumn('solved', integer, (c) => c.notNull())
        .addColumn('solved_or_planned', integer, (c) => c.notNull())
        .addColumn('promises', integer, (c) => c.notNull())
        .addColumn('promises_fulfilled', integer, (c) => c.notNull())
        /** Earliest deadline still owed (null when nothing is owed): overdue when before today. */
        .addColumn('open_due_on', text)
        /** Earliest warning day of what is still owed. */
        .addColumn('warning_on', text)
        .addPrimaryKeyConstraint('stats_facts_pk', ['unit_id', 'body_path', 'suggestion_id']),
    )
    .execute();
  await db.schema.createIndex('stats_facts_item').on('stats_facts').column('suggestion_id').execute();
  // Overdue and warnings depend on today, so they are counted over the open rows only.
  await db.schema
    .createIndex('stats_facts_open')
    .on('stats_facts')
    .columns(['unit_id', 'body_path', 'open_due_on', 'warning_on', 'session_id', 'year'])
    .where(sql.ref('open_due_on'), 'is not', null)
    .execute();

  // The facts summed per grain, body, session and year: what most tables read at province scale.
  await dialect
    .withoutInsertionOrder(
      db.schema
        .createTable('stats_cells')
        .addColumn('unit_id', text, (c) => c.notNull())
        .addColumn('body_path', text, (c) => c.notNull())
        /** '' when the items have no session (recess items). */
        .addColumn('session_id', text, (c) => c.notNull())
        .addColumn('year', integer, (c) => c.notNull())
        .addColumn('assigned', integer, (c) => c.notNull())
        .$call((builder) => {
          let b = builder;
          for (const column of cellSums) b = b.addColumn(column, integer, (c) => c.notNull());
          return b;
        })
        .addPrimaryKeyConstraint('stats_cells_pk', ['unit_id', 'body_path', 'session_id', 'year']),
    )
    .execute();

  await db.schema
    .createTable('stats_refresh')
    .addColumn('id', integer, (c) => c.primaryKey())
    .addColumn('audit_seq', integer, (c) => c.notNull())
    .addColumn('rebuilt_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  /** Which indicators a body publishes on the public portal (none until the office chooses). */
  await db.schema
    .createTable('stats_publications')
    .addColumn('body_id', text, (c) => c.primaryKey().references('bodies.id'))
    .addColumn('indicators_json', text, (c) => c.notNull())
    .addColumn('updated_by', text)
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb, _dialect: DialectHelpers): Promise<void> {
  await db.schema.dropTable('stats_cells').execute();
  await db.schema.dropTable('stats_publications').execute();
  await db.schema.dropTable('stats_refresh').execute();
  await db.schema.dropTable('stats_facts').execute();
}
