import os from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import type { NotificationMessage } from './channels.js';
import { RecipientUnreachable } from './channels.js';
import type { NotificationChannelsService } from './notification-channels.service.js';
import type { DeliveryOutcome, DueDelivery, OutboxRepository } from './outbox.repository.js';

/** Waits after the 1st … 5th failed attempt; the 6th failure is final. */
export const retryDelaysMinutes = [1, 5, 30, 120, 720] as const;
export const maxAttempts = retryDelaysMinutes.length + 1;
// Longer than any channel's own timeouts, so a claim outlives the send it covers.
const claimMillis = 60_000;
const batchSize = 100;
// Bounds one run, so a flood of rows cannot keep a tick going for ever.
const maxBatchesPerRun = 20;

export interface DispatchReport {
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
}

/**
 * Delivers the outbox through the external channels. Each row is claimed with a compare-and-set
 * before it is sent, so several server processes on one database never send a message twice.
 *
 * Outbox updates are delivery bookkeeping, not user actions: like session clean-up they are not
 * audited (the action that created the notification was).
 */
export class NotificationDispatcher {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly channels: NotificationChannelsService,
    private readonly clock: Clock,
    readonly workerId = `${os.hostname()}:${process.pid}:${newId()}`,
  ) {}

  /** Sends every row due at `now` (the clock's time, per row, when not given). */
  async runDue(now?: Date): Promise<DispatchReport> {
    const at = () => now ?? this.clock.now();
    const report: DispatchReport = { sent: 0, retried: 0, failed: 0, skipped: 0 };
    for (let batch = 0; batch < maxBatchesPerRun; batch += 1) {
      const rows = await this.outbox.due(at().toISOString(), batchSize);
      for (const row of rows) {
        const claimedAt = at();
        const until = new Date(claimedAt.getTime() + claimMillis).toISOString();
        if (!(await this.outbox.claim(row.id, row.attempts, this.workerId, claimedAt.toISOString(), until)))
          continue;
        const outcome = await this.deliver(row, at);
        if (await this.outbox.finish(row.id, this.workerId, outcome)) count(report, outcome);
      }
      if (rows.length < batchSize) break;
    }
    return report;
  }

  private async deliver(row: DueDelivery, at: () => Date): Promise<DeliveryOutcome> {
    const skipped = (reason: string): DeliveryOutcome => ({
      status: 'skipped',
      attempts: row.attempts,
      lastError: reason,
      sentAt: null,
    });
    const channel = await this.channels.channel(row.channel);
    if (!channel) return skipped('渠道未启用');
    if (row.user_status !== 'active') return skipped('账户未启用');
    const attempts = row.attempts + 1;
    const startedAt = at();
    try {
      await channel.send(await this.message(row), {
        userId: row.user_id,
        name: row.display_name,
        phone: row.phone,
        email: row.email,
      });
      return { status: 'sent', attempts, lastError: null, sentAt: at().toISOString() };
    } catch (error) {
      if (error instanceof RecipientUnreachable) return skipped(error.message);
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const delay = retryDelaysMinutes[attempts - 1];
      if (delay === undefined) return { status: 'failed', attempts, lastError, sentAt: null };
      const nextAttemptAt = new Date(startedAt.getTime() + delay * 60_000).toISOString();
      return { status: 'pending', attempts, nextAttemptAt, lastError, sentAt: null };
    }
  }

  private async message(row: DueDelivery): Promise<NotificationMessage> {
    const siteUrl = await this.channels.siteUrl();
    // In-app links are paths; the site may live under a sub-path, so join rather than resolve.
    const link =
      row.link?.startsWith('/') && siteUrl ? `${siteUrl.replace(/\/+$/, '')}${row.link}` : row.link;
    return { title: row.title, body: row.body, link };
  }
}

function count(report: DispatchReport, outcome: DeliveryOutcome): void {
  if (outcome.status === 'sent') report.sent += 1;
  else if (outcome.status === 'failed') report.failed += 1;
  else if (outcome.status === 'skipped') report.skipped += 1;
  else report.retried += 1;
}

/** Runs the dispatcher every `intervalMillis` while the server runs; returns a stop function. */
export function scheduleNotificationDispatch(
  dispatcher: NotificationDispatcher,
  log: FastifyBaseLogger,
  intervalMillis = 10_000,
): () => void {
  let running = false;
  const tick = async () => {
    // A slow gateway can make a run outlast the interval: never run two at once in one process.
    if (running) return;
    running = true;
    try {
      const report = await dispatcher.runDue();
      if (report.retried > 0 || report.failed > 0) log.warn(report, 'some notifications were not delivered');
    } catch (error) {
      log.error({ err: error }, 'notification dispatch failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMillis);
  timer.unref();
  return () => clearInterval(timer);
}
