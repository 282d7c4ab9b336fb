import type { Selectable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { ExportsTable } from '../db/schema-reports.js';

export type ExportRow = Selectable<ExportsTable>;

/** Background export rows: the only writer of their status (compare-and-set on the claim). */
export class ExportsRepository {
  constructor(private readonly db: Db) {}

  async insert(row: ExportRow, executor: Executor): Promise<void> {
    await executor.insertInto('exports').values(row).execute();
  }

  /** Finished exports (done or failed) older than the cut-off, oldest first. */
  async finishedBefore(cutoffIso: string, limit: number): Promise<ExportRow[]> {
    return this.db
      .selectFrom('exports')
      .selectAll()
      .where('status', 'in', ['done', 'failed'])
      .where('finished_at', '<', cutoffIso)
      .orderBy('finished_at')
      .limit(limit)
      .execute();
  }

  async delete(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.deleteFrom('exports').where('id', 'in', ids).execute();
  }

  async findById(id: string): Promise<ExportRow | undefined> {
    return this.db.selectFrom('exports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The requester's newest exports. */
  async ofRequester(userId: string, limit: number): Promise<ExportRow[]> {
    return this.db
      .selectFrom('exports')
      .selectAll()
      .where('requested_by', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** The oldest export waiting, or whose runner stopped beating (it crashed). */
  async nextRunnable(nowIso: string): Promise<ExportRow | undefined> {
    return this.db
      .selectFrom('exports')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('status', '=', 'queued'),
          eb.and([eb('status', '=', 'running'), eb('claimed_until', '<', nowIso)]),
        ]),
      )
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
  }

  /** Takes the export for one runner; false when another runner has it. */
  async claim(row: ExportRow, worker: string, nowIso: string, untilIso: string): Promise<boolean> {
    const result = await this.db
      .updateTable('exports')
      .set({
        status: 'running',
        claimed_by: worker,
        claimed_until: untilIso,
        attempts: row.attempts + 1,
        started_at: nowIso,
        progress: 0,
      })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .where('attempts', '=', row.attempts)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Progress and heartbeat, and the end state, only while this runner holds the claim. */
  async update(id: string, worker: string, changes: Updateable<ExportsTable>): Promise<boolean> {
    const result = await this.db
      .updateTable('exports')
      .set(changes)
      .where('id', '=', id)
      .where('claimed_by', '=', worker)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** The requester as an actor is rebuilt from: account state and deputy link. */
  async requester(userId: string) {
    return this.db
      .selectFrom('users')
      .leftJoin('deputies', 'deputies.user_id', 'users.id')
      .select([
        'users.id',
        'users.username',
        'users.display_name',
        'users.status',
        'deputies.id as deputy_id',
      ])
      .where('users.id', '=', userId)
      .executeTakeFirst();
  }

  async bodyPath(bodyId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('bodies').select('path').where('id', '=', bodyId).executeTakeFirst();
    return row?.path;
  }
}
