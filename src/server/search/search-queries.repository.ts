import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { SuggestionScope, SuggestionsRepository } from '../suggestions/suggestions.repository.js';
import type { ReceptionScope } from '../stations/stations.access.js';
import { publicStatusValues } from '../../shared/schemas/portal.js';
import type { MatchSpec, SearchDialect } from './search.dialects.js';
import type { DocumentKind } from './search.repository.js';
import type { BodyScope } from './search.scope.js';
import { bodyOfPath } from './search.scope.js';

export interface SearchFilter {
  kinds?: DocumentKind[];
  bodyId?: string;
  level?: string;
  sessionId?: string;
  statuses?: string[];
  categoryId?: string;
  unitId?: string;
}

/** Who is searching: a signed-in actor's scopes, or the public (disclosed items only). */
export type SearchAccess =
  { kind: 'actor'; suggestions: SuggestionScope; receptions: ReceptionScope } | { kind: 'public' };

export interface SearchLimits {
  /** Relevance is ranked within at most this many newest matches (bounded cost for common words). */
  rankWithin: number;
  /** The total is counted up to this many matches. */
  countUpTo: number;
}

type Eb = ExpressionBuilder<Database, 'suggestions'>;
const publicStatuses = [...publicStatusValues];

/**
 * The bodies the engine may look in for this reader. Office staff see whole subtrees, so a
 * county's search never walks the rest of the province's matches. A reader who also sees items
 * by unit, deputy or station (which may lie anywhere), and the public, get no narrowing; the
 * visibility checks of `filtered` apply in every case.
 */
function engineScope(access: SearchAccess): BodyScope | undefined {
  if (access.kind === 'public') return undefined;
  const { suggestions: items, receptions } = access;
  const elsewhere =
    items.unitIds.length > 0 ||
    items.deputyId !== null ||
    receptions.deputyId !== null ||
    receptions.stationIds.length > 0 ||
    receptions.unitIds.length > 0;
  const paths = [...items.bodyPaths, ...receptions.bodyPaths];
  // A whole tree (a root body's subtree) narrows nothing worth the engine's extra work.
  const rooted = paths.some((p) => p.split('/').filter(Boolean).length === 1);
  if (elsewhere || rooted || paths.length === 0) return undefined;
  return { bodyIds: [], subtreeIds: [...new Set(paths.map(bodyOfPath))] };
}

/** Reads of the search index: ranked, filtered, access-checked searches and similarity candidates. */
export class SearchQueriesRepository {
  constructor(
    private readonly db: Db,
    private readonly engine: SearchDialect,
    private readonly suggestions: SuggestionsRepository,
  ) {}

  private filtered(spec: MatchSpec, phrases: string[], access: SearchAccess, filter: SearchFilter) {
    let query = this.engine.withSources(this.engine.matching(this.db, spec)).where((eb) => {
      const seen = (scope: SuggestionScope) => this.suggestions.scoped(eb as unknown as Eb, scope);
      if (access.kind === 'public')
        return eb.and([
          eb('suggestions.status', 'in', publicStatuses),
          eb('suggestions.disclose', '=', 1),
          eb.or([
            eb('d.kind', '=', 'suggestion'),
            eb.and([eb('d.kind', '=', 'reply'), eb('replies.status', '=', 'sent')]),
          ]),
        ]);
      const { suggestions: scope, receptions: rs } = access;
      const reception = [
        ...rs.bodyPaths.map((p) => eb('bodies.path', 'like', `${p}%`)),
        ...(rs.deputyId
          ? [eb('r.deputy_id', '=', rs.deputyId), eb('r.escalated_to_deputy_id', '=', rs.deputyId)]
          : []),
        ...(rs.stationIds.length > 0 ? [eb('r.station_id', 'in', rs.stationIds)] : []),
        ...(rs.unitIds.length > 0 ? [eb('r.referred_unit_id', 'in', rs.unitIds)] : []),
      ];
      // A unit sees its own replies (drafts too); others see sent replies of items they may see.
      const reply = [eb.and([eb('replies.status', '=', 'sent'), seen({ ...scope, unitIds: [] })])];
      if (scope.unitIds.length > 0) reply.push(eb('d.unit_id', 'in', scope.unitIds));
      return eb.or([
        eb.and([eb('d.kind', '=', 'suggestion'), seen(scope)]),
        eb.and([eb('d.kind', '=', 'reply'), eb.or(reply)]),
        eb.and([eb('d.kind', '=', 'reception'), reception.length > 0 ? eb.or(reception) : eb.lit(false)]),
      ]);
    });
    if (filter.kinds && filter.kinds.length > 0) query = query.where('d.kind', 'in', filter.kinds);
    if (filter.bodyId) query = query.where('d.body_id', '=', filter.bodyId);
    if (filter.level) query = query.where('bodies.level', '=', filter.level);
    if (filter.sessionId) query = query.where('suggestions.session_id', '=', filter.sessionId);
    if (filter.statuses && filter.statuses.length > 0)
      query = query.where('suggestions.status', 'in', filter.statuses);
    if (filter.categoryId) query = query.where('suggestions.category_id', '=', filter.categoryId);
    if (filter.unitId) {
      const unitId = filter.unitId;
      query = query.where((eb) =>
        eb.or([
          eb('d.unit_id', '=', unitId),
          eb.and([
            eb('d.kind', '=', 'suggestion'),
            eb.exists(
              eb
                .selectFrom('assignments')
                .select('assignments.id')
                .whereRef('assignments.suggestion_id', '=', 'd.source_id')
                .where('assignments.unit_id', '=', unitId)
                .where('assignments.status', '!=', 'reassigned'),
            ),
          ]),
        ]),
      );
    }
    for (const phrase of phrases) query = query.where(this.engine.contains('d.content', phrase));
    return query;
  }

