import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { CalendarOverridesTable } from '../db/schema.js';

export type CalendarOverrideRow = CalendarOverridesTable;

export class CalendarRepository {
  constructor(private readonly db: Db) {}

  /** Every override, or those of one year; by date. */
  async list(year?: number, executor: Executor = this.db): Promise<CalendarOverrideRow[]> {
    let query = executor.selectFrom('calendar_overrides').selectAll();
    // Dates are `YYYY-MM-DD` text, so a year is a plain string range in both dialects.
    if (year !== undefined)
      query = query.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
    return query.orderBy('date').execute();
  }

  async find(date: string, executor: Executor = this.db): Promise<CalendarOverrideRow | undefined> {
    return executor.selectFrom('calendar_overrides').selectAll().where('date', '=', date).executeTakeFirst();
  }

  /** Inserts or replaces the override of a date; `created_at` stays that of the first version. */
  async upsert(row: CalendarOverrideRow, executor: Executor = this.db): Promise<void> {
    await executor
      .insertInto('calendar_overrides')
      .values(row)
      .onConflict((oc) => oc.column('date').doUpdateSet({ kind: row.kind, note: row.note }))
      .execute();
  }

  async delete(date: string, executor: Executor = this.db): Promise<void> {
    await executor.deleteFrom('calendar_overrides').where('date', '=', date).execute();
  }
}
