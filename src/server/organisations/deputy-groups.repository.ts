import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { DeputyGroupsTable } from '../db/schema.js';

export type DeputyGroupRow = Selectable<DeputyGroupsTable>;

export class DeputyGroupsRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string, executor: Executor = this.db): Promise<DeputyGroupRow | undefined> {
    return executor.selectFrom('deputy_groups').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A group by name in a body and term (null: the groups that span terms). */
  async findByName(
    bodyId: string,
    termId: string | null,
    name: string,
    executor: Executor = this.db,
  ): Promise<DeputyGroupRow | undefined> {
    const query = executor
      .selectFrom('deputy_groups')
      .selectAll()
      .where('body_id', '=', bodyId)
      .where('name', '=', name);
    return (
      termId === null ? query.where('term_id', 'is', null) : query.where('term_id', '=', termId)
    ).executeTakeFirst();
  }

  async list(
    filter: { bodyId?: string; termId?: string },
    executor: Executor = this.db,
  ): Promise<DeputyGroupRow[]> {
    let query = executor.selectFrom('deputy_groups').selectAll();
    if (filter.bodyId) query = query.where('body_id', '=', filter.bodyId);
    if (filter.termId) query = query.where('term_id', '=', filter.termId);
    return query.orderBy('name').orderBy('id').execute();
  }

  async insert(row: Insertable<DeputyGroupsTable>, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('deputy_groups').values(row).execute();
  }

  async update(
    id: string,
    changes: Updateable<DeputyGroupsTable>,
    executor: Executor = this.db,
  ): Promise<void> {
    await executor.updateTable('deputy_groups').set(changes).where('id', '=', id).execute();
  }

  async delete(id: string, executor: Executor = this.db): Promise<void> {
    await executor.deleteFrom('deputy_groups').where('id', '=', id).execute();
  }

  async seatCount(id: string, executor: Executor = this.db): Promise<number> {
    const row = await executor
      .selectFrom('deputy_seats')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('group_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
