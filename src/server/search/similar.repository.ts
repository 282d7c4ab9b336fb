import type { Db } from '../db/database.js';

/** What similar suggestions and recommendations show about past items: names, units, outcomes, ratings. */
export class SimilarRepository {
  constructor(private readonly db: Db) {}

  async body(id: string) {
    return this.db
      .selectFrom('bodies')
      .select(['id', 'path', 'name'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async bodies(ids: string[]) {
    if (ids.length === 0) return [];
    return this.db.selectFrom('bodies').select(['id', 'name', 'path']).where('id', 'in', ids).execute();
  }

  async sessionNames(ids: string[]) {
    if (ids.length === 0) return new Map<string, string>();
    const rows = await this.db
      .selectFrom('congress_sessions')
      .select(['id', 'name'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Current (not reassigned) assignments of the items, with unit names. */
  async assignments(suggestionIds: string[]) {
    if (suggestionIds.length === 0) return [];
    return this.db
      .selectFrom('assignments')
      .innerJoin('units', 'units.id', 'assignments.unit_id')
      .select([
        'assignments.suggestion_id',
        'assignments.unit_id',
        'assignments.role',
        'units.name as unit_name',
      ])
      .where('assignments.suggestion_id', 'in', suggestionIds)
      .where('assignments.status', '!=', 'reassigned')
      .orderBy('assignments.suggestion_id')
      .orderBy('assignments.created_at')
      .execute();
  }

  /** Outcome classes of sent replies, latest round last. */
  async sentOutcomes(suggestionIds: string[]) {
    if (suggestionIds.length === 0) return [];
    return this.db
      .selectFrom('replies')
      .select(['suggestion_id', 'outcome_class', 'round'])
      .where('suggestion_id', 'in', suggestionIds)
      .where('status', '=', 'sent')
      .orderBy('suggestion_id')
      .orderBy('round')
      .orderBy('created_at')
      .execute();
  }

  /** The lead deputy's ratings, latest round last. */
  async leadRatings(suggestionIds: string[]) {
    if (suggestionIds.length === 0) return [];
    return this.db
      .selectFrom('ratings')
      .select(['suggestion_id', 'attitude', 'result', 'round'])
      .where('suggestion_id', 'in', suggestionIds)
      .where('is_lead', '=', 1)
      .orderBy('suggestion_id')
      .orderBy('round')
      .orderBy('created_at')
      .execute();
  }

  async categories(ids: string[]) {
    if (ids.length === 0) return new Map<string, string>();
    const rows = await this.db
      .selectFrom('categories')
      .select(['id', 'name'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The units usually handling a category (category → unit mapping). */
  async categoryUnits(categoryId: string) {
    return this.db
      .selectFrom('category_units')
      .innerJoin('units', 'units.id', 'category_units.unit_id')
      .select(['category_units.unit_id', 'category_units.role', 'units.name as unit_name'])
      .where('category_units.category_id', '=', categoryId)
      .orderBy('units.name')
      .execute();
  }
}
