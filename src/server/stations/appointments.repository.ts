import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type {
  AgencyAppointmentRow,
  AgencyAppointmentsTable,
  AppointmentRow,
  AppointmentsTable,
} from '../db/schema.js';
import type { ReceptionScope } from './stations.access.js';

export interface AppointmentViewRow extends AppointmentRow {
  body_path: string;
  station_name: string;
  station_address: string;
  deputy_name: string;
}

export interface AgencyViewRow extends AgencyAppointmentRow {
  body_path: string;
  deputy_name: string;
  unit_name: string;
}

/** Citizens' appointments with deputies, and deputies' appointments with agency heads. */
export class AppointmentsRepository {
  constructor(private readonly db: Db) {}

  private views(executor: Executor) {
    return executor
      .selectFrom('appointments as a')
      .innerJoin('bodies as b', 'b.id', 'a.body_id')
      .innerJoin('stations as s', 's.id', 'a.station_id')
      .innerJoin('deputies as d', 'd.id', 'a.deputy_id')
      .selectAll('a')
      .select([
        'b.path as body_path',
        's.name as station_name',
        's.address as station_address',
        'd.name as deputy_name',
      ]);
  }

  async findView(id: string, executor: Executor = this.db): Promise<AppointmentViewRow | undefined> {
    return this.views(executor).where('a.id', '=', id).executeTakeFirst();
  }

  async findByTracking(code: string, executor: Executor = this.db): Promise<AppointmentViewRow | undefined> {
    return this.views(executor).where('a.tracking_code', '=', code).executeTakeFirst();
  }

  async insert(row: Insertable<AppointmentsTable>, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('appointments').values(row).execute();
  }

  async transition(
    id: string,
    expected: { status: string; version: number },
    to: string,
    changes: Partial<AppointmentRow>,
    executor: Executor,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('appointments')
      .set({ ...changes, status: to, version: expected.version + 1 })
      .where('id', '=', id)
      .where('status', '=', expected.status)
      .where('version', '=', expected.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Slots of a deputy that hold a live booking (`date|HH:MM`). */
  async bookedSlots(
    deputyIds: string[],
    from: string,
    to: string,
    executor: Executor = this.db,
  ): Promise<Set<string>> {
    if (deputyIds.length === 0) return new Set();
    const rows = await executor
      .selectFrom('appointments')
      .select(['deputy_id', 'date', 'start_time'])
      .where('deputy_id', 'in', deputyIds)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .where('status', 'in', ['requested', 'accepted'])
      .execute();
    return new Set(rows.map((r) => `${r.deputy_id}|${r.date}|${r.start_time}`));
  }

  async list(
    filter: {
      scope: ReceptionScope;
      mineDeputyId?: string;
      status?: string;
      stationId?: string;
      from?: string;
    },
    page: number,
    pageSize: number,
  ): Promise<{ items: AppointmentViewRow[]; total: number }> {
    const { scope } = filter;
    let query = this.views(this.db).where((eb) => {
      const allowed = [
        ...scope.bodyPaths.map((p) => eb('b.path', 'like', `${p}%`)),
        ...(scope.deputyId ? [eb('a.deputy_id', '=', scope.deputyId)] : []),
        ...(scope.stationIds.length > 0 ? [eb('a.station_id', 'in', scope.stationIds)] : []),
      ];
      return allowed.length > 0 ? eb.or(allowed) : eb.lit(false);
    });
    if (filter.mineDeputyId) query = query.where('a.deputy_id', '=', filter.mineDeputyId);
    if (filter.status) query = query.where('a.status', '=', filter.status);
    if (filter.stationId) query = query.where('a.station_id', '=', filter.stationId);
    if (filter.from) query = query.where('a.date', '>=', filter.from);
    const [items, count] = await Promise.all([
      query
        .orderBy('a.date')
        .orderBy('a.start_time')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      query
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  // ── Agency appointments ──────────────────────────────────────────────────

  private agencyViews(executor: Executor) {
    return executor
      .selectFrom('agency_appointments as g')
      .innerJoin('bodies as b', 'b.id', 'g.body_id')
      .innerJoin('deputies as d', 'd.id', 'g.deputy_id')
      .innerJoin('units as u', 'u.id', 'g.unit_id')
      .selectAll('g')
      .select(['b.path as body_path', 'd.name as deputy_name', 'u.name as unit_name']);
  }

  async findAgency(id: string, executor: Executor = this.db): Promise<AgencyViewRow | undefined> {
    return this.agencyViews(executor).where('g.id', '=', id).executeTakeFirst();
  }

  async insertAgency(row: Insertable<AgencyAppointmentsTable>, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('agency_appointments').values(row).execute();
  }

  async transitionAgency(
    id: string,
    expected: { status: string; version: number },
    to: string,
    changes: Partial<AgencyAppointmentRow>,
    executor: Executor,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('agency_appointments')
      .set({ ...changes, status: to, version: expected.version + 1 })
      .where('id', '=', id)
      .where('status', '=', expected.status)
      .where('version', '=', expected.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async listAgency(
    filter: {
      bodyPaths: string[];
      deputyId: string | null;
      unitIds: string[];
      mine: boolean;
      bodyPath?: string;
      status?: string;
    },
    page: number,
    pageSize: number,
  ): Promise<{ items: AgencyViewRow[]; total: number }> {
    let query = this.agencyViews(this.db).where((eb) => {
      const allowed = [
        ...filter.bodyPaths.map((p) => eb('b.path', 'like', `${p}%`)),
        ...(filter.deputyId ? [eb('g.deputy_id', '=', filter.deputyId)] : []),
        ...(filter.unitIds.length > 0 ? [eb('g.unit_id', 'in', filter.unitIds)] : []),
      ];
      return allowed.length > 0 ? eb.or(allowed) : eb.lit(false);
    });
    if (filter.mine) query = query.where('g.deputy_id', '=', filter.deputyId ?? '-');
    if (filter.bodyPath) query = query.where('b.path', 'like', `${filter.bodyPath}%`);
    if (filter.status) query = query.where('g.status', '=', filter.status);
    const [items, count] = await Promise.all([
      query
        .orderBy('g.created_at', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      query
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }
}
