import type { Db } from '../db/database.js';

/** A due outbox row with what delivering it needs: the message and the recipient's addresses. */
export interface DueDelivery {
  id: string;
  channel: string;
  attempts: number;
  title: string;
  body: string;
  link: string | null;
  user_id: string;
  display_name: string;
  phone: string | null;
  email: string | null;
  user_status: string;
}

export interface DeliveryOutcome {
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  nextAttemptAt?: string;
  lastError: string | null;
  sentAt: string | null;
}

/** The external-channel outbox as the dispatcher sees it: due rows, claims and outcomes. */
export class OutboxRepository {
  constructor(private readonly db: Db) {}

  /** Pending rows due at `now` that no live claim holds, oldest first. */
  async due(now: string, limit: number): Promise<DueDelivery[]> {
    return this.db
      .selectFrom('notification_outbox as o')
      .innerJoin('notifications as n', 'n.id', 'o.notification_id')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select([
        'o.id',
        'o.channel',
        'o.attempts',
        'n.title',
        'n.body',
        'n.link',
        'n.user_id',
        'u.display_name',
        'u.phone',
        'u.email',
        'u.status as user_status',
      ])
      .where('o.status', '=', 'pending')
      .where('o.next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('o.claimed_until', 'is', null), eb('o.claimed_until', '<', now)]))
      .orderBy('o.next_attempt_at')
      .orderBy('o.id')
      .limit(limit)
      .execute();
  }

  /**
   * Compare-and-set claim: succeeds for exactly one worker while the row is still pending, due,
   * unchanged since it was read (`attempts`) and not held by a live claim of another worker.
   */
  async claim(id: string, attempts: number, worker: string, now: string, until: string): Promise<boolean> {
    const result = await this.db
      .updateTable('notification_outbox')
      .set({ claimed_by: worker, claimed_until: until })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('attempts', '=', attempts)
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_until', '<', now)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Records the outcome of a row this worker holds and releases the claim. */
  async finish(id: string, worker: string, outcome: DeliveryOutcome): Promise<boolean> {
    const result = await this.db
      .updateTable('notification_outbox')
      .set({
        status: outcome.status,
        attempts: outcome.attempts,
        ...(outcome.nextAttemptAt ? { next_attempt_at: outcome.nextAttemptAt } : {}),
        last_error: outcome.lastError,
        sent_at: outcome.sentAt,
        claimed_by: null,
        claimed_until: null,
      })
      .where('id', '=', id)
      .where('claimed_by', '=', worker)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
