import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect/dialect.js';

type AnyDb = Kysely<unknown>;
const text = 'text' as const;
const integer = 'integer' as const;

/** Ballots (the voting engine), livelihood projects and satisfaction evaluations (issue 8). */
export async function up(db: AnyDb, dialect: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('ballots')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('term_id', text, (c) => c.notNull().references('terms.id'))
    .addColumn('session_id', text, (c) => c.references('congress_sessions.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('description', text)
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('question_type', text, (c) => c.notNull())
    .addColumn('max_selections', integer)
    .addColumn('score_max', integer)
    .addColumn('electorate_json', text, (c) => c.notNull())
    .addColumn('pass_rule_json', text, (c) => c.notNull())
    .addColumn('allow_change', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('require_presence', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('opens_at', text)
    .addColumn('closes_at', text)
    .addColumn('purpose', text)
    .addColumn('purpose_id', text)
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('electorate_size', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('ballots_cast', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('results_json', text)
    .addColumn('opened_at', text)
    .addColumn('closed_at', text)
    .addColumn('version', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ballots_body_status')
    .on('ballots')
    .columns(['body_id', 'status', 'created_at'])
    .execute();
  await db.schema.createIndex('ballots_purpose').on('ballots').columns(['purpose', 'purpose_id']).execute();

  await db.schema
    .createTable('ballot_items')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('ballot_id', text, (c) => c.notNull().references('ballots.id'))
    .addColumn('position', integer, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('description', text)
    .addColumn('ref_id', text)
    .addUniqueConstraint('ballot_items_position', ['ballot_id', 'position'])
    .execute();

  // The eligibility snapshot taken when the ballot opens; voting never writes here.
  await db.schema
    .createTable('ballot_electors')
    .addColumn('ballot_id', text, (c) => c.notNull().references('ballots.id'))
    .addColumn('deputy_id', text, (c) => c.notNull().references('deputies.id'))
    .addColumn('group_key', text, (c) => c.notNull())
    .addColumn('present', integer, (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('ballot_electors_pk', ['ballot_id', 'deputy_id'])
    .execute();

  // Who voted: the primary key is the one-ballot-per-voter rule. No time, no sequence, no choice
  // (see ballots/secrecy.ts).
  await dialect
    .withoutInsertionOrder(
      db.schema
        .createTable('ballot_participations')
        .addColumn('ballot_id', text, (c) => c.notNull().references('ballots.id'))
        .addColumn('deputy_id', text, (c) => c.notNull().references('deputies.id'))
        .addColumn('receipt_check', text)
        .addPrimaryKeyConstraint('ballot_participations_pk', ['ballot_id', 'deputy_id']),
    )
    .execute();

  // What was chosen: a random key, no time; the voter only on named ballots.
  await dialect
    .withoutInsertionOrder(
      db.schema
        .createTable('ballot_choices')
        .addColumn('id', text, (c) => c.primaryKey())
        .addColumn('ballot_id', text, (c) => c.notNull().references('ballots.id'))
        .addColumn('group_key', text, (c) => c.notNull())
        .addColumn('source', text, (c) => c.notNull())
        .addColumn('deputy_id', text, (c) => c.references('deputies.id'))
        .addColumn('valid', integer, (c) => c.notNull())
        .addColumn('content_json', text, (c) => c.notNull())
        .addColumn('receipt_hash', text)
        // Also the index for reading a ballot's choices (its prefix is ballot_id).
        .addUniqueConstraint('ballot_choices_named_voter', ['ballot_id', 'deputy_id'])
        .addUniqueConstraint('ballot_choices_receipt', ['receipt_hash']),
    )
    .execute();

  await createLivelihoodTables(db);
  await createEvaluationTables(db);
}

async function createLivelihoodTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('livelihood_rounds')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('term_id', text, (c) => c.notNull().references('terms.id'))
    .addColumn('session_id', text, (c) => c.references('congress_sessions.id'))
    .addColumn('year', integer, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('description', text)
    .addColumn('nomination_starts_on', text, (c) => c.notNull())
    .addColumn('nomination_ends_on', text, (c) => c.notNull())
    .addColumn('seats', integer, (c) => c.notNull())
    .addColumn('candidate_ratio_percent', integer, (c) => c.notNull())
    .addColumn('tie_rule', text, (c) => c.notNull())
    .addColumn('require_majority', integer, (c) => c.notNull().defaultTo(1))
    .addColumn('satisfaction_rule_json', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('vote_ballot_id', text, (c) => c.references('ballots.id'))
    .addColumn('satisfaction_ballot_id', text, (c) => c.references('ballots.id'))
    .addColumn('published_at', text)
    .addColumn('version', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('livelihood_rounds_body')
    .on('livelihood_rounds')
    .columns(['body_id', 'year'])
    .execute();

  await db.schema
    .createTable('livelihood_nominations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('round_id', text, (c) => c.notNull().references('livelihood_rounds.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('location', text)
    .addColumn('nominator_name', text, (c) => c.notNull())
    .addColumn('nominator_phone', text, (c) => c.notNull())
    .addColumn('contact_key', text, (c) => c.notNull())
    .addColumn('address_key', text)
    .addColumn('content_key', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('exclusion_reason', text)
    .addColumn('screening_note', text)
    .addColumn('screened_by', text)
    .addColumn('screened_at', text)
    .addColumn('project_id', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('livelihood_nominations_content', ['round_id', 'content_key'])
    .execute();
  await db.schema
    .createIndex('livelihood_nominations_round')
    .on('livelihood_nominations')
    .columns(['round_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('livelihood_nominations_contact')
    .on('livelihood_nominations')
    .columns(['round_id', 'contact_key'])
    .execute();

  await db.schema
    .createTable('livelihood_projects')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('round_id', text, (c) => c.notNull().references('livelihood_rounds.id'))
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('position', integer, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('investment_fen', 'bigint', (c) => c.notNull())
    .addColumn('unit_id', text, (c) => c.notNull().references('units.id'))
    .addColumn('completion_date', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('votes', integer)
    .addColumn('vote_rank', integer)
    .addColumn('progress_percent', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('satisfaction_json', text)
    .addColumn('version', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('livelihood_projects_round')
    .on('livelihood_projects')
    .columns(['round_id', 'position'])
    .execute();
  await db.schema
    .createIndex('livelihood_projects_unit')
    .on('livelihood_projects')
    .column('unit_id')
    .execute();

  await db.schema
    .createTable('livelihood_plans')
    .addColumn('project_id', text, (c) => c.primaryKey().references('livelihood_projects.id'))
    .addColumn('unit_id', text, (c) => c.notNull().references('units.id'))
    .addColumn('targets', text, (c) => c.notNull())
    .addColumn('milestones_json', text, (c) => c.notNull())
    .addColumn('funds_fen', 'bigint', (c) => c.notNull())
    .addColumn('funding_source', text)
    .addColumn('updated_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('livelihood_progress')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('project_id', text, (c) => c.notNull().references('livelihood_projects.id'))
    .addColumn('reported_on', text, (c) => c.notNull())
    .addColumn('percent', integer, (c) => c.notNull())
    .addColumn('summary', text, (c) => c.notNull())
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('livelihood_progress_project')
    .on('livelihood_progress')
    .columns(['project_id', 'reported_on'])
    .execute();

  await db.schema
    .createTable('livelihood_supervisors')
    .addColumn('project_id', text, (c) => c.notNull().references('livelihood_projects.id'))
    .addColumn('deputy_id', text, (c) => c.notNull().references('deputies.id'))
    .addColumn('is_leader', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('livelihood_supervisors_pk', ['project_id', 'deputy_id'])
    .execute();
  await db.schema
    .createIndex('livelihood_supervisors_deputy')
    .on('livelihood_supervisors')
    .column('deputy_id')
    .execute();
}

async function createEvaluationTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('evaluations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('term_id', text, (c) => c.notNull().references('terms.id'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('year', integer, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('ballot_id', text, (c) => c.references('ballots.id'))
    .addColumn('sampling_json', text, (c) => c.notNull())
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evaluations_body')
    .on('evaluations')
    .columns(['body_id', 'year', 'created_at'])
    .execute();

  await db.schema
    .createTable('evaluation_subjects')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('evaluation_id', text, (c) => c.notNull().references('evaluations.id'))
    .addColumn('position', integer, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('unit_id', text, (c) => c.references('units.id'))
    .addColumn('reporter', text)
    .addColumn('outcome', text)
    .addColumn('result_json', text)
    .addColumn('population', integer)
    .addUniqueConstraint('evaluation_subjects_position', ['evaluation_id', 'position'])
    .execute();

  await db.schema
    .createTable('evaluation_samples')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('subject_id', text, (c) => c.notNull().references('evaluation_subjects.id'))
    .addColumn('item_ref', text, (c) => c.notNull())
    .addColumn('label', text, (c) => c.notNull())
    .addColumn('finding', text)
    .addColumn('checked_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('evaluation_samples_item', ['subject_id', 'item_ref'])
    .execute();

  await db.schema
    .createTable('evaluation_rectifications')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('evaluation_id', text, (c) => c.notNull().references('evaluations.id'))
    .addColumn('subject_id', text, (c) => c.notNull().references('evaluation_subjects.id'))
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('unit_id', text, (c) => c.references('units.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('due_on', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('report', text)
    .addColumn('explanation', text)
    .addColumn('submitted_at', text)
    .addColumn('review_note', text)
    .addColumn('reviewed_by', text)
    .addColumn('reviewed_at', text)
    .addColumn('version', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addUniqueConstraint('evaluation_rectifications_subject', ['subject_id'])
    .execute();
  await db.schema
    .createIndex('evaluation_rectifications_body')
    .on('evaluation_rectifications')
    .columns(['body_id', 'status', 'due_on'])
    .execute();
  await db.schema
    .createIndex('evaluation_rectifications_unit')
    .on('evaluation_rectifications')
    .columns(['unit_id', 'status'])
    .execute();
}

export async function down(db: AnyDb, _dialect: DialectHelpers): Promise<void> {
  for (const table of [
    'evaluation_rectifications',
    'evaluation_samples',
    'evaluation_subjects',
    'evaluations',
    'livelihood_supervisors',
    'livelihood_progress',
    'livelihood_plans',
    'livelihood_projects',
    'livelihood_nominations',
    'livelihood_rounds',
    'ballot_choices',
    'ballot_participations',
    'ballot_electors',
    'ballot_items',
    'ballots',
  ])
    await db.schema.dropTable(table).execute();
}
