import type { Executor } from '../db/executor.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import type { StationEventsRepository, StationItemType } from './station-events.repository.js';

export type DutyKind = 'reception' | 'message_answered' | 'appointment' | 'agency_appointment';

/** Writes timeline entries and duty activities inside the caller's transaction. */
export class StationTimeline {
  constructor(
    private readonly events: StationEventsRepository,
    private readonly clock: Clock,
  ) {}

  async record(
    trx: Executor,
    actor: Pick<Actor, 'userId' | 'displayName'> | null,
    itemType: StationItemType,
    itemId: string,
    entry: { action: string; from: string | null; to: string | null; note?: string | null },
  ): Promise<void> {
    await this.events.insertEvent(
      {
        id: newId(),
        item_type: itemType,
        item_id: itemId,
        at: this.clock.now().toISOString(),
        actor_id: actor?.userId ?? null,
        // A citizen acts without an account: the timeline says so rather than leaving a blank.
        actor_name: actor?.displayName ?? '群众',
        action: entry.action,
        from_status: entry.from,
        to_status: entry.to,
        note: entry.note ?? null,
      },
      trx,
    );
  }

  /** Counts something the deputy did for the duty record (DBF art. 58); points come later. */
  async duty(
    trx: Executor,
    entry: {
      deputyId: string;
      bodyId: string | null;
      kind: DutyKind;
      sourceType: StationItemType;
      sourceId: string;
    },
  ): Promise<void> {
    const now = this.clock.now();
    await this.events.recordDuty(
      {
        id: newId(),
        deputy_id: entry.deputyId,
        body_id: entry.bodyId,
        kind: entry.kind,
        source_type: entry.sourceType,
        source_id: entry.sourceId,
        occurred_on: shanghaiDate(now),
        points: null,
        created_at: now.toISOString(),
      },
      trx,
    );
  }

  async view(itemType: StationItemType, itemId: string) {
    return (await this.events.eventsOf(itemType, itemId)).map((e) => ({
      id: e.id,
      at: e.at,
      actorName: e.actor_name,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note,
    }));
  }
}
