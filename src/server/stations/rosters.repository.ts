import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type {
  ReceptionDayRow,
  ReceptionDaysTable,
  ReceptionRuleRow,
  ReceptionRulesTable,
  RosterDutiesTable,
  RosterDutyRow,
} from '../db/schema.js';

export interface DutyViewRow extends RosterDutyRow {
  deputy_name: string;
  deputy_code: string | null;
}

export interface DutyWithDayRow extends RosterDutyRow {
  start_time: string;
  end_time: string;
  slot_minutes: number;
  station_name: string;
  station_address: string;
  station_code: string;
  station_body_id: string;
  body_path: string;
}

const chunk = 200;

/** Reception rules, reception days and the duties of the roster. */
export class RostersRepository {
  constructor(private readonly db: Db) {}

  async rulesByScope(scopeKeys: string[], executor: Executor = this.db): Promise<ReceptionRuleRow[]> {
    if (scopeKeys.length === 0) return [];
    return executor.selectFrom('reception_rules').selectAll().where('scope_key', 'in', scopeKeys).execute();
  }

  async upsertRule(row: Insertable<ReceptionRulesTable>, executor: Executor = this.db): Promise<void> {
    const { id: _id, created_at: _created, scope_key: _scope, ...changes } = row;
    await executor
      .insertInto('reception_rules')
      .values(row)
      .onConflict((oc) => oc.column('scope_key').doUpdateSet(changes))
      .execute();
  }

  async deleteRule(scopeKey: string, executor: Executor = this.db): Promise<void> {
    await executor.deleteFrom('reception_rules').where('scope_key', '=', scopeKey).execute();
  }

  /** Dates that already have a reception day, per station, within the range. */
  async existingDates(
    stationIds: string[],
    from: string,
    to: string,
    executor: Executor = this.db,
  ): Promise<Set<string>> {
    if (stationIds.length === 0) return new Set();
    const rows = await executor
      .selectFrom('reception_days')
      .select(['station_id', 'date'])
      .where('station_id', 'in', stationIds)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute();
    return new Set(rows.map((r) => `${r.station_id}|${r.date}`));
  }

