import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { CategoriesTable } from '../db/schema.js';

export type CategoryRow = Selectable<CategoriesTable>;

export class CategoriesRepository {
  constructor(private readonly db: Db) {}

  async ofBody(bodyId: string): Promise<(CategoryRow & { unit_ids: string | null })[]> {
    const rows = await this.db
      .selectFrom('categories')
      .selectAll()
      .where('body_id', '=', bodyId)
      .orderBy('sort_order')
      .orderBy('name')
      .execute();
    const links = rows.length
      ? await this.db
          .selectFrom('category_units')
          .select(['category_id', 'unit_id', 'role'])
          .where(
            'category_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute()
      : [];
    return rows.map((r) => ({
      ...r,
      unit_ids: JSON.stringify(
        links.filter((l) => l.category_id === r.id).map((l) => ({ unitId: l.unit_id, role: l.role })),
      ),
    }));
  }

  async findById(id: string, executor: Executor = this.db): Promise<CategoryRow | undefined> {
    return executor.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(row: CategoryRow, executor: Executor): Promise<void> {
    await executor.insertInto('categories').values(row).execute();
  }

  async update(
    id: string,
    changes: Partial<Pick<CategoryRow, 'name' | 'sort_order' | 'parent_id'>>,
    executor: Executor,
  ): Promise<void> {
    await executor.updateTable('categories').set(changes).where('id', '=', id).execute();
  }

  async replaceUnits(
    categoryId: string,
    units: { unitId: string; role: string }[],
    executor: Executor,
  ): Promise<void> {
    await executor.deleteFrom('category_units').where('category_id', '=', categoryId).execute();
    if (units.length > 0)
      await executor
        .insertInto('category_units')
        .values(units.map((u) => ({ category_id: categoryId, unit_id: u.unitId, role: u.role })))
        .execute();
  }

  async inUse(id: string, executor: Executor): Promise<boolean> {
    const used = await executor
      .selectFrom('suggestions')
      .select('id')
      .where('category_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    const child = await executor
      .selectFrom('categories')
      .select('id')
      .where('parent_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    return used !== undefined || child !== undefined;
  }

  async delete(id: string, executor: Executor): Promise<void> {
    await executor.deleteFrom('category_units').where('category_id', '=', id).execute();
    await executor.deleteFrom('categories').where('id', '=', id).execute();
  }
}
