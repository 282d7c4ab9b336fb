import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { DutyActivityRow, StationEventRow } from '../db/schema.js';

export type StationItemType = 'reception' | 'appointment' | 'agency_appointment' | 'swap';

/** Timelines of the station workflows, and the duty activities they record for deputies. */
export class StationEventsRepository {
  constructor(private readonly db: Db) {}

  async insertEvent(row: StationEventRow, executor: Executor): Promise<void> {
    await executor.insertInto('station_events').values(row).execute();
  }

  async eventsOf(itemType: StationItemType, itemId: string, executor: Executor = this.db) {
    return executor
      .selectFrom('station_events')
      .selectAll()
      .where('item_type', '=', itemType)
      .where('item_id', '=', itemId)
      .orderBy('at')
      .orderBy('id')
      .execute();
  }

  /** Records a duty activity once per deputy, kind and source (a retried action adds nothing). */
  async recordDuty(row: DutyActivityRow, executor: Executor): Promise<void> {
    await executor
      .insertInto('duty_activities')
      .values(row)
      .onConflict((oc) => oc.columns(['deputy_id', 'kind', 'source_type', 'source_id']).doNothing())
      .execute();
  }

  async dutyActivities(
    filter: { deputyIds: string[] | null; from?: string; to?: string },
    executor: Executor = this.db,
  ): Promise<DutyActivityRow[]> {
    let query = executor.selectFrom('duty_activities').selectAll();
    const ids = filter.deputyIds;
    if (ids) query = query.where((eb) => (ids.length > 0 ? eb('deputy_id', 'in', ids) : eb.lit(false)));
    if (filter.from) query = query.where('occurred_on', '>=', filter.from);
    if (filter.to) query = query.where('occurred_on', '<=', filter.to);
    return query.orderBy('occurred_on', 'desc').orderBy('id').limit(500).execute();
  }
}
