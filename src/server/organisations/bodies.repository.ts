import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { BodyRow } from '../db/schema.js';

export class BodiesRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string, executor: Executor = this.db): Promise<BodyRow | undefined> {
    return executor.selectFrom('bodies').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByIds(ids: string[], executor: Executor = this.db): Promise<BodyRow[]> {
    if (ids.length === 0) return [];
    return executor.selectFrom('bodies').selectAll().where('id', 'in', ids).execute();
  }

  /** Bodies in the subtrees under the given paths (null: every body). */
  async listUnder(pathPrefixes: string[] | null, executor: Executor = this.db): Promise<BodyRow[]> {
    let query = executor.selectFrom('bodies').selectAll();
    if (pathPrefixes)
      query = query.where((eb) =>
        eb.or(
          pathPrefixes.length > 0 ? pathPrefixes.map((p) => eb('path', 'like', `${p}%`)) : [eb.lit(false)],
        ),
      );
    return query.orderBy('path').execute();
  }

  async roots(executor: Executor = this.db): Promise<BodyRow[]> {
    return executor.selectFrom('bodies').selectAll().where('parent_id', 'is', null).orderBy('name').execute();
  }

  async insert(row: BodyRow, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('bodies').values(row).execute();
  }

  async update(
    id: string,
    changes: Partial<Pick<BodyRow, 'name' | 'region_code' | 'region_name' | 'updated_at'>>,
    executor: Executor = this.db,
  ): Promise<void> {
    await executor.updateTable('bodies').set(changes).where('id', '=', id).execute();
  }

  async hasChildren(id: string, executor: Executor = this.db): Promise<boolean> {
    const row = await executor
      .selectFrom('bodies')
      .select('id')
      .where('parent_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
