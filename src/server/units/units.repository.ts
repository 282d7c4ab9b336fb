import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { UnitRow } from '../db/schema.js';

export class UnitsRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string, executor: Executor = this.db): Promise<UnitRow | undefined> {
    return executor.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByIds(ids: string[], executor: Executor = this.db): Promise<UnitRow[]> {
    if (ids.length === 0) return [];
    return executor.selectFrom('units').selectAll().where('id', 'in', ids).execute();
  }
}
