import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';

/** Which assignments an appraisal covers: a session's items, or those assigned in a year. */
export type AppraisalScope = { sessionId: string } | { fromDay: string; toDay: string };

/** Ids per query: well under the bound-parameter limits of both databases. */
const chunkSize = 500;

function chunks<T>(values: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < values.length; i += chunkSize) result.push(values.slice(i, i + chunkSize));
  return result;
}

/** Reads for the unit appraisal; the scoring itself is in `appraisal.scoring.ts`. */
export class AppraisalRepository {
  constructor(private readonly db: Db) {}

  /**
   * Assignments that reply (lead and separate) of a body's items in scope, without reassigned
   * ones and without withdrawn, merged or rejected items. One row per assignment, so an item
   * handled again counts once.
   */
  async assignments(bodyId: string, scope: AppraisalScope, unitIds?: string[]) {
    let query = this.db
      .selectFrom('assignments')
      .innerJoin('suggestions', 'suggestions.id', 'assignments.suggestion_id')
      .innerJoin('units', 'units.id', 'assignments.unit_id')
      .select([
        'assignments.id',
        'assignments.unit_id',
        'units.name as unit_name',
        'assignments.status',
        'assignments.reply_due_on',
        'assignments.replied_at',
        'suggestions.id as suggestion_id',
        'suggestions.title',
        'suggestions.serial_number',
        'suggestions.timing',
        'suggestions.accepted_at',
        'suggestions.status as suggestion_status',
      ])
      .where('suggestions.body_id', '=', bodyId)
      .where('suggestions.status', 'not in', ['withdrawn', 'merged', 'rejected'])
      .where('assignments.role', 'in', ['lead', 'separate'])
      .where('assignments.status', '!=', 'reassigned');
    if ('sessionId' in scope) query = query.where('suggestions.session_id', '=', scope.sessionId);
    else
      query = query
        .where('assignments.assigned_on', '>=', scope.fromDay)
        .where('assignments.assigned_on', '<', scope.toDay);
    if (unitIds) query = query.where('assignments.unit_id', 'in', unitIds.length > 0 ? unitIds : ['-']);
    return query
      .orderBy('units.name')
      .orderBy('suggestions.serial_number')
      .orderBy('assignments.id')
      .execute();
  }

  /** Contacts of the assignments with the deputy (stage, method, day). */
  async contacts(assignmentIds: string[]) {
    const rows = [];
    for (const ids of chunks(assignmentIds))
      rows.push(
        ...(await this.db
          .selectFrom('contacts')
          .select(['assignment_id', 'stage', 'method', 'contact_on'])
          .where('assignment_id', 'in', ids)
          .execute()),
      );
    return rows;
  }

  /** The lead deputy's rating of the last round of each closed item (an item re-handled counts once). */
  async finalRatings(suggestionIds: string[]) {
    const rows = [];
    for (const ids of chunks(suggestionIds))
      rows.push(
        ...(await this.db
          .selectFrom('suggestions')
          .innerJoin('ratings', (join) =>
            join
              .onRef('ratings.suggestion_id', '=', 'suggestions.id')
              .onRef('ratings.round', '=', 'suggestions.handling_round')
              .on('ratings.is_lead', '=', 1),
          )
          .select(['suggestions.id as suggestion_id', 'ratings.result'])
          .where('suggestions.id', 'in', ids)
          .where('suggestions.status', '=', 'closed')
          .where('suggestions.close_reason', 'in', ['rated', 'unsatisfied_escalated'])
          .execute()),
      );
    return rows;
  }

  /** Handling records with the steps signed in their current cycle. */
  async records(suggestionIds: string[]) {
    const records = [];
    const signatures = [];
    for (const ids of chunks(suggestionIds)) {
      records.push(
        ...(await this.db
          .selectFrom('handling_records')
          .select(['suggestion_id', 'status', 'cycle'])
          .where('suggestion_id', 'in', ids)
          .execute()),
      );
      signatures.push(
        ...(await this.db
          .selectFrom('handling_record_signatures')
          .select(['suggestion_id', 'cycle', 'step'])
          .where('suggestion_id', 'in', ids)
          .execute()),
      );
    }
    return { records, signatures };
  }

  /** Promises (B-class follow-ups) of the assignments, except superseded ones. */
  async promises(assignmentIds: string[]) {
    const rows = [];
    for (const ids of chunks(assignmentIds))
      rows.push(
        ...(await this.db
          .selectFrom('followup_promises')
          .select(['id', 'assignment_id', 'status', 'target_on', 'fulfilled_on', 'promise_text'])
          .where('assignment_id', 'in', ids)
          .where('status', '!=', 'superseded')
          .orderBy('target_on')
          .orderBy('id')
          .execute()),
      );
    return rows;
  }

  async session(sessionId: string) {
    return this.db
      .selectFrom('congress_sessions')
      .select(['id', 'body_id', 'name', 'start_date'])
      .where('id', '=', sessionId)
      .executeTakeFirst();
  }

  async unit(unitId: string) {
    return this.db
      .selectFrom('units')
      .select(['id', 'body_id', 'name'])
      .where('id', '=', unitId)
      .executeTakeFirst();
  }

  /** Stored settings of the given bodies (callers pass a body and its ancestors). */
  async settingsOf(bodyIds: string[]) {
    if (bodyIds.length === 0) return [];
    return this.db.selectFrom('appraisal_settings').selectAll().where('body_id', 'in', bodyIds).execute();
  }

  async putSettings(bodyId: string, settings: string, at: string, executor: Executor): Promise<void> {
    await executor
      .insertInto('appraisal_settings')
      .values({ body_id: bodyId, settings, updated_at: at })
      .onConflict((oc) => oc.column('body_id').doUpdateSet({ settings, updated_at: at }))
      .execute();
  }
}

export type AppraisalAssignmentRow = Awaited<ReturnType<AppraisalRepository['assignments']>>[number];
