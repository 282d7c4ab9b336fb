import { sql } from 'kysely';
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { Database } from '../db/schema.js';
import { cellColumns } from './facts.repository.js';

/** Which fact rows a query reads. */
export interface FactFilter {
  /** `item`: one row per suggestion; `unit`: one per replying unit. */
  grain: 'item' | 'unit';
  /** Body subtree (`path` prefix) or, with `exactBody`, only that body's own items. */
  bodyPath: string;
  exactBody?: boolean;
  unitId?: string;
  sessionId?: string;
  year?: number;
  categoryId?: string;
  delegationId?: string;
  deputyId?: string;
  disclosedOnly?: boolean;
}

/** Columns a table can be grouped by. */
export const groupColumns = {
  none: null,
  session: 'session_id',
  year: 'year',
  body: 'body_path',
  unit: 'unit_id',
  category: 'category_id',
  delegation: 'delegation_id',
  deputy: 'lead_deputy_id',
} as const;
export type GroupColumn = Exclude<(typeof groupColumns)[keyof typeof groupColumns], null>;

/** A drill-down condition on the fact rows. */
export type FactCondition =
  | { column: FactFlag; positive: true }
  | { column: 'overdue' | 'warnings'; positive: true }
  | { column: 'not_withdrawn'; positive: true };
export type FactFlag =
  | 'withdrawn'
  | 'replied'
  | 'on_time'
  | 'face_to_face'
  | 'feedback'
  | 'no_feedback'
  | 'satisfied'
  | 'satisfied_or_basically'
  | 'solved'
  | 'solved_or_planned'
  | 'promises'
  | 'promises_fulfilled';

export interface SummedCounts {
  key: string | null;
  assigned: number;
  withdrawn: number;
  replied: number;
  on_time: number;
  face_to_face: number;
  feedback: number;
  no_feedback: number;
  satisfied: number;
  satisfied_or_basically: number;
  unsatisfied: number;
  solved: number;
  solved_or_planned: number;
  promises: number;
  promises_fulfilled: number;
  reply_days: number;
  overdue: number;
  warnings: number;
}

type FactQuery = SelectQueryBuilder<Database, 'stats_facts', object>;

const cellGroups: GroupColumn[] = ['session_id', 'year', 'body_path', 'unit_id'];

/** A result row → summed counts (numbers; keys as text, null kept). */
function toSums(row: Record<string, unknown>): SummedCounts {
  const out = { ...emptyCounts, key: row.key === null || row.key === undefined ? null : String(row.key) };
  for (const [name, value] of Object.entries(row))
    if (name !== 'key') (out as unknown as Record<string, number>)[name] = Number(value ?? 0);
  return out;
}

const emptyCounts: Omit<SummedCounts, 'key'> = {
  assigned: 0,
  withdrawn: 0,
  replied: 0,
  on_time: 0,
  face_to_face: 0,
  feedback: 0,
  no_feedback: 0,
  satisfied: 0,
  satisfied_or_basically: 0,
  unsatisfied: 0,
  solved: 0,
  solved_or_planned: 0,
  promises: 0,
  promises_fulfilled: 0,
  reply_days: 0,
  overdue: 0,
  warnings: 0,
};

/** The upper bound of a path prefix: paths are `[0-9A-Z]` ids between `/`, and `0` follows `/`. */
const pathUpper = (prefix: string) => `${prefix.slice(0, -1)}0`;

/** Aggregates and drill-down lists over `stats_facts`: SQL sums over one contiguous key range. */
export class StatsRepository {
  constructor(private readonly db: Db) {}

  private filtered(filter: FactFilter): FactQuery {
    let query = this.db.selectFrom('stats_facts') as unknown as FactQuery;
    const eb = (q: FactQuery) => q;
    query = filter.unitId
      ? query.where('stats_facts.unit_id', '=', filter.unitId)
      : filter.grain === 'item'
        ? query.where('stats_facts.unit_id', '=', '')
        : query.where('stats_facts.unit_id', '>', '');
    // The key range (the primary key's prefix after the grain): a subtree or one body.
    query = filter.exactBody
      ? query.where('stats_facts.body_path', '=', filter.bodyPath)
      : query
          .where('stats_facts.body_path', '>=', filter.bodyPath)
          .where('stats_facts.body_path', '<', pathUpper(filter.bodyPath));
    if (filter.sessionId) query = query.where('stats_facts.session_id', '=', filter.sessionId);
    if (filter.year) query = query.where('stats_facts.year', '=', filter.year);
    if (filter.categoryId) query = query.where('stats_facts.category_id', '=', filter.categoryId);
    if (filter.delegationId) query = query.where('stats_facts.delegation_id', '=', filter.delegationId);
    if (filter.deputyId) query = query.where('stats_facts.lead_deputy_id', '=', filter.deputyId);
    if (filter.disclosedOnly) query = query.where('stats_facts.disclose', '=', 1);
    return eb(query);
  }

