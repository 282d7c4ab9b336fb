import type { Db } from '../db/database.js';
import type { DialectHelpers } from '../db/dialect/dialect.js';
import { publicStatusValues } from '../../shared/schemas/portal.js';

export interface PortalFilter {
  bodyId: string;
  sessionId?: string;
  categoryId?: string;
  unitId?: string;
  status?: string;
  q?: string;
  /** Whether items not for disclosure are listed at all (title only); otherwise they do not exist here. */
  includeUndisclosed: boolean;
}

const statuses = [...publicStatusValues];
const publicColumns = [
  'suggestions.id',
  'suggestions.body_id',
  'suggestions.title',
  'suggestions.grounds',
  'suggestions.proposals',
  'suggestions.status',
  'suggestions.disclose',
  'suggestions.timing',
  'suggestions.serial_number',
  'suggestions.accepted_at',
  'suggestions.closed_at',
  'suggestions.close_reason',
  'suggestions.handling_round',
] as const;

/**
 * Reads for the public portal. Every query selects named columns (never a whole deputy or unit
 * row), so no contact data can reach a public response by accident.
 */
export class PortalRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: DialectHelpers,
  ) {}

  private base() {
    return this.db
      .selectFrom('suggestions')
      .innerJoin('deputies', 'deputies.id', 'suggestions.lead_deputy_id')
      .leftJoin('categories', 'categories.id', 'suggestions.category_id')
      .leftJoin('congress_sessions', 'congress_sessions.id', 'suggestions.session_id')
      .where('suggestions.status', 'in', statuses);
  }

  /** A page of public items of one body, with the total. */
  async list(filter: PortalFilter, page: number, pageSize: number) {
    let query = this.base().where('suggestions.body_id', '=', filter.bodyId);
    if (!filter.includeUndisclosed) query = query.where('suggestions.disclose', '=', 1);
    if (filter.sessionId) query = query.where('suggestions.session_id', '=', filter.sessionId);
    if (filter.categoryId) query = query.where('suggestions.category_id', '=', filter.categoryId);
    if (filter.status) query = query.where('suggestions.status', '=', filter.status);
    if (filter.unitId) {
      const unitId = filter.unitId;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('assignments')
            .select('assignments.id')
            .whereRef('assignments.suggestion_id', '=', 'suggestions.id')
            .where('assignments.unit_id', '=', unitId)
            .where('assignments.status', '!=', 'reassigned'),
        ),
      );
    }
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) => this.dialect.containsInsensitive(eb.ref('suggestions.title'), q));
    }
    let rows = query
      .select(publicColumns)
      .select(['deputies.name as lead_deputy_name', 'categories.name as category_name'])
      .select('congress_sessions.name as session_name');
    rows = filter.sessionId
      ? rows.orderBy('suggestions.serial_number').orderBy('suggestions.id')
      : rows.orderBy('suggestions.accepted_at', 'desc').orderBy('suggestions.id', 'desc');
    const [items, count] = await Promise.all([
      rows
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.total) };
  }

  /** One item if its status is public (disclosure is the service's decision). */
  async findPublic(id: string) {
    return this.base()
      .where('suggestions.id', '=', id)
      .select(publicColumns)
      .select(['deputies.name as lead_deputy_name', 'categories.name as category_name'])
      .select('congress_sessions.name as session_name')
      .executeTakeFirst();
  }

  async unitsOf(suggestionIds: string[]) {
    if (suggestionIds.length === 0) return [];
    return this.db
      .selectFrom('assignments')
      .innerJoin('units', 'units.id', 'assignments.unit_id')
      .select(['assignments.suggestion_id', 'assignments.role', 'units.name as unit_name'])
      .where('assignments.suggestion_id', 'in', suggestionIds)
      .where('assignments.status', '!=', 'reassigned')
      .orderBy('assignments.created_at')
      .execute();
  }

  /** Sent replies' outcome classes (no text), for the list. */
  async sentOutcomes(suggestionIds: string[]) {
    if (suggestionIds.length === 0) return [];
    return this.db
      .selectFrom('replies')
      .innerJoin('units', 'units.id', 'replies.unit_id')
      .select([
        'replies.suggestion_id',
        'replies.unit_id',
        'replies.round',
        'replies.outcome_class',
        'units.name as unit_name',
      ])
      .where('replies.suggestion_id', 'in', suggestionIds)
      .where('replies.status', '=', 'sent')
      .orderBy('replies.round')
      .orderBy('replies.sent_at')
      .execute();
  }

  /** Sent reply letters of one item, with their text. */
  async sentReplies(suggestionId: string) {
    return this.db
      .selectFrom('replies')
      .innerJoin('units', 'units.id', 'replies.unit_id')
      .select([
        'replies.suggestion_id',
        'replies.unit_id',
        'replies.round',
        'replies.outcome_class',
        'replies.document_no',
        'replies.body',
        'replies.sent_at',
        'units.name as unit_name',
      ])
      .where('replies.suggestion_id', '=', suggestionId)
      .where('replies.status', '=', 'sent')
      .orderBy('replies.round')
      .orderBy('replies.sent_at')
      .execute();
  }

  /** The lead deputy's ratings (grades only: reasons and co-signers' views are not public). */
  async leadRatings(suggestionIds: string[]) {
    if (suggestionIds.length === 0) return [];
    return this.db
      .selectFrom('ratings')
      .select(['suggestion_id', 'round', 'attitude', 'result'])
      .where('suggestion_id', 'in', suggestionIds)
      .where('is_lead', '=', 1)
      .execute();
  }

  async coSignerNames(suggestionId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('suggestion_signers')
      .innerJoin('deputies', 'deputies.id', 'suggestion_signers.deputy_id')
      .select('deputies.name')
      .where('suggestion_signers.suggestion_id', '=', suggestionId)
      .where('suggestion_signers.status', 'in', ['confirmed', 'merged'])
      .orderBy('suggestion_signers.invited_at')
      .execute();
    return rows.map((r) => r.name);
  }

  async bodies() {
    return this.db
      .selectFrom('bodies')
      .select(['id', 'name', 'level', 'parent_id'])
      .orderBy('path')
      .execute();
  }

  async sessions(bodyId: string) {
    return this.db
      .selectFrom('congress_sessions')
      .innerJoin('terms', 'terms.id', 'congress_sessions.term_id')
      .select([
        'congress_sessions.id',
        'congress_sessions.name',
        'congress_sessions.number',
        'congress_sessions.start_date',
        'terms.number as term_number',
      ])
      .where('congress_sessions.body_id', '=', bodyId)
      .orderBy('congress_sessions.start_date', 'desc')
      .execute();
  }

  async categories(bodyId: string) {
    return this.db
      .selectFrom('categories')
      .select(['id', 'name', 'parent_id'])
      .where('body_id', '=', bodyId)
      .orderBy('sort_order')
      .orderBy('name')
      .execute();
  }

  /** Handling units by name only (their contact person and phone stay internal). */
  async units(bodyId: string) {
    return this.db
      .selectFrom('units')
      .select(['id', 'name'])
      .where('body_id', '=', bodyId)
      .where('active', '=', 1)
      .orderBy('name')
      .execute();
  }
}
