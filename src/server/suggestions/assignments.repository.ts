import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { AssignmentBatchesTable, AssignmentRow, AssignmentsTable } from '../db/schema.js';

export type AssignmentWithUnit = AssignmentRow & { unit_name: string };

export interface InboxFilter {
  unitIds: string[];
  status?: string;
  /** Only assignments in (`in`) or out of (`notIn`) these statuses. */
  statuses?: { in?: readonly string[]; notIn?: readonly string[] };
  overdueOn?: string;
}

export class AssignmentsRepository {
  constructor(private readonly db: Db) {}

  async insertMany(rows: Insertable<AssignmentsTable>[], executor: Executor): Promise<void> {
    if (rows.length > 0) await executor.insertInto('assignments').values(rows).execute();
  }

  async findById(id: string, executor: Executor = this.db): Promise<AssignmentRow | undefined> {
    return executor.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async ofSuggestions(suggestionIds: string[], executor: Executor = this.db): Promise<AssignmentWithUnit[]> {
    if (suggestionIds.length === 0) return [];
    return executor
      .selectFrom('assignments')
      .innerJoin('units', 'units.id', 'assignments.unit_id')
      .selectAll('assignments')
      .select('units.name as unit_name')
      .where('assignments.suggestion_id', 'in', suggestionIds)
      .orderBy('assignments.created_at')
      .execute();
  }

  /** The only writer of an assignment's status: compare-and-set on status and version. */
  async transition(
    id: string,
    from: { status: string; version: number },
    to: string,
    changes: Updateable<AssignmentsTable>,
    executor: Executor,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('assignments')
      .set({ ...changes, status: to, version: from.version + 1 })
      .where('id', '=', id)
      .where('status', '=', from.status)
      .where('version', '=', from.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async inbox(filter: InboxFilter, page: number, pageSize: number) {
    let query = this.db
      .selectFrom('assignments')
      .innerJoin('suggestions', 'suggestions.id', 'assignments.suggestion_id')
      .where('assignments.unit_id', 'in', filter.unitIds.length > 0 ? filter.unitIds : ['-'])
      .where('assignments.status', '!=', 'reassigned');
    if (filter.status) query = query.where('assignments.status', '=', filter.status);
    if (filter.statuses?.in) query = query.where('assignments.status', 'in', [...filter.statuses.in]);
    if (filter.statuses?.notIn)
      query = query.where('assignments.status', 'not in', [...filter.statuses.notIn]);
    if (filter.overdueOn)
      query = query
        .where('assignments.reply_due_on', '<', filter.overdueOn)
        .where('suggestions.status', 'in', ['handling', 'rehandling']);
    const [items, count] = await Promise.all([
      query
        .innerJoin('units', 'units.id', 'assignments.unit_id')
        .innerJoin('deputies', 'deputies.id', 'suggestions.lead_deputy_id')
        .selectAll('assignments')
        .select([
          'units.name as unit_name',
          'suggestions.title',
          'suggestions.serial_number',
          'suggestions.session_id',
          'suggestions.status as suggestion_status',
          'deputies.name as lead_deputy_name',
        ])
        .orderBy('assignments.reply_due_on')
        .orderBy('assignments.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.total) };
  }

  async insertBatch(row: Insertable<AssignmentBatchesTable>, executor: Executor): Promise<void> {
    await executor.insertInto('assignment_batches').values(row).execute();
  }
}
