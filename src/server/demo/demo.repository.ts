import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { Database } from '../db/schema.js';

/** Bulk inserts for generated data (demo county, benchmarks): many rows per statement. */
export class DemoRepository {
  constructor(private readonly db: Db) {}

  async insertMany<T extends keyof Database & string>(
    table: T,
    rows: Insertable<Database[T]>[],
    executor: Executor = this.db,
    chunkSize = 200,
  ): Promise<void> {
    for (let start = 0; start < rows.length; start += chunkSize) {
      const chunk = rows.slice(start, start + chunkSize);
      // Kysely cannot narrow a generic table name; the rows are typed by the caller.
      await executor
        .insertInto(table)
        .values(chunk as never)
        .execute();
    }
  }

  async isEmpty(executor: Executor = this.db): Promise<boolean> {
    const row = await executor.selectFrom('bodies').select('id').limit(1).executeTakeFirst();
    return row === undefined;
  }

  async linkDeputyAccount(deputyId: string, userId: string, executor: Executor = this.db): Promise<void> {
    await executor.updateTable('deputies').set({ user_id: userId }).where('id', '=', deputyId).execute();
  }
}
