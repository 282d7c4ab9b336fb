import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { SavedViewsTable } from '../db/schema.js';

export type SavedViewRow = Selectable<SavedViewsTable>;

/** Users' saved list layouts; every query is bound to the owner. */
export class SavedViewsRepository {
  constructor(private readonly db: Db) {}

  async listFor(userId: string, listKey: string): Promise<SavedViewRow[]> {
    return this.db
      .selectFrom('saved_views')
      .selectAll()
      .where('user_id', '=', userId)
      .where('list_key', '=', listKey)
      .orderBy('name')
      .orderBy('id')
      .execute();
  }

  async findOwn(userId: string, id: string, executor: Executor = this.db): Promise<SavedViewRow | undefined> {
    return executor
      .selectFrom('saved_views')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  async countFor(userId: string, listKey: string, executor: Executor = this.db): Promise<number> {
    const row = await executor
      .selectFrom('saved_views')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('list_key', '=', listKey)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async nameTaken(userId: string, listKey: string, name: string, executor: Executor = this.db) {
    const row = await executor
      .selectFrom('saved_views')
      .select('id')
      .where('user_id', '=', userId)
      .where('list_key', '=', listKey)
      .where('name', '=', name)
      .executeTakeFirst();
    return row !== undefined;
  }

  async insert(row: SavedViewRow, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('saved_views').values(row).execute();
  }

  async delete(userId: string, id: string, executor: Executor = this.db): Promise<boolean> {
    const result = await executor
      .deleteFrom('saved_views')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}
