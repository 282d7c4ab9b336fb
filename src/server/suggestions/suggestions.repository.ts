import { sql } from 'kysely';
import type { ExpressionBuilder, Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { DialectHelpers } from '../db/dialect/dialect.js';
import type { Database, SuggestionRow, SuggestionsTable } from '../db/schema.js';

/** Who the list is for: each part widens what may be seen (an actor may hold several roles). */
export interface SuggestionScope {
  /** Body paths whose submitted items the actor may see (staff, leaders). */
  bodyPaths: string[];
  /**
   * Instead of the paths: exactly these bodies (a list filtered to one body the paths cover, so the
   * check is `body_id = ?` rather than a walk of the body tree).
   */
  exactBodyIds?: string[];
  /** Staff: also the drafts this user entered for a deputy. */
  enteredBy?: string | null;
  /** Units whose assigned items the actor may see. */
  unitIds: string[];
  /** The deputy whose own items (lead or co-signer, drafts included) the actor may see. */
  deputyId: string | null;
}

export interface SuggestionFilter {
  bodyId?: string;
  sessionId?: string;
  statuses?: string[];
  categoryId?: string;
  unitId?: string;
  deputyId?: string;
  key?: boolean;
  kind?: string;
  q?: string;
  /** Only items at one of these review tiers (index) and in review. */
  reviewTiers?: number[];
  /** Only items with an active assignment past its reply deadline (as of `today`). */
  overdueOn?: string;
  notOverdueOn?: string;
  sort: 'newest' | 'serial' | 'due';
}

type Eb = ExpressionBuilder<Database, 'suggestions'>;

export class SuggestionsRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: DialectHelpers,
  ) {}

  async insert(row: Insertable<SuggestionsTable>, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('suggestions').values(row).execute();
  }

  async findById(id: string, executor: Executor = this.db): Promise<SuggestionRow | undefined> {
    return executor.selectFrom('suggestions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByIds(ids: string[], executor: Executor = this.db): Promise<SuggestionRow[]> {
    if (ids.length === 0) return [];
    return executor.selectFrom('suggestions').selectAll().where('id', 'in', ids).execute();
  }

  /** Edits fields without changing the state; bumps the version so concurrent edits are seen. */
  async update(
    id: string,
    version: number,
    changes: Updateable<SuggestionsTable>,
    executor: Executor = this.db,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('suggestions')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * The only writer of `status`: moves the item only if nobody moved it since it was read
   * (same status and version). Returns false when someone else won.
   */
  async transition(
    id: string,
    from: { status: string; version: number },
    to: string,
    changes: Updateable<SuggestionsTable>,
    executor: Executor,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('suggestions')
      .set({ ...changes, status: to, version: from.version + 1 })
      .where('id', '=', id)
      .where('status', '=', from.status)
      .where('version', '=', from.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Next number in a numbering scope; numbers are never handed out twice. */
  async nextSerial(scope: string, executor: Executor): Promise<number> {
    const row = await executor
      .insertInto('serial_counters')
      .values({ scope, last: 1 })
      .onConflict((oc) => oc.column('scope').doUpdateSet({ last: sql`serial_counters.last + 1` }))
      .returning('last')
      .executeTakeFirstOrThrow();
    return row.last;
  }

  /**
   * The visibility rule of the list, also applied by search and similarity. The body part has two
   * equivalent forms, chosen for the plan (EXPLAIN QUERY PLAN in `bench/explain.ts`):
   * - `perRow` (default): a correlated EXISTS on the item's own body, one lookup per row; right for
   *   single items and for a page of a wide scope, where the planner then walks the newest-first
   *   index and stops after one page (4.1 s → milliseconds for a whole province of 1,000,000);
   * - `bodySet`: `body_id IN (bodies under the paths)`, which drives the body index; right for the
   *   total and for a page of a narrow scope (a county and its townships).
   */
  scoped(eb: Eb, scope: SuggestionScope, form: 'perRow' | 'bodySet' = 'perRow') {
    const underPaths = (w: ExpressionBuilder<Database, 'bodies'>) =>
      w.or(scope.bodyPaths.map((p) => w('bodies.path', 'like', `${p}%`)));
    const parts = [];
    if (scope.bodyPaths.length > 0)
      parts.push(
        eb.and([
          // Drafts stay the deputy's own, except a paper draft staff entered for a deputy (代录).
          scope.enteredBy
            ? eb.or([
                eb('suggestions.status', '!=', 'draft'),
                eb('suggestions.created_by', '=', scope.enteredBy),
              ])
            : eb('suggestions.status', '!=', 'draft'),
          scope.exactBodyIds
            ? eb('suggestions.body_id', 'in', scope.exactBodyIds)
            : form === 'bodySet'
              ? eb('suggestions.body_id', 'in', eb.selectFrom('bodies').select('bodies.id').where(underPaths))
              : eb.exists(
                  eb
                    .selectFrom('bodies')
                    .select('bodies.id')
                    .whereRef('bodies.id', '=', 'suggestions.body_id')
                    .where(underPaths),
                ),
        ]),
      );
    if (scope.unitIds.length > 0)
      parts.push(
        eb.exists(
          eb
            .selectFrom('assignments')
            .select('assignments.id')
            .whereRef('assignments.suggestion_id', '=', 'suggestions.id')
            .where('assignments.unit_id', 'in', scope.unitIds)
            .where('assignments.status', '!=', 'reassigned'),
        ),
      );
    if (scope.deputyId) {
      const deputyId = scope.deputyId;
      parts.push(
        eb.or([
          eb('suggestions.lead_deputy_id', '=', deputyId),
          eb.exists(
            eb
              .selectFrom('suggestion_signers')
              .select('suggestion_signers.deputy_id')
              .whereRef('suggestion_signers.suggestion_id', '=', 'suggestions.id')
              .where('suggestion_signers.deputy_id', '=', deputyId),
          ),
        ]),
      );
    }
    return parts.length > 0 ? eb.or(parts) : eb.lit(false);
  }

  private filtered(scope: SuggestionScope, filter: SuggestionFilter, form: 'perRow' | 'bodySet' = 'bodySet') {
    let query = this.db.selectFrom('suggestions').where((eb) => this.scoped(eb, scope, form));
    if (filter.bodyId) query = query.where('suggestions.body_id', '=', filter.bodyId);
    if (filter.sessionId) query = query.where('suggestions.session_id', '=', filter.sessionId);
    if (filter.statuses && filter.statuses.length > 0)
      query = query.where('suggestions.status', 'in', filter.statuses);
    if (filter.categoryId) query = query.where('suggestions.category_id', '=', filter.categoryId);
    if (filter.kind) query = query.where('suggestions.kind', '=', filter.kind);
    if (filter.key !== undefined)
      query = query.where('suggestions.key_status', filter.key ? '!=' : '=', 'none');
    if (filter.reviewTiers)
      query = query
        .where('suggestions.status', '=', 'in_review')
        .where('suggestions.review_tier', 'in', filter.reviewTiers.length > 0 ? filter.reviewTiers : [-1]);
    if (filter.deputyId) {
      const deputyId = filter.deputyId;
      query = query.where((eb) =>
        eb.or([
          eb('suggestions.lead_deputy_id', '=', deputyId),
          eb.exists(
            eb
              .selectFrom('suggestion_signers')
              .select('deputy_id')
              .whereRef('suggestion_signers.suggestion_id', '=', 'suggestions.id')
              .where('suggestion_signers.deputy_id', '=', deputyId)
              .where('suggestion_signers.status', 'in', ['confirmed', 'merged']),
          ),
        ]),
      );
    }
    if (filter.unitId) {
      const unitId = filter.unitId;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('assignments')
            .select('id')
            .whereRef('assignments.suggestion_id', '=', 'suggestions.id')
            .where('assignments.unit_id', '=', unitId)
            .where('assignments.status', '!=', 'reassigned'),
        ),
      );
    }
    if (filter.overdueOn || filter.notOverdueOn) {
      const overdue = (eb: Eb, day: string) =>
        eb.exists(
          eb
            .selectFrom('assignments')
            .select('id')
            .whereRef('assignments.suggestion_id', '=', 'suggestions.id')
            .where('assignments.status', 'in', ['pending_receipt', 'handling', 'adjustment_requested'])
            .where('assignments.reply_due_on', '<', day),
        );
      if (filter.overdueOn) {
        const day = filter.overdueOn;
        query = query
          .where('suggestions.status', 'in', ['handling', 'rehandling'])
          .where((eb) => overdue(eb, day));
      }
      if (filter.notOverdueOn) {
        const day = filter.notOverdueOn;
        query = query.where((eb) => eb.not(overdue(eb, day)));
      }
    }
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) => this.dialect.containsInsensitive(eb.ref('suggestions.title'), q));
    }
    return query;
  }

  /**
   * A page of items the scope allows, with the total. `wide`: the scope spans many bodies (a city,
   * a province), so the page is read newest-first with the per-row check instead of sorting every
   * item of the scope; the total always counts through the body index.
   */
  async list(scope: SuggestionScope, filter: SuggestionFilter, page: number, pageSize: number, wide = false) {
    const base = this.filtered(scope, filter);
    let rows = (
      wide && !filter.bodyId && filter.sort === 'newest' ? this.filtered(scope, filter, 'perRow') : base
    )
      .innerJoin('deputies', 'deputies.id', 'suggestions.lead_deputy_id')
      .leftJoin('categories', 'categories.id', 'suggestions.category_id')
      .selectAll('suggestions')
      .select(['deputies.name as lead_deputy_name', 'categories.name as category_name']);
    if (filter.sort === 'serial') rows = rows.orderBy('suggestions.serial_number').orderBy('suggestions.id');
    else rows = rows.orderBy('suggestions.created_at', 'desc').orderBy('suggestions.id', 'desc');
    const [items, count] = await Promise.all([
      rows
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.total) };
  }

  async canSee(id: string, scope: SuggestionScope): Promise<boolean> {
    const row = await this.db
      .selectFrom('suggestions')
      .select('id')
      .where('id', '=', id)
      .where((eb) => this.scoped(eb, scope))
      .executeTakeFirst();
    return row !== undefined;
  }

  async leadDeputyNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('deputies').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async categoryName(id: string | null): Promise<string | null> {
    if (!id) return null;
    const row = await this.db.selectFrom('categories').select('name').where('id', '=', id).executeTakeFirst();
    return row?.name ?? null;
  }

  async deputySitsIn(deputyId: string, bodyId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('deputy_seats')
      .select('id')
      .where('deputy_id', '=', deputyId)
      .where('body_id', '=', bodyId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return row !== undefined;
  }

  async sessionInBody(sessionId: string, bodyId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('congress_sessions')
      .select('id')
      .where('id', '=', sessionId)
      .where('body_id', '=', bodyId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async sessionNumbers(sessionIds: string[]): Promise<Map<string, { number: number; name: string }>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('congress_sessions')
      .select(['id', 'number', 'name'])
      .where('id', 'in', sessionIds)
      .execute();
    return new Map(rows.map((r) => [r.id, { number: r.number, name: r.name }]));
  }

  async categoryNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('categories')
      .select(['id', 'name'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async categoryInBody(id: string, bodyId: string, executor: Executor = this.db): Promise<boolean> {
    const row = await executor
      .selectFrom('categories')
      .select('id')
      .where('id', '=', id)
      .where('body_id', '=', bodyId)
      .executeTakeFirst();
    return row !== undefined;
  }
}
