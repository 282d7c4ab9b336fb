import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { CommitteesTable } from '../db/schema.js';

export type CommitteeRow = Selectable<CommitteesTable>;

export class CommitteesRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string, executor: Executor = this.db): Promise<CommitteeRow | undefined> {
    return executor.selectFrom('committees').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByName(
    bodyId: string,
    name: string,
    executor: Executor = this.db,
  ): Promise<CommitteeRow | undefined> {
    return executor
      .selectFrom('committees')
      .selectAll()
      .where('body_id', '=', bodyId)
      .where('name', '=', name)
      .executeTakeFirst();
  }

  async list(
    filter: { bodyId: string; kind?: string },
    executor: Executor = this.db,
  ): Promise<CommitteeRow[]> {
    let query = executor.selectFrom('committees').selectAll().where('body_id', '=', filter.bodyId);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    return query.orderBy('kind').orderBy('name').execute();
  }

  async insert(row: Insertable<CommitteesTable>, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('committees').values(row).execute();
  }

  async update(
    id: string,
    changes: Updateable<CommitteesTable>,
    executor: Executor = this.db,
  ): Promise<void> {
    await executor.updateTable('committees').set(changes).where('id', '=', id).execute();
  }

  async delete(id: string, executor: Executor = this.db): Promise<void> {
    await executor.deleteFrom('committees').where('id', '=', id).execute();
  }

  /** Role grants of committee staff that name the committee. */
  async roleCount(id: string, executor: Executor = this.db): Promise<number> {
    const row = await executor
      .selectFrom('user_roles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('committee_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
