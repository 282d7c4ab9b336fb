import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { ReceptionRow, ReceptionsTable } from '../db/schema.js';
import type { ReceptionScope } from './stations.access.js';

export interface ReceptionViewRow extends ReceptionRow {
  body_path: string;
  station_name: string | null;
  deputy_name: string | null;
  escalated_to_name: string | null;
  referred_unit_name: string | null;
}

export interface ReceptionFilter {
  scope: ReceptionScope;
  /** Only what was addressed or passed to this deputy. */
  mineDeputyId?: string;
  channel?: string;
  status?: string;
  open?: boolean;
  stationId?: string;
  deputyId?: string;
  bodyPath?: string;
  suggestionId?: string;
}

/** Workload of one deputy or station: counts and the sum of response minutes. */
export interface WorkloadRow {
  key: string | null;
  total: number;
  open: number;
  closed: number;
  answered: number;
  minutes: number | null;
}

/** Receptions (citizen messages, visits, calls, appointments) and their photos. */
export class ReceptionsRepository {
  constructor(private readonly db: Db) {}

  private views(executor: Executor) {
    return executor
      .selectFrom('receptions as r')
      .innerJoin('bodies as b', 'b.id', 'r.body_id')
      .leftJoin('stations as s', 's.id', 'r.station_id')
      .leftJoin('deputies as d', 'd.id', 'r.deputy_id')
      .leftJoin('deputies as e', 'e.id', 'r.escalated_to_deputy_id')
      .leftJoin('units as u', 'u.id', 'r.referred_unit_id')
      .selectAll('r')
      .select([
        'b.path as body_path',
        's.name as station_name',
        'd.name as deputy_name',
        'e.name as escalated_to_name',
        'u.name as referred_unit_name',
      ]);
  }

  async findView(id: string, executor: Executor = this.db): Promise<ReceptionViewRow | undefined> {
    return this.views(executor).where('r.id', '=', id).executeTakeFirst();
  }

  async findByTracking(code: string, executor: Executor = this.db): Promise<ReceptionViewRow | undefined> {
    return this.views(executor).where('r.tracking_code', '=', code).executeTakeFirst();
  }

  async insert(row: Insertable<ReceptionsTable>, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('receptions').values(row).execute();
  }

  /** Moves the status if it is still `from` at `version` (compare-and-set); false otherwise. */
  async transition(
    id: string,
    expected: { status: string; version: number },
    to: string,
    changes: Partial<ReceptionRow>,
    executor: Executor,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('receptions')
      .set({ ...changes, status: to, version: expected.version + 1 })
      .where('id', '=', id)
      .where('status', '=', expected.status)
      .where('version', '=', expected.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  private filtered(filter: ReceptionFilter, executor: Executor) {
    const { scope } = filter;
    let query = executor.selectFrom('receptions as r').innerJoin('bodies as b', 'b.id', 'r.body_id');
    query = query.where((eb) => {
      const allowed = [
        ...scope.bodyPaths.map((p) => eb('b.path', 'like', `${p}%`)),
        ...(scope.deputyId
          ? [eb('r.deputy_id', '=', scope.deputyId), eb('r.escalated_to_deputy_id', '=', scope.deputyId)]
          : []),
        ...(scope.stationIds.length > 0 ? [eb('r.station_id', 'in', scope.stationIds)] : []),
        ...(scope.unitIds.length > 0 ? [eb('r.referred_unit_id', 'in', scope.unitIds)] : []),
      ];
      return allowed.length > 0 ? eb.or(allowed) : eb.lit(false);
    });
    const mine = filter.mineDeputyId;
    if (mine)
      query = query.where((eb) =>
        eb.or([eb('r.deputy_id', '=', mine), eb('r.escalated_to_deputy_id', '=', mine)]),
      );
    if (filter.channel) query = query.where('r.channel', '=', filter.channel);
    if (filter.status) query = query.where('r.status', '=', filter.status);
    if (filter.open === true) query = query.where('r.status', '!=', 'closed');
    if (filter.open === false) query = query.where('r.status', '=', 'closed');
    if (filter.stationId) query = query.where('r.station_id', '=', filter.stationId);
    if (filter.deputyId) query = query.where('r.deputy_id', '=', filter.deputyId);
    if (filter.bodyPath) query = query.where('b.path', 'like', `${filter.bodyPath}%`);
    if (filter.suggestionId) query = query.where('r.suggestion_id', '=', filter.suggestionId);
    return query;
  }

  /** Newest first, with the total. */
  async list(
    filter: ReceptionFilter,
    page: number,
    pageSize: number,
    executor: Executor = this.db,
  ): Promise<{ items: ReceptionViewRow[]; total: number }> {
    const ids = this.filtered(filter, executor).select('r.id');
    const [items, count] = await Promise.all([
      this.views(executor)
        .where('r.id', 'in', ids)
        .orderBy('r.created_at', 'desc')
        .orderBy('r.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      this.filtered(filter, executor)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** Workload grouped by deputy or by station, over what the filter lets the reader see. */
  async workload(filter: ReceptionFilter, by: 'deputy' | 'station' | 'none'): Promise<WorkloadRow[]> {
    const column = by === 'deputy' ? 'r.deputy_id' : 'r.station_id';
    const base = this.filtered(filter, this.db).select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('r.status', '!=', 'closed').then(1).else(0).end()).as('open'),
      eb.fn.sum<number>(eb.case().when('r.status', '=', 'closed').then(1).else(0).end()).as('closed'),
      eb.fn.count<number>('r.response_minutes').as('answered'),
      eb.fn.sum<number>('r.response_minutes').as('minutes'),
    ]);
    const rows =
      by === 'none'
        ? (await base.execute()).map((r) => ({ ...r, key: null }))
        : await base.select(`${column} as key`).where(column, 'is not', null).groupBy(column).execute();
    return rows.map((r) => ({
      key: r.key,
      total: Number(r.total),
      open: Number(r.open ?? 0),
      closed: Number(r.closed ?? 0),
      answered: Number(r.answered),
      minutes: r.minutes === null ? null : Number(r.minutes),
    }));
  }

  /** Citizen submissions (messages and bookings) from one contact or address since a time. */
  async countSubmissionsSince(
    column: 'contact_key' | 'address_key',
    key: string,
    since: string,
    executor: Executor = this.db,
  ): Promise<number> {
    const [messages, bookings] = await Promise.all([
      executor
        .selectFrom('receptions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(column, '=', key)
        .where('created_at', '>=', since)
        .executeTakeFirstOrThrow(),
      executor
        .selectFrom('appointments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(column, '=', key)
        .where('created_at', '>=', since)
        .executeTakeFirstOrThrow(),
    ]);
    return Number(messages.n) + Number(bookings.n);
  }

  async photosOf(receptionIds: string[], executor: Executor = this.db) {
    if (receptionIds.length === 0) return [];
    return executor
      .selectFrom('files')
      .select(['id', 'owner_id', 'size_bytes', 'mime_type', 'created_at'])
      .where('owner_type', '=', 'reception_photo')
      .where('owner_id', 'in', receptionIds)
      .orderBy('created_at')
      .execute();
  }

  /** Names of units (for referral checks), with their bodies' paths. */
  async unitWithPath(unitId: string, executor: Executor = this.db) {
    return executor
      .selectFrom('units as u')
      .innerJoin('bodies as b', 'b.id', 'u.body_id')
      .select(['u.id', 'u.name', 'u.active', 'u.body_id', 'b.path as body_path'])
      .where('u.id', '=', unitId)
      .executeTakeFirst();
  }
}
