import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders } from '../auth/actor.js';
import type { BodyRow } from '../db/schema.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { notFound } from '../platform/errors.js';
import { serialLabel } from '../suggestions/suggestion.views.js';
import type {
  DrillPage,
  DrillQuery,
  IndicatorQuery,
  IndicatorRow,
  IndicatorTable,
} from '../../shared/schemas/stats.js';
import { rateDefinitions } from '../../shared/stats-definitions.js';
import type { FactsRefresher } from './facts.refresher.js';
import { addSums, indicatorSet } from './indicators.js';
import type {
  FactCondition,
  FactFilter,
  GroupColumn,
  StatsRepository,
  SummedCounts,
} from './stats.repository.js';
import { groupColumns } from './stats.repository.js';

const bodyNoun = { zh: '人大机关', en: 'Congress body' };
const unitNoun = { zh: '承办单位', en: 'Unit' };
const unitRoles = ['unit_handler', 'unit_leader'] as const;

/** Who asks and what they may see: a body's subtree (staff) or one unit's own figures. */
export interface StatsScope {
  body: BodyRow;
  /** Set for a unit user: every figure is restricted to this unit's own items. */
  ownUnitId: string | null;
}

/**
 * The indicators of DOMAIN.md §5 (`stats-definitions.ts` says how each is counted), grouped and
 * drilled down to the items. Figures come from `stats_facts`, refreshed first (see
 * `facts.refresher.ts`). Staff see their body's subtree; a unit user sees only the unit's own
 * figures and the average over all units of its body, never another unit's name or figure.
 */
export class StatsService {
  constructor(
    private readonly repository: StatsRepository,
    private readonly refresher: FactsRefresher,
    private readonly bodies: BodiesService,
    private readonly clock: Clock,
  ) {}

  /** Where the actor may look; 404 for a body (or unit) outside it, so ids cannot be probed. */
  async scope(actor: Actor, bodyId: string, unitId?: string): Promise<StatsScope> {
    const body = await this.bodies.require(bodyId);
    if (coversBody(actor, organisationReaders, body.path)) return { body, ownUnitId: null };
    const own = actor.roles
      .filter((g) => (unitRoles as readonly string[]).includes(g.role) && g.unitId !== null)
      .filter((g) => body.path.startsWith(g.bodyPath) || g.bodyPath.startsWith(body.path))
      .map((g) => g.unitId ?? '');
    if (own.length === 0) throw notFound(bodyNoun, bodyId);
    if (unitId !== undefined && !own.includes(unitId)) throw notFound(unitNoun, unitId);
    return { body, ownUnitId: unitId ?? own.sort()[0] ?? null };
  }

  today(): string {
    return shanghaiDate(this.clock.now());
  }

  /** The indicator table of a query: one row per group and the totals row. */
  async indicators(actor: Actor, query: IndicatorQuery): Promise<IndicatorTable> {
    const scope = await this.scope(actor, query.bodyId, query.unitId);
    await this.refresher.refresh();
    return this.tableForScope(scope, query, false);
  }

  /** The same table over disclosed items only, for the public page (no actor). */
  async publicTable(body: BodyRow, query: IndicatorQuery): Promise<IndicatorTable> {
    await this.refresher.refresh();
    return this.tableForScope({ body, ownUnitId: null }, query, true);
  }

  private filterOf(scope: StatsScope, query: IndicatorQuery, disclosedOnly: boolean): FactFilter {
    const unitId = scope.ownUnitId ?? query.unitId;
    return {
      grain: unitId || query.groupBy === 'unit' ? 'unit' : 'item',
      bodyPath: scope.body.path,
      exactBody: !query.includeLowerLevels,
      unitId,
      sessionId: query.sessionId,
      year: query.year,
      categoryId: query.categoryId,
      delegationId: query.delegationId,
      deputyId: query.deputyId,
      disclosedOnly,
    };
  }

  /** Brings the facts up to date (the dashboards call it once, then several tables). */
  async refreshFacts(): Promise<void> {
    await this.refresher.refresh();
  }

  /** The table for a scope already checked by the caller; facts must be fresh. */
  async tableForScope(
    scope: StatsScope,
    query: IndicatorQuery,
    disclosedOnly: boolean,
  ): Promise<IndicatorTable> {
    const today = this.today();
    const filter = this.filterOf(scope, query, disclosedOnly);
    const column = groupColumns[query.groupBy];
    // Totals count each item once, also when the rows are units (an item may have several).
    const totalsFilter: FactFilter = filter.unitId ? filter : { ...filter, grain: 'item' };
    const [totals] = await this.repository.sums(totalsFilter, null, today);
    const rows = column ? await this.groupedRows(scope, filter, column, today) : [];
    let unitAverage = null;
    if (scope.ownUnitId) {
      const all: FactFilter = { ...filter, unitId: undefined, grain: 'unit' };
      const [pooled] = await this.repository.sums(all, null, today);
      unitAverage = indicatorSet(pooled);
    }
    return {
      groupBy: query.groupBy,
      asOf: today,
      rows,
      totals: { key: 'total', label: '合计', indicators: indicatorSet(totals) },
      unitAverage,
    };
  }