  /**
   * Sums of the facts per group (one row with key null when not grouped). Tables by body, session,
   * year and unit read the summed cells plus the open rows (for overdue and warnings); filters or
   * groups by category, delegation or deputy, and the public's disclosed-only figures, sum the facts.
   */
  async sums(filter: FactFilter, group: GroupColumn | null, today: string): Promise<SummedCounts[]> {
    const cellsServe =
      !filter.categoryId &&
      !filter.delegationId &&
      !filter.deputyId &&
      !filter.disclosedOnly &&
      (group === null || cellGroups.includes(group));
    if (!cellsServe) return this.factSums(filter, group, today);
    const cells = await this.cellSums(filter, group);
    const open = await this.openCounts(filter, group, today);
    const keyOf = (key: string | null) => (key === '' ? null : key);
    const merged = new Map<string | null, SummedCounts>();
    for (const cell of cells) merged.set(keyOf(cell.key), { ...cell, key: keyOf(cell.key) });
    for (const row of open) {
      const key = keyOf(row.key);
      const target = merged.get(key);
      if (target) {
        target.overdue = row.overdue;
        target.warnings = row.warnings;
      }
    }
    return [...merged.values()];
  }

  private async cellSums(filter: FactFilter, group: GroupColumn | null) {
    let query = this.db.selectFrom('stats_cells');
    query = filter.unitId
      ? query.where('stats_cells.unit_id', '=', filter.unitId)
      : filter.grain === 'item'
        ? query.where('stats_cells.unit_id', '=', '')
        : query.where('stats_cells.unit_id', '>', '');
    query = filter.exactBody
      ? query.where('stats_cells.body_path', '=', filter.bodyPath)
      : query
          .where('stats_cells.body_path', '>=', filter.bodyPath)
          .where('stats_cells.body_path', '<', pathUpper(filter.bodyPath));
    if (filter.sessionId) query = query.where('stats_cells.session_id', '=', filter.sessionId);
    if (filter.year) query = query.where('stats_cells.year', '=', filter.year);
    const sum = (column: string) => sql<number>`sum(${sql.ref(`stats_cells.${column}`)})`;
    let select = query.select([
      group ? sql<string | null>`${sql.ref(`stats_cells.${group}`)}`.as('key') : sql<null>`null`.as('key'),
      ...(['assigned', ...cellColumns] as const).map((column) => sum(column).as(column)),
    ]);
    if (group) select = select.groupBy(sql.ref(`stats_cells.${group}`) as never);
    const rows = (await select.execute()) as unknown as Record<string, unknown>[];
    return rows.map((row) => toSums(row));
  }

  private async openCounts(filter: FactFilter, group: GroupColumn | null, today: string) {
    let query = this.filtered(filter)
      .where('stats_facts.open_due_on', 'is not', null)
      .select([
        group ? sql<string | null>`${sql.ref(`stats_facts.${group}`)}`.as('key') : sql<null>`null`.as('key'),
        sql<number>`sum(case when stats_facts.open_due_on < ${today} then 1 else 0 end)`.as('overdue'),
        sql<number>`sum(case when stats_facts.warning_on <= ${today} and stats_facts.open_due_on >= ${today} then 1 else 0 end)`.as(
          'warnings',
        ),
      ]);
    if (group) query = query.groupBy(sql.ref(`stats_facts.${group}`) as never);
    const rows = (await query.execute()) as unknown as Record<string, unknown>[];
    return rows.map((row) => toSums(row));
  }

  private async factSums(
    filter: FactFilter,
    group: GroupColumn | null,
    today: string,
  ): Promise<SummedCounts[]> {
    const flag = (column: string) => sql<number>`sum(${sql.ref(`stats_facts.${column}`)})`;
    let query = this.filtered(filter).select([
      group ? sql<string | null>`${sql.ref(`stats_facts.${group}`)}`.as('key') : sql<null>`null`.as('key'),
      sql<number>`count(*)`.as('assigned'),
      flag('withdrawn').as('withdrawn'),
      flag('replied').as('replied'),
      flag('on_time').as('on_time'),
      flag('face_to_face').as('face_to_face'),
      flag('feedback').as('feedback'),
      flag('no_feedback').as('no_feedback'),
      flag('satisfied').as('satisfied'),
      flag('satisfied_or_basically').as('satisfied_or_basically'),
      flag('unsatisfied').as('unsatisfied'),
      flag('solved').as('solved'),
      flag('solved_or_planned').as('solved_or_planned'),
      flag('promises').as('promises'),
      flag('promises_fulfilled').as('promises_fulfilled'),
      flag('reply_days').as('reply_days'),
      sql<number>`sum(case when stats_facts.open_due_on < ${today} then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when stats_facts.warning_on <= ${today} and stats_facts.open_due_on >= ${today} then 1 else 0 end)`.as(
        'warnings',
      ),
    ]);
    if (group) query = query.groupBy(sql.ref(`stats_facts.${group}`) as never);
    const rows = (await query.execute()) as unknown as Record<string, unknown>[];
    return rows.map((row) => toSums(row));
  }

