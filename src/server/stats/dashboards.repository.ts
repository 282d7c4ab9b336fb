import { sql } from 'kysely';
import type { Db } from '../db/database.js';

const pathUpper = (prefix: string) => `${prefix.slice(0, -1)}0`;

/** Queries the dashboards add to the indicator sums: the pipeline and deadlines per unit. */
export class DashboardsRepository {
  constructor(private readonly db: Db) {}

  /** Items of a subtree by status (from acceptance on), optionally of one assignment year. */
  async pipeline(bodyPath: string, statuses: string[]) {
    const rows = await this.db
      .selectFrom('suggestions')
      .innerJoin('bodies', 'bodies.id', 'suggestions.body_id')
      .select(['suggestions.status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('bodies.path', '>=', bodyPath)
      .where('bodies.path', '<', pathUpper(bodyPath))
      .where('suggestions.status', 'in', statuses)
      .groupBy('suggestions.status')
      .execute();
    return rows.map((r) => ({ status: r.status, count: Number(r.n) }));
  }

  /** Per unit: owed replies due within [today, weekEnd] and overdue ones. */
  async deadlinesByUnit(bodyPath: string, today: string, weekEnd: string, unitId?: string) {
    let query = this.db
      .selectFrom('stats_facts')
      .innerJoin('units', 'units.id', 'stats_facts.unit_id')
      .select([
        'stats_facts.unit_id',
        'units.name',
        sql<number>`sum(case when stats_facts.open_due_on >= ${today} and stats_facts.open_due_on <= ${weekEnd} then 1 else 0 end)`.as(
          'due_this_week',
        ),
        sql<number>`sum(case when stats_facts.open_due_on < ${today} then 1 else 0 end)`.as('overdue'),
      ])
      .where('stats_facts.unit_id', '>', '')
      .where('stats_facts.body_path', '>=', bodyPath)
      .where('stats_facts.body_path', '<', pathUpper(bodyPath))
      .where('stats_facts.open_due_on', 'is not', null)
      .where('stats_facts.open_due_on', '<=', weekEnd);
    if (unitId) query = query.where('stats_facts.unit_id', '=', unitId);
    const rows = await query.groupBy(['stats_facts.unit_id', 'units.name']).execute();
    return rows.map((r) => ({
      unitId: r.unit_id,
      unitName: r.name,
      dueThisWeek: Number(r.due_this_week),
      overdue: Number(r.overdue),
    }));
  }

  async unit(unitId: string) {
    return this.db
      .selectFrom('units')
      .select(['id', 'name', 'body_id'])
      .where('id', '=', unitId)
      .executeTakeFirst();
  }
}
