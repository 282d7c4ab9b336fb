import crypto from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import type { JobsRepository } from './jobs.repository.js';

/**
 * A job's work. `prepare` reads what is needed (outside any transaction); `run` writes inside the
 * transaction that marks the job done, using only `trx` (SQLite has one connection).
 */
export interface JobHandler<Prepared = unknown> {
  prepare?: (payload: Record<string, unknown>) => Promise<Prepared>;
  run: (trx: Executor, payload: Record<string, unknown>, prepared: Prepared | undefined) => Promise<void>;
}

const claimMinutes = 5;
const maxAttempts = 5;
const backoffMinutes = [1, 5, 30, 120, 720];

/**
 * Durable jobs from the database (reminders, warnings, lapses). A job is created once per key,
 * claimed by one runner with a compare-and-set, and its effects commit in the same transaction
 * that marks it done, so it takes effect exactly once even with several server processes.
 */
export class JobsService {
  private readonly handlers = new Map<string, JobHandler<unknown>>();
  readonly worker = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;

  constructor(
    private readonly db: Db,
    private readonly jobs: JobsRepository,
    private readonly clock: Clock,
  ) {}

  register<Prepared>(kind: string, handler: JobHandler<Prepared>): void {
    this.handlers.set(kind, handler as JobHandler<unknown>);
  }

  /** Schedules a job in the caller's transaction; the same key twice is one job. */
  async schedule(
    executor: Executor,
    job: { kind: string; key: string; runAt: string; payload: Record<string, unknown> },
  ): Promise<void> {
    await this.jobs.insertOnce(
      {
        id: newId(),
        kind: job.kind,
        dedupe_key: job.key,
        run_at: job.runAt,
        status: 'pending',
        payload_json: JSON.stringify(job.payload),
        attempts: 0,
        claimed_by: null,
        claimed_until: null,
        last_error: null,
        done_at: null,
        created_at: this.clock.now().toISOString(),
      },
      executor,
    );
  }

  /** Runs every due job once; returns how many this runner completed. */
  async runDue(limit = 100): Promise<number> {
    const now = this.clock.now();
    const nowIso = now.toISOString();
    let completed = 0;
    for (const job of await this.jobs.due(nowIso, limit)) {
      const until = new Date(now.getTime() + claimMinutes * 60_000).toISOString();
      if (!(await this.jobs.claim(job.id, this.worker, nowIso, until))) continue;
      const handler = this.handlers.get(job.kind);
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        const payload = JSON.parse(job.payload_json) as Record<string, unknown>;
        const prepared = handler.prepare ? await handler.prepare(payload) : undefined;
        await this.db.transaction().execute(async (trx) => {
          await handler.run(trx, payload, prepared);
          // Lost the claim meanwhile (we were too slow): roll our effects back.
          if (!(await this.jobs.complete(job.id, this.worker, this.clock.now().toISOString(), trx)))
            throw new Error('claim lost');
        });
        completed += 1;
      } catch (error) {
        const attempts = job.attempts + 1;
        const delay = backoffMinutes[Math.min(attempts - 1, backoffMinutes.length - 1)] ?? 720;
        await this.jobs.release(
          job.id,
          this.worker,
          attempts >= maxAttempts ? 'failed' : 'pending',
          new Date(now.getTime() + delay * 60_000).toISOString(),
          error instanceof Error ? error.message : String(error),
        );
      }
    }
    return completed;
  }
}

/** Runs due jobs every minute while the server runs. */
export function scheduleJobRunner(jobs: JobsService, log: FastifyBaseLogger): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    jobs
      .runDue()
      .catch((error: unknown) => log.error({ err: error }, 'job runner failed'))
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, 60_000);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}