  private condition(eb: ExpressionBuilder<Database, 'stats_facts'>, condition: FactCondition, today: string) {
    switch (condition.column) {
      case 'overdue':
        return eb('stats_facts.open_due_on', '<', today);
      case 'warnings':
        return eb.and([
          eb('stats_facts.warning_on', '<=', today),
          eb('stats_facts.open_due_on', '>=', today),
        ]);
      case 'not_withdrawn':
        return eb('stats_facts.withdrawn', '=', 0);
      default:
        return eb(`stats_facts.${condition.column}`, '>', 0);
    }
  }

  /** The suggestions behind a cell, newest assignment first. */
  async drill(
    filter: FactFilter,
    group: { column: GroupColumn; key: string | null } | null,
    condition: FactCondition,
    today: string,
    page: { page: number; pageSize: number },
  ) {
    let query = this.filtered(filter).where((eb) => this.condition(eb, condition, today));
    if (group?.column === 'body_path' && group.key !== null) {
      // A body row covers that body and its lower levels (the key is its path).
      query = query
        .where('stats_facts.body_path', '>=', group.key)
        .where('stats_facts.body_path', '<', pathUpper(group.key));
    } else if (group) {
      const ref = sql.ref(`stats_facts.${group.column}`);
      query =
        group.key === null
          ? query.where(sql<boolean>`${ref} is null`)
          : query.where(sql<boolean>`${ref} = ${group.column === 'year' ? Number(group.key) : group.key}`);
    }
    const ids = query.select('stats_facts.suggestion_id').distinct();
    const total = await this.db
      .selectFrom(ids.as('x'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const rows = await this.db
      .selectFrom('suggestions')
      .innerJoin('bodies', 'bodies.id', 'suggestions.body_id')
      .innerJoin('deputies', 'deputies.id', 'suggestions.lead_deputy_id')
      .select([
        'suggestions.id',
        'suggestions.serial_number',
        'suggestions.timing',
        'suggestions.accepted_at',
        'suggestions.title',
        'suggestions.status',
        'suggestions.assigned_at',
        'suggestions.replied_at',
        'bodies.name as body_name',
        'deputies.name as lead_deputy_name',
      ])
      .where('suggestions.id', 'in', ids)
      .orderBy('suggestions.assigned_at', 'desc')
      .orderBy('suggestions.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute();
    return { total: Number(total?.n ?? 0), rows };
  }

  /** Replying units and their deadlines of the listed suggestions. */
  async unitsOf(ids: string[]) {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('assignments')
      .innerJoin('units', 'units.id', 'assignments.unit_id')
      .select(['assignments.suggestion_id', 'units.name', 'assignments.reply_due_on', 'assignments.role'])
      .where('assignments.suggestion_id', 'in', ids)
      .where('assignments.status', '!=', 'reassigned')
      .orderBy('assignments.role')
      .orderBy('units.name')
      .execute();
  }

  /** Names for the keys of a grouped table. */
  async labels(column: GroupColumn, keys: string[]): Promise<Map<string, string>> {
    if (keys.length === 0 || column === 'year' || column === 'body_path') return new Map();
    const table = {
      session_id: 'congress_sessions',
      unit_id: 'units',
      category_id: 'categories',
      delegation_id: 'delegations',
      lead_deputy_id: 'deputies',
    } as const satisfies Record<Exclude<GroupColumn, 'year' | 'body_path'>, keyof Database>;
    const rows = await this.db
      .selectFrom(table[column])
      .select(['id', 'name'])
      .where('id', 'in', keys)
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Bodies of the given paths (for the body grouping's labels and roll-up). */
  async bodiesUnder(path: string) {
    return this.db
      .selectFrom('bodies')
      .select(['id', 'name', 'path', 'parent_id'])
      .where('path', '>=', path)
      .where('path', '<', pathUpper(path))
      .orderBy('path')
      .execute();
  }

  async publication(bodyId: string) {
    return this.db
      .selectFrom('stats_publications')
      .selectAll()
      .where('body_id', '=', bodyId)
      .executeTakeFirst();
  }

  async putPublication(
    row: { body_id: string; indicators_json: string; updated_by: string; updated_at: string },
    executor: Executor,
  ): Promise<void> {
    await executor
      .insertInto('stats_publications')
      .values(row)
      .onConflict((oc) =>
        oc.column('body_id').doUpdateSet({
          indicators_json: row.indicators_json,
          updated_by: row.updated_by,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  }

  async publications() {
    return this.db
      .selectFrom('stats_publications')
      .innerJoin('bodies', 'bodies.id', 'stats_publications.body_id')
      .select([
        'stats_publications.body_id',
        'stats_publications.indicators_json',
        'stats_publications.updated_at',
        'bodies.name',
        'bodies.path',
      ])
      .orderBy('bodies.path')
      .execute();
  }
}
