import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { DelegationsTable } from '../db/schema.js';

export type DelegationRow = Selectable<DelegationsTable>;

export class DelegationsRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string, executor: Executor = this.db): Promise<DelegationRow | undefined> {
    return executor.selectFrom('delegations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByName(
    termId: string,
    name: string,
    executor: Executor = this.db,
  ): Promise<DelegationRow | undefined> {
    return executor
      .selectFrom('delegations')
      .selectAll()
      .where('term_id', '=', termId)
      .where('name', '=', name)
      .executeTakeFirst();
  }

  async list(
    filter: { bodyId?: string; termId?: string },
    executor: Executor = this.db,
  ): Promise<DelegationRow[]> {
    let query = executor.selectFrom('delegations').selectAll();
    if (filter.bodyId) query = query.where('body_id', '=', filter.bodyId);
    if (filter.termId) query = query.where('term_id', '=', filter.termId);
    return query.orderBy('name').orderBy('id').execute();
  }

  async insert(row: Insertable<DelegationsTable>, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('delegations').values(row).execute();
  }

  async update(
    id: string,
    changes: Updateable<DelegationsTable>,
    executor: Executor = this.db,
  ): Promise<void> {
    await executor.updateTable('delegations').set(changes).where('id', '=', id).execute();
  }

  async delete(id: string, executor: Executor = this.db): Promise<void> {
    await executor.deleteFrom('delegations').where('id', '=', id).execute();
  }

  /** Deputy seats placed in the delegation. */
  async seatCount(id: string, executor: Executor = this.db): Promise<number> {
    const row = await executor
      .selectFrom('deputy_seats')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('delegation_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
