import type { Actor } from '../auth/actor.js';
import { notFound } from '../platform/errors.js';
import type { SupervisionRepository } from '../supervision/supervision.repository.js';
import type { SupervisionViews } from '../supervision/supervision.views.js';
import { suggestionStatusLabels } from '../../shared/schemas/suggestions.js';
import type { SuggestionStatus } from '../../shared/schemas/suggestions.js';
import type {
  DashboardQuery,
  IndicatorQuery,
  LeaderDashboard,
  OfficeDashboard,
  UnitDashboard,
} from '../../shared/schemas/stats.js';
import type { DashboardsRepository } from './dashboards.repository.js';
import type { StatsScope, StatsService } from './stats.service.js';

const pipelineStatuses: SuggestionStatus[] = ['accepted', 'handling', 'replied', 'rehandling', 'closed'];
const keyStatuses = ['accepted', 'handling', 'replied', 'rehandling'];

const plusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The office's, the leader's and a unit's dashboards, built from the indicator tables. */
export class DashboardsService {
  constructor(
    private readonly stats: StatsService,
    private readonly repository: DashboardsRepository,
    private readonly supervision: SupervisionRepository,
    private readonly supervisionViews: SupervisionViews,
  ) {}

  private async staffScope(actor: Actor, bodyId: string): Promise<StatsScope> {
    const scope = await this.stats.scope(actor, bodyId);
    if (scope.ownUnitId) throw notFound({ zh: '人大机关', en: 'Congress body' }, bodyId);
    return scope;
  }

  private query(
    scope: StatsScope,
    year: number,
    groupBy: IndicatorQuery['groupBy'] = 'none',
  ): IndicatorQuery {
    return { bodyId: scope.body.id, includeLowerLevels: true, year, groupBy };
  }

  private async deadlines(scope: StatsScope, today: string, warnings: number, unitId?: string) {
    const byUnit = await this.repository.deadlinesByUnit(scope.body.path, today, plusDays(today, 6), unitId);
    // Item-level counts come from the totals; the units' list shows where the pressure is.
    const heat = byUnit
      .filter((u) => u.dueThisWeek > 0 || u.overdue > 0)
      .sort(
        (a, b) =>
          b.overdue - a.overdue ||
          b.dueThisWeek - a.dueThisWeek ||
          a.unitName.localeCompare(b.unitName, 'zh-CN'),
      );
    return { heat, warnings };
  }

  /** Pipeline by stage, deadline heat, this year against last year, units ranked. */
  async office(actor: Actor, query: DashboardQuery): Promise<OfficeDashboard> {
    const scope = await this.staffScope(actor, query.bodyId);
    await this.stats.refreshFacts();
    const today = this.stats.today();
    const year = query.year ?? Number(today.slice(0, 4));
    const all = await this.stats.tableForScope(scope, this.query(scope, year), false);
    const previous = await this.stats.tableForScope(scope, this.query(scope, year - 1), false);
    const units = await this.stats.tableForScope(scope, this.query(scope, year, 'unit'), false);
    const open = await this.stats.tableForScope(
      scope,
      { ...this.query(scope, year), year: undefined },
      false,
    );
    const pipeline = await this.repository.pipeline(scope.body.path, pipelineStatuses);
    const { heat } = await this.deadlines(scope, today, 0);
    const dueThisWeek = heat.reduce((n, u) => n + u.dueThisWeek, 0);
    return {
      bodyId: scope.body.id,
      bodyName: scope.body.name,
      year,
      asOf: today,
      pipeline: pipelineStatuses.map((status) => ({
        status,
        label: suggestionStatusLabels[status].zh,
        count: pipeline.find((p) => p.status === status)?.count ?? 0,
      })),
      deadlines: {
        dueThisWeek,
        overdue: open.totals.indicators.counts.overdue,
        warnings: open.totals.indicators.counts.warnings,
        byUnit: heat.slice(0, 15),
      },
      thisYear: all.totals.indicators,
      lastYear: previous.totals.indicators,
      unitsRanked: [...units.rows].sort(
        (a, b) =>
          (b.indicators.rates.onTime.value ?? -1) - (a.indicators.rates.onTime.value ?? -1) ||
          (b.indicators.rates.satisfiedInclusive.value ?? -1) -
            (a.indicators.rates.satisfiedInclusive.value ?? -1) ||
          a.label.localeCompare(b.label, 'zh-CN'),
      ),
    };
  }

  /** Key suggestions of the body with stage and days left, and the year's headline figures. */
  async leader(actor: Actor, query: DashboardQuery): Promise<LeaderDashboard> {
    const scope = await this.staffScope(actor, query.bodyId);
    await this.stats.refreshFacts();
    const today = this.stats.today();
    const year = query.year ?? Number(today.slice(0, 4));
    const rows = await this.supervision.items({ bodyId: scope.body.id, statuses: keyStatuses, key: true });
    const items = await this.supervisionViews.items(rows);
    const table = await this.stats.tableForScope(scope, this.query(scope, year), false);
    const open = await this.stats.tableForScope(
      scope,
      { ...this.query(scope, year), year: undefined },
      false,
    );
    const { heat } = await this.deadlines(scope, today, 0);
    return {
      bodyId: scope.body.id,
      bodyName: scope.body.name,
      year,
      asOf: today,
      keySuggestions: items
        .map((item) => ({
          suggestionId: item.suggestionId,
          serialLabel: item.serialLabel,
          title: item.title,
          stage: item.stage,
          stageLabel: item.stageLabel,
          units: item.units.filter((u) => u.role !== 'co').map((u) => u.unitName),
          daysLeft: item.daysLeft,
          overdue: item.overdue,
          warnings: item.warnings.map((w) => w.text),
        }))
        .sort((a, b) => (a.daysLeft ?? 99999) - (b.daysLeft ?? 99999)),
      thisYear: table.totals.indicators,
      deadlines: {
        dueThisWeek: heat.reduce((n, u) => n + u.dueThisWeek, 0),
        overdue: open.totals.indicators.counts.overdue,
        warnings: open.totals.indicators.counts.warnings,
        byUnit: heat.slice(0, 10),
      },
    };
  }

  /** A unit's own figures against the pooled average of all units of its body. */
  async unit(actor: Actor, query: { unitId?: string; year?: number }): Promise<UnitDashboard> {
    const own = actor.roles.filter(
      (g) => g.unitId !== null && ['unit_handler', 'unit_leader'].includes(g.role),
    );
    const grant = query.unitId ? own.find((g) => g.unitId === query.unitId) : own[0];
    if (!grant?.unitId) throw notFound({ zh: '承办单位', en: 'Unit' }, query.unitId ?? '-');
    const unit = await this.repository.unit(grant.unitId);
    if (!unit) throw notFound({ zh: '承办单位', en: 'Unit' }, grant.unitId);
    const scope = await this.stats.scope(actor, unit.body_id, unit.id);
    await this.stats.refreshFacts();
    const today = this.stats.today();
    const year = query.year ?? Number(today.slice(0, 4));
    const table = await this.stats.tableForScope(
      scope,
      { bodyId: unit.body_id, includeLowerLevels: false, year, unitId: unit.id, groupBy: 'none' },
      false,
    );
    const { heat } = await this.deadlines(scope, today, 0, unit.id);
    return {
      unitId: unit.id,
      unitName: unit.name,
      bodyId: unit.body_id,
      year,
      asOf: today,
      own: table.totals.indicators,
      average: table.unitAverage ?? table.totals.indicators,
      dueThisWeek: heat.reduce((n, u) => n + u.dueThisWeek, 0),
    };
  }
}