  /** Duties each station has had before `date`: where the rotation continues. */
  async dutyCountsBefore(
    stationIds: string[],
    date: string,
    executor: Executor = this.db,
  ): Promise<Map<string, number>> {
    if (stationIds.length === 0) return new Map();
    const rows = await executor
      .selectFrom('roster_duties')
      .select(['station_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('station_id', 'in', stationIds)
      .where('date', '<', date)
      .groupBy('station_id')
      .execute();
    return new Map(rows.map((r) => [r.station_id, Number(r.n)]));
  }

  /** `deputyId|date` of every duty the deputies have in the range, at any station. */
  async busyDays(
    deputyIds: string[],
    from: string,
    to: string,
    executor: Executor = this.db,
  ): Promise<Set<string>> {
    if (deputyIds.length === 0) return new Set();
    const rows = await executor
      .selectFrom('roster_duties')
      .select(['deputy_id', 'date'])
      .where('deputy_id', 'in', [...new Set(deputyIds)])
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute();
    return new Set(rows.map((r) => `${r.deputy_id}|${r.date}`));
  }

  async insertDays(rows: Insertable<ReceptionDaysTable>[], executor: Executor = this.db): Promise<void> {
    for (let start = 0; start < rows.length; start += chunk)
      await executor
        .insertInto('reception_days')
        .values(rows.slice(start, start + chunk))
        .execute();
  }

  async insertDuties(rows: Insertable<RosterDutiesTable>[], executor: Executor = this.db): Promise<void> {
    for (let start = 0; start < rows.length; start += chunk)
      await executor
        .insertInto('roster_duties')
        .values(rows.slice(start, start + chunk))
        .execute();
  }

  async findDay(id: string, executor: Executor = this.db): Promise<ReceptionDayRow | undefined> {
    return executor.selectFrom('reception_days').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async daysOf(
    stationIds: string[],
    from: string,
    to: string,
    executor: Executor = this.db,
    limit = 500,
  ): Promise<ReceptionDayRow[]> {
    if (stationIds.length === 0) return [];
    return executor
      .selectFrom('reception_days')
      .selectAll()
      .where('station_id', 'in', stationIds)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .orderBy('date')
      .orderBy('station_id')
      .limit(limit)
      .execute();
  }

  /** The next reception day of each station from `from` on. */
  async nextDates(
    stationIds: string[],
    from: string,
    executor: Executor = this.db,
  ): Promise<Map<string, string>> {
    if (stationIds.length === 0) return new Map();
    const rows = await executor
      .selectFrom('reception_days')
      .select(['station_id', (eb) => eb.fn.min<string>('date').as('next')])
      .where('station_id', 'in', stationIds)
      .where('date', '>=', from)
      .groupBy('station_id')
      .execute();
    return new Map(rows.map((r) => [r.station_id, r.next]));
  }

  async dutiesOfDays(dayIds: string[], executor: Executor = this.db): Promise<DutyViewRow[]> {
    if (dayIds.length === 0) return [];
    const rows: DutyViewRow[] = [];
    for (let start = 0; start < dayIds.length; start += 500)
      rows.push(
        ...(await executor
          .selectFrom('roster_duties as r')
          .innerJoin('deputies as d', 'd.id', 'r.deputy_id')
          .leftJoin('deputy_public_codes as c', 'c.deputy_id', 'r.deputy_id')
          .selectAll('r')
          .select(['d.name as deputy_name', 'c.code as deputy_code'])
          .where('r.reception_day_id', 'in', dayIds.slice(start, start + 500))
          .orderBy('r.created_at')
          .orderBy('r.id')
          .execute()),
      );
    return rows;
  }

  private dutyViews(executor: Executor) {
    return executor
      .selectFrom('roster_duties as r')
      .innerJoin('reception_days as day', 'day.id', 'r.reception_day_id')
      .innerJoin('stations as s', 's.id', 'r.station_id')
      .innerJoin('bodies as b', 'b.id', 's.body_id')
      .selectAll('r')
      .select([
        'day.start_time',
        'day.end_time',
        'day.slot_minutes',
        's.name as station_name',
        's.address as station_address',
        's.public_code as station_code',
        's.body_id as station_body_id',
        'b.path as body_path',
      ]);
  }

  async findDuty(id: string, executor: Executor = this.db): Promise<DutyWithDayRow | undefined> {
    return this.dutyViews(executor).where('r.id', '=', id).executeTakeFirst();
  }

  /** A deputy's duties in a date range, soonest first. */
  async dutiesOfDeputy(
    deputyId: string,
    from: string,
    to: string,
    executor: Executor = this.db,
    limit = 200,
  ): Promise<DutyWithDayRow[]> {
    return this.dutyViews(executor)
      .where('r.deputy_id', '=', deputyId)
      .where('r.date', '>=', from)
      .where('r.date', '<=', to)
      .orderBy('r.date')
      .limit(limit)
      .execute();
  }

  async deputyOnDay(dayId: string, deputyId: string, executor: Executor = this.db) {
    return executor
      .selectFrom('roster_duties')
      .selectAll()
      .where('reception_day_id', '=', dayId)
      .where('deputy_id', '=', deputyId)
      .executeTakeFirst();
  }

  /** Hands a duty to another deputy (compare-and-set on its version). */
  async moveDuty(
    id: string,
    version: number,
    deputyId: string,
    at: string,
    executor: Executor = this.db,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('roster_duties')
      .set({ deputy_id: deputyId, version: version + 1, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async deleteDutiesOfDay(dayId: string, executor: Executor = this.db): Promise<void> {
    await executor.deleteFrom('roster_duties').where('reception_day_id', '=', dayId).execute();
  }
}
