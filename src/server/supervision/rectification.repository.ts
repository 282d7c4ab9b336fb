import type { Selectable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { RectificationTasksTable } from '../db/schema-oversight.js';

export type RectificationRecord = Selectable<RectificationTasksTable>;

/** Ratings counted for satisfaction per unit, and the rectification tasks of units below it. */
export class RectificationRepository {
  constructor(private readonly db: Db) {}

  /**
   * Items of a body closed in [from, to) with the lead deputy's rating of the last round, counted
   * per replying unit (lead and separate) and result. Items closed without feedback have no such
   * rating and so never count.
   */
  async ratingCounts(bodyId: string, fromIso: string, toIso: string) {
    const rows = await this.db
      .selectFrom('suggestions')
      .innerJoin('ratings', (join) =>
        join
          .onRef('ratings.suggestion_id', '=', 'suggestions.id')
          .onRef('ratings.round', '=', 'suggestions.handling_round')
          .on('ratings.is_lead', '=', 1),
      )
      .innerJoin('assignments', 'assignments.suggestion_id', 'suggestions.id')
      .innerJoin('units', 'units.id', 'assignments.unit_id')
      .select([
        'assignments.unit_id',
        'units.name as unit_name',
        'ratings.result',
        (eb) => eb.fn.count<number>('suggestions.id').distinct().as('n'),
      ])
      .where('suggestions.body_id', '=', bodyId)
      .where('suggestions.status', '=', 'closed')
      .where('suggestions.close_reason', 'in', ['rated', 'unsatisfied_escalated'])
      .where('suggestions.closed_at', '>=', fromIso)
      .where('suggestions.closed_at', '<', toIso)
      .where('assignments.role', 'in', ['lead', 'separate'])
      .where('assignments.status', '!=', 'reassigned')
      .groupBy(['assignments.unit_id', 'units.name', 'ratings.result'])
      .orderBy('units.name')
      .execute();
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  }

  private withUnit(executor: Executor) {
    return executor
      .selectFrom('rectification_tasks')
      .innerJoin('units', 'units.id', 'rectification_tasks.unit_id')
      .selectAll('rectification_tasks')
      .select('units.name as unit_name');
  }

  async findById(id: string, executor: Executor = this.db) {
    return this.withUnit(executor).where('rectification_tasks.id', '=', id).executeTakeFirst();
  }

  async list(filter: { bodyId: string; year?: number; status?: string; unitIds?: string[] }) {
    let query = this.withUnit(this.db).where('rectification_tasks.body_id', '=', filter.bodyId);
    if (filter.year !== undefined) query = query.where('rectification_tasks.year', '=', filter.year);
    if (filter.status) query = query.where('rectification_tasks.status', '=', filter.status);
    if (filter.unitIds)
      query = query.where(
        'rectification_tasks.unit_id',
        'in',
        filter.unitIds.length > 0 ? filter.unitIds : ['-'],
      );
    return query.orderBy('rectification_tasks.year', 'desc').orderBy('units.name').execute();
  }

  /** Task ids by unit for a body's year (one task per unit and year). */
  async ofYear(bodyId: string, year: number): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('rectification_tasks')
      .select(['id', 'unit_id'])
      .where('body_id', '=', bodyId)
      .where('year', '=', year)
      .execute();
    return new Map(rows.map((r) => [r.unit_id, r.id]));
  }

  /** Creates the task unless the unit already has one for the year; false then. */
  async insertOnce(row: RectificationRecord, executor: Executor): Promise<boolean> {
    const result = await executor
      .insertInto('rectification_tasks')
      .values(row)
      .onConflict((oc) => oc.columns(['body_id', 'unit_id', 'year']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** The only writer of `status`: compare-and-set on status and version. */
  async transition(
    id: string,
    from: { status: string; version: number },
    to: string,
    changes: Updateable<RectificationTasksTable>,
    executor: Executor,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('rectification_tasks')
      .set({ ...changes, status: to, version: from.version + 1 })
      .where('id', '=', id)
      .where('status', '=', from.status)
      .where('version', '=', from.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
