import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { CongressSessionsTable } from '../db/schema.js';

export type CongressSessionRow = Selectable<CongressSessionsTable>;

export class CongressSessionsRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string, executor: Executor = this.db): Promise<CongressSessionRow | undefined> {
    return executor.selectFrom('congress_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByNumber(
    termId: string,
    number: number,
    executor: Executor = this.db,
  ): Promise<CongressSessionRow | undefined> {
    return executor
      .selectFrom('congress_sessions')
      .selectAll()
      .where('term_id', '=', termId)
      .where('number', '=', number)
      .executeTakeFirst();
  }

  /** Sessions of a body and/or term, newest first. */
  async list(
    filter: { bodyId?: string; termId?: string },
    executor: Executor = this.db,
  ): Promise<CongressSessionRow[]> {
    let query = executor.selectFrom('congress_sessions').selectAll();
    if (filter.bodyId) query = query.where('body_id', '=', filter.bodyId);
    if (filter.termId) query = query.where('term_id', '=', filter.termId);
    return query.orderBy('start_date', 'desc').orderBy('number', 'desc').execute();
  }

  async insert(row: Insertable<CongressSessionsTable>, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('congress_sessions').values(row).execute();
  }

  async update(
    id: string,
    changes: Updateable<CongressSessionsTable>,
    executor: Executor = this.db,
  ): Promise<void> {
    await executor.updateTable('congress_sessions').set(changes).where('id', '=', id).execute();
  }

  async delete(id: string, executor: Executor = this.db): Promise<void> {
    await executor.deleteFrom('congress_sessions').where('id', '=', id).execute();
  }
}