  /**
   * One page of hits, best first, and the total. The newest `rankWithin` matches the reader may
   * see (a walk in the engine's order that stops there) are ranked by relevance (bm25 / ts_rank;
   * ranking every match of a common word would cost ~1 µs a row), and the total is counted up to
   * `countUpTo` (a walk in any order, so PostgreSQL may take it from the GIN index). The work is
   * bounded by these limits, not by the number of matches.
   */
  async search(
    spec: MatchSpec,
    phrases: string[],
    access: SearchAccess,
    filter: SearchFilter,
    page: number,
    pageSize: number,
    limits: SearchLimits,
  ) {
    const narrowed: MatchSpec = { ...spec, within: engineScope(access) };
    const base = this.filtered(narrowed, phrases, access, filter);
    const offset = (page - 1) * pageSize;
    const newest =
      offset >= limits.rankWithin
        ? []
        : await base
            .select(['d.seq as seq', this.engine.rank(narrowed).as('score')])
            .orderBy(this.engine.recency, 'desc')
            .limit(limits.rankWithin)
            .execute();
    const hits = newest
      .map((row) => ({ seq: Number(row.seq), score: Number(row.score) }))
      .sort((a, b) => b.score - a.score || b.seq - a.seq)
      .slice(offset, offset + pageSize);
    const rows = hits.length > 0 ? await this.pageRows(hits.map((h) => h.seq)) : [];
    const bySeq = new Map(rows.map((row) => [Number(row.seq), row]));
    const items = hits.flatMap((hit) => {
      const row = bySeq.get(hit.seq);
      return row ? [{ ...row, score: hit.score }] : [];
    });
    const counted = await this.db
      .selectFrom(
        base
          .select('d.seq')
          .limit(limits.countUpTo + 1)
          .as('x'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const total = Number(counted.n);
    return { items, total: Math.min(total, limits.countUpTo), capped: total > limits.countUpTo };
  }

  /** What a page of hits shows, by document. */
  private async pageRows(seqs: number[]) {
    return this.db
      .selectFrom('search_documents as doc')
      .innerJoin('bodies', 'bodies.id', 'doc.body_id')
      .leftJoin('suggestions', 'suggestions.id', 'doc.suggestion_id')
      .leftJoin('receptions as r', (join) =>
        join.onRef('r.id', '=', 'doc.source_id').on('doc.kind', '=', 'reception'),
      )
      .select([
        'doc.seq',
        'doc.kind',
        'doc.source_id',
        'doc.suggestion_id',
        'doc.title',
        'doc.content',
        'doc.updated_at',
        'bodies.name as body_name',
        'suggestions.status as suggestion_status',
        'suggestions.serial_number',
        'r.status as reception_status',
      ])
      .where('doc.seq', 'in', seqs)
      .execute();
  }

  /**
   * Candidate suggestions for similarity: the best `limit` by relevance among items of the given
   * bodies matching any of the given (distinctive) words, visible to the reader or disclosed. The
   * engine looks only in those bodies, and relevance is computed for the newest `rankWithin`
   * matches at most, so the work is bounded by the bodies searched, never by the province.
   */
  async similarCandidates(input: {
    words: string[];
    within: BodyScope;
    scope: SuggestionScope;
    excludeIds: string[];
    limit: number;
    rankWithin: number;
    /** Evaluation only: items assigned before this time (a held-out split). */
    assignedBefore?: string;
  }) {
    const spec: MatchSpec = { any: input.words, within: input.within };
    let query = this.engine
      .matching(this.db, spec)
      .innerJoin('suggestions', 'suggestions.id', 'd.source_id')
      .where('d.kind', '=', 'suggestion')
      .where('suggestions.status', '!=', 'draft')
      .where((eb) =>
        eb.or([
          this.suggestions.scoped(eb as unknown as Eb, input.scope),
          eb.and([eb('suggestions.status', 'in', publicStatuses), eb('suggestions.disclose', '=', 1)]),
        ]),
      );
    if (input.excludeIds.length > 0) query = query.where('suggestions.id', 'not in', input.excludeIds);
    if (input.assignedBefore) query = query.where('suggestions.assigned_at', '<', input.assignedBefore);
    const newest = query
      .select([
        'suggestions.id',
        'suggestions.body_id',
        'suggestions.title',
        'suggestions.status',
        'suggestions.session_id',
        'suggestions.category_id',
        'suggestions.serial_number',
        'suggestions.created_at',
        'd.tokens',
        this.engine.rank(spec).as('score'),
      ])
      .orderBy(this.engine.recency, 'desc')
      .limit(input.rankWithin);
    return this.db
      .selectFrom(newest.as('c'))
      .selectAll('c')
      .orderBy('c.score', 'desc')
      .orderBy('c.id')
      .limit(input.limit)
      .execute();
  }

  /** Staff of these stations (reception scope). */
  async stationIdsOfStaff(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('station_staff')
      .select('station_id')
      .where('user_id', '=', userId)
      .execute();
    return rows.map((r) => r.station_id);
  }
}
