import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { RosterSwapRow, RosterSwapsTable } from '../db/schema.js';

export interface SwapViewRow extends RosterSwapRow {
  station_name: string;
  body_id: string;
  body_path: string;
  date: string;
  exchange_date: string | null;
}

/** Requests to swap reception duties. */
export class SwapsRepository {
  constructor(private readonly db: Db) {}

  async insertSwap(row: Insertable<RosterSwapsTable>, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('roster_swaps').values(row).execute();
  }

  private swapViews(executor: Executor) {
    return executor
      .selectFrom('roster_swaps as w')
      .innerJoin('stations as s', 's.id', 'w.station_id')
      .innerJoin('bodies as b', 'b.id', 's.body_id')
      .innerJoin('roster_duties as r', 'r.id', 'w.duty_id')
      .leftJoin('roster_duties as x', 'x.id', 'w.exchange_duty_id')
      .selectAll('w')
      .select([
        's.name as station_name',
        's.body_id',
        'b.path as body_path',
        'r.date',
        'x.date as exchange_date',
      ]);
  }

  async findSwap(id: string, executor: Executor = this.db): Promise<SwapViewRow | undefined> {
    return this.swapViews(executor).where('w.id', '=', id).executeTakeFirst();
  }

  /** Swaps a reader sees: of stations in the staff subtrees or the given stations, or their own. */
  async listSwaps(
    filter: {
      pathPrefixes: string[];
      stationIds: string[];
      deputyId: string | null;
      status?: string;
      stationId?: string;
    },
    executor: Executor = this.db,
  ): Promise<SwapViewRow[]> {
    let query = this.swapViews(executor).where((eb) => {
      const allowed = [
        ...filter.pathPrefixes.map((p) => eb('b.path', 'like', `${p}%`)),
        ...(filter.stationIds.length > 0 ? [eb('w.station_id', 'in', filter.stationIds)] : []),
        ...(filter.deputyId
          ? [
              eb('w.requester_deputy_id', '=', filter.deputyId),
              eb('w.replacement_deputy_id', '=', filter.deputyId),
            ]
          : []),
      ];
      return allowed.length > 0 ? eb.or(allowed) : eb.lit(false);
    });
    if (filter.status) query = query.where('w.status', '=', filter.status);
    if (filter.stationId) query = query.where('w.station_id', '=', filter.stationId);
    return query.orderBy('w.created_at', 'desc').limit(200).execute();
  }

  async pendingSwapOfDuties(dutyIds: string[], executor: Executor = this.db): Promise<Map<string, string>> {
    if (dutyIds.length === 0) return new Map();
    const rows = await executor
      .selectFrom('roster_swaps')
      .select(['id', 'duty_id'])
      .where('duty_id', 'in', dutyIds)
      .where('status', '=', 'requested')
      .execute();
    return new Map(rows.map((r) => [r.duty_id, r.id]));
  }

  /** Moves a swap's status if it is still `from` at `version`. */
  async transitionSwap(
    id: string,
    expected: { status: string; version: number },
    to: string,
    changes: Partial<RosterSwapRow>,
    executor: Executor,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('roster_swaps')
      .set({ ...changes, status: to, version: expected.version + 1 })
      .where('id', '=', id)
      .where('status', '=', expected.status)
      .where('version', '=', expected.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