  private async groupedRows(
    scope: StatsScope,
    filter: FactFilter,
    column: GroupColumn,
    today: string,
  ): Promise<IndicatorRow[]> {
    const sums = await this.repository.sums(filter, column, today);
    if (column === 'body_path') return this.rollUp(scope.body, sums);
    const labels = await this.repository.labels(
      column,
      sums.map((s) => s.key).filter((k): k is string => k !== null),
    );
    const none = { zh: '未填写', en: 'Not set' };
    return sums
      .map((s) => ({
        key: s.key ?? '',
        label: s.key === null ? none.zh : column === 'year' ? `${s.key}年` : (labels.get(s.key) ?? s.key),
        indicators: indicatorSet(s),
      }))
      .sort((a, b) =>
        column === 'year' ? b.key.localeCompare(a.key) : a.label.localeCompare(b.label, 'zh-CN'),
      );
  }

  /** Rolls the sums of every body path up into the body itself (本级) and its direct children. */
  private async rollUp(body: BodyRow, sums: SummedCounts[]): Promise<IndicatorRow[]> {
    const tree = await this.repository.bodiesUnder(body.path);
    const children = tree.filter((b) => b.parent_id === body.id);
    const own = sums.filter((s) => s.key === body.path);
    const rows: IndicatorRow[] = [];
    if (own.length > 0)
      rows.push({
        key: body.path,
        label: `${body.name}（本级）`,
        indicators: indicatorSet(addSums(own, body.path)),
      });
    for (const child of children) {
      const under = sums.filter((s) => s.key !== null && s.key.startsWith(child.path));
      if (under.length > 0)
        rows.push({
          key: child.path,
          label: child.name,
          indicators: indicatorSet(addSums(under, child.path)),
        });
    }
    return rows;
  }

  /** The suggestions behind one cell: the numerator or the denominator of an indicator. */
  async drillDown(
    actor: Actor,
    query: Omit<DrillQuery, 'page' | 'pageSize'>,
    page: { page: number; pageSize: number },
  ): Promise<DrillPage> {
    const scope = await this.scope(actor, query.bodyId, query.unitId);
    await this.refresher.refresh();
    const today = this.today();
    let filter = this.filterOf(scope, query, false);
    const column = groupColumns[query.groupBy];
    if (!query.rowKey && !filter.unitId) filter = { ...filter, grain: 'item' };
    const group =
      column && query.rowKey !== undefined
        ? { column, key: query.rowKey === '' ? null : query.rowKey }
        : null;
    if (group?.column === 'unit_id' && group.key !== null) {
      if (scope.ownUnitId && group.key !== scope.ownUnitId) throw notFound(unitNoun, group.key);
      filter = { ...filter, unitId: group.key };
    }
    const { total, rows } = await this.repository.drill(
      filter,
      group?.column === 'unit_id' ? null : group,
      conditionOf(query.indicator, query.part),
      today,
      page,
    );
    const units = await this.repository.unitsOf(rows.map((r) => r.id));
    return {
      items: rows.map((r) => {
        const own = units.filter((u) => u.suggestion_id === r.id && u.role !== 'co');
        return {
          id: r.id,
          serialLabel: serialLabel(r),
          title: r.title,
          status: r.status as DrillPage['items'][number]['status'],
          bodyName: r.body_name,
          leadDeputyName: r.lead_deputy_name,
          unitNames: own.map((u) => u.name),
          assignedOn: r.assigned_at ? shanghaiDate(new Date(r.assigned_at)) : null,
          repliedOn: r.replied_at ? shanghaiDate(new Date(r.replied_at)) : null,
          dueOn:
            own
              .map((u) => u.reply_due_on)
              .sort()
              .at(-1) ?? null,
        };
      }),
      total,
      page: page.page,
      pageSize: page.pageSize,
    };
  }
}

const flagOfCount = {
  total: 'not_withdrawn',
  replied: 'replied',
  onTime: 'on_time',
  faceToFace: 'face_to_face',
  validFeedback: 'feedback',
  satisfied: 'satisfied',
  satisfiedOrBasically: 'satisfied_or_basically',
  solved: 'solved',
  solvedOrPlanned: 'solved_or_planned',
  promises: 'promises',
  promisesFulfilled: 'promises_fulfilled',
} as const;

/** The fact condition behind a drill-down: an indicator's numerator or denominator. */
function conditionOf(indicator: DrillQuery['indicator'], part: DrillQuery['part']): FactCondition {
  if (indicator === 'overdue' || indicator === 'warnings') return { column: indicator, positive: true };
  if (indicator === 'noFeedback') return { column: 'no_feedback', positive: true };
  if (indicator === 'withdrawn') return { column: 'withdrawn', positive: true };
  const definition = rateDefinitions[indicator];
  const count = part === 'numerator' ? definition.numerator : definition.denominator;
  const column = flagOfCount[count as keyof typeof flagOfCount];
  return column === 'not_withdrawn' ? { column, positive: true } : { column, positive: true };
}
