import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { JobsTable } from '../db/schema.js';

export type JobRow = Selectable<JobsTable>;

export class JobsRepository {
  constructor(private readonly db: Db) {}

  /** Schedules a job once: a second call with the same key does nothing. */
  async insertOnce(row: JobRow, executor: Executor): Promise<void> {
    await executor
      .insertInto('jobs')
      .values(row)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  }

  /** Jobs due now, or whose runner's claim has expired (it crashed). */
  async due(nowIso: string, limit: number): Promise<JobRow[]> {
    return this.db
      .selectFrom('jobs')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', nowIso)]),
          eb.and([eb('status', '=', 'running'), eb('claimed_until', '<', nowIso)]),
        ]),
      )
      .orderBy('run_at')
      .limit(limit)
      .execute();
  }

  /** Takes a job for one runner; false when another runner holds it. */
  async claim(id: string, worker: string, nowIso: string, untilIso: string): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        claimed_by: worker,
        claimed_until: untilIso,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', nowIso)]),
          eb.and([eb('status', '=', 'running'), eb('claimed_until', '<', nowIso)]),
        ]),
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Marks the job done inside the job's own transaction, only if this runner still holds it. */
  async complete(id: string, worker: string, nowIso: string, executor: Executor): Promise<boolean> {
    const result = await executor
      .updateTable('jobs')
      .set({ status: 'done', done_at: nowIso, claimed_until: null })
      .where('id', '=', id)
      .where('claimed_by', '=', worker)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async release(
    id: string,
    worker: string,
    status: 'pending' | 'failed',
    runAt: string,
    error: string,
  ): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ status, run_at: runAt, last_error: error.slice(0, 1000), claimed_by: null, claimed_until: null })
      .where('id', '=', id)
      .where('claimed_by', '=', worker)
      .execute();
  }

  async byKey(key: string): Promise<JobRow | undefined> {
    return this.db.selectFrom('jobs').selectAll().where('dedupe_key', '=', key).executeTakeFirst();
  }
}
