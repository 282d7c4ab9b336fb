import type { Db } from '../db/database.js';
import type { AppraisalScope } from '../appraisal/appraisal.repository.js';

/** Items in a compilation: those the congress took up (accepted and later). */
const takenUp = ['accepted', 'handling', 'replied', 'rehandling', 'closed'];

/** A body's subtree and a calendar year of assignment. */
export interface YearScope {
  bodyPath: string;
  year: number;
}

/** Reads for the official reports (lists and texts; the indicators come from the stats service). */
export class ReportsRepository {
  constructor(private readonly db: Db) {}

  async session(sessionId: string) {
    return this.db
      .selectFrom('congress_sessions')
      .select(['id', 'body_id', 'name', 'start_date'])
      .where('id', '=', sessionId)
      .executeTakeFirst();
  }

  async unitById(unitId: string) {
    return this.db
      .selectFrom('units')
      .select(['id', 'body_id', 'name'])
      .where('id', '=', unitId)
      .executeTakeFirst();
  }

  async compilationCount(sessionId: string): Promise<number> {
    const row = await this.db
      .selectFrom('suggestions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', sessionId)
      .where('status', 'in', takenUp)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** One batch of a session's items in serial order, with lead deputy and category. */
  async compilationItems(sessionId: string, offset: number, limit: number) {
    return this.db
      .selectFrom('suggestions')
      .innerJoin('deputies', 'deputies.id', 'suggestions.lead_deputy_id')
      .leftJoin('categories', 'categories.id', 'suggestions.category_id')
      .select([
        'suggestions.id',
        'suggestions.serial_number',
        'suggestions.timing',
        'suggestions.accepted_at',
        'suggestions.title',
        'suggestions.grounds',
        'suggestions.proposals',
        'suggestions.status',
        'deputies.name as lead_deputy_name',
        'categories.name as category_name',
      ])
      .where('suggestions.session_id', '=', sessionId)
      .where('suggestions.status', 'in', takenUp)
      .orderBy('suggestions.serial_number')
      .orderBy('suggestions.id')
      .offset(offset)
      .limit(limit)
      .execute();
  }

  /** Units of the items (reassigned ones left out), lead first. */
  async unitsOf(suggestionIds: string[]) {
    if (suggestionIds.length === 0) return [];
    return this.db
      .selectFrom('assignments')
      .innerJoin('units', 'units.id', 'assignments.unit_id')
      .select(['assignments.suggestion_id', 'assignments.role', 'units.name as unit_name'])
      .where('assignments.suggestion_id', 'in', suggestionIds)
      .where('assignments.status', '!=', 'reassigned')
      .orderBy('assignments.suggestion_id')
      .orderBy('assignments.role', 'desc')
      .orderBy('units.name')
      .execute();
  }

  /** Sent reply letters of the items, in the order they were sent. */
  async sentReplies(suggestionIds: string[]) {
    if (suggestionIds.length === 0) return [];
    return this.db
      .selectFrom('replies')
      .innerJoin('units', 'units.id', 'replies.unit_id')
      .select([
        'replies.suggestion_id',
        'replies.round',
        'replies.outcome_class',
        'replies.document_no',
        'replies.body',
        'replies.sent_at',
        'units.name as unit_name',
      ])
      .where('replies.suggestion_id', 'in', suggestionIds)
      .where('replies.status', '=', 'sent')
      .orderBy('replies.suggestion_id')
      .orderBy('replies.round')
      .orderBy('replies.sent_at')
      .execute();
  }

  /** Confirmed co-signers' names per item. */
  async coSigners(suggestionIds: string[]) {
    if (suggestionIds.length === 0) return [];
    return this.db
      .selectFrom('suggestion_signers')
      .innerJoin('deputies', 'deputies.id', 'suggestion_signers.deputy_id')
      .select(['suggestion_signers.suggestion_id', 'deputies.name'])
      .where('suggestion_signers.suggestion_id', 'in', suggestionIds)
      .where('suggestion_signers.status', 'in', ['confirmed', 'merged'])
      .orderBy('suggestion_signers.invited_at')
      .execute();
  }

  /** Items of the subtree assigned in the year (交办年度, as the indicators count them). */
  private inYear(scope: YearScope) {
    const from = `${scope.year}-01-01`;
    const to = `${scope.year + 1}-01-01`;
    return this.db
      .selectFrom('suggestions')
      .innerJoin('bodies', 'bodies.id', 'suggestions.body_id')
      .where('bodies.path', 'like', `${scope.bodyPath}%`)
      .where('suggestions.status', 'in', takenUp)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('assignments')
            .select('assignments.id')
            .whereRef('assignments.suggestion_id', '=', 'suggestions.id')
            .where('assignments.assigned_on', '>=', from)
            .where('assignments.assigned_on', '<', to),
        ),
      );
  }

  /** Key suggestions (重点建议) of the year with their status. */
  async keySuggestions(scope: YearScope) {
    return this.inYear(scope)
      .innerJoin('deputies', 'deputies.id', 'suggestions.lead_deputy_id')
      .select([
        'suggestions.id',
        'suggestions.serial_number',
        'suggestions.timing',
        'suggestions.accepted_at',
        'suggestions.title',
        'suggestions.status',
        'deputies.name as lead_deputy_name',
      ])
      .where('suggestions.key_status', 'in', ['confirmed', 'published'])
      .orderBy('suggestions.serial_number')
      .orderBy('suggestions.id')
      .execute();
  }

  /** Sponsoring (领办) and supervising (督办) leaders of the items. */
  async leadersOf(suggestionIds: string[]) {
    if (suggestionIds.length === 0) return [];
    return this.db
      .selectFrom('suggestion_leaders')
      .select(['suggestion_id', 'kind', 'name', 'title'])
      .where('suggestion_id', 'in', suggestionIds)
      .orderBy('suggestion_id')
      .orderBy('kind')
      .orderBy('created_at')
      .execute();
  }

  /**
   * Items of the year the lead deputy rated 不满意 in any round, with the round and reason; the
   * caller adds the final rating (an item handled again may end satisfied).
   */
  async unsatisfied(scope: YearScope) {
    return this.inYear(scope)
      .innerJoin('ratings', (join) =>
        join.onRef('ratings.suggestion_id', '=', 'suggestions.id').on('ratings.is_lead', '=', 1),
      )
      .select([
        'suggestions.id',
        'suggestions.serial_number',
        'suggestions.timing',
        'suggestions.accepted_at',
        'suggestions.title',
        'suggestions.status',
        'suggestions.handling_round',
        'ratings.round',
        'ratings.result',
        'ratings.reason',
      ])
      .where('suggestions.id', 'in', (eb) =>
        eb
          .selectFrom('ratings as r')
          .select('r.suggestion_id')
          .where('r.is_lead', '=', 1)
          .where('r.result', '=', 'unsatisfied'),
      )
      .orderBy('suggestions.serial_number')
      .orderBy('suggestions.id')
      .orderBy('ratings.round')
      .execute();
  }

  /** A unit's assignments in scope (as in the appraisal), with the item's state. */
  async unitItems(unitId: string, scope: AppraisalScope) {
    let query = this.db
      .selectFrom('assignments')
      .innerJoin('suggestions', 'suggestions.id', 'assignments.suggestion_id')
      .select([
        'suggestions.id',
        'suggestions.serial_number',
        'suggestions.timing',
        'suggestions.accepted_at',
        'suggestions.title',
        'suggestions.status',
        'assignments.role',
        'assignments.reply_due_on',
        'assignments.replied_at',
      ])
      .where('assignments.unit_id', '=', unitId)
      .where('assignments.status', '!=', 'reassigned')
      .where('suggestions.status', 'not in', ['withdrawn', 'merged', 'rejected']);
    if ('sessionId' in scope) query = query.where('suggestions.session_id', '=', scope.sessionId);
    else
      query = query
        .where('assignments.assigned_on', '>=', scope.fromDay)
        .where('assignments.assigned_on', '<', scope.toDay);
    return query.orderBy('suggestions.serial_number').orderBy('suggestions.id').execute();
  }
}
