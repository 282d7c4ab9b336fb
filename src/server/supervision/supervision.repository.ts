import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type {
  SupervisionActivitiesTable,
  SupervisionProgressTable,
  SupervisionRemindersTable,
} from '../db/schema-oversight.js';

export interface ItemFilter {
  bodyId?: string;
  ids?: string[];
  sessionId?: string;
  statuses: string[];
  key?: boolean;
  unitId?: string;
}

/** The most items one overview computes warnings for (a province's session has < 1,000). */
const overviewLimit = 5000;

/** Items under supervision, their leaders, activities, units' progress reports and reminders. */
export class SupervisionRepository {
  constructor(private readonly db: Db) {}

  /** Items with the lead deputy's name (named columns only, no contact data). */
  async items(filter: ItemFilter) {
    let query = this.db
      .selectFrom('suggestions')
      .innerJoin('deputies', 'deputies.id', 'suggestions.lead_deputy_id')
      .select([
        'suggestions.id',
        'suggestions.body_id',
        'suggestions.title',
        'suggestions.status',
        'suggestions.key_status',
        'suggestions.escalated',
        'suggestions.timing',
        'suggestions.serial_number',
        'suggestions.accepted_at',
        'deputies.name as lead_deputy_name',
      ])
      .where('suggestions.status', 'in', filter.statuses.length > 0 ? filter.statuses : ['-']);
    if (filter.bodyId) query = query.where('suggestions.body_id', '=', filter.bodyId);
    if (filter.ids) query = query.where('suggestions.id', 'in', filter.ids.length > 0 ? filter.ids : ['-']);
    if (filter.sessionId) query = query.where('suggestions.session_id', '=', filter.sessionId);
    if (filter.key !== undefined)
      query = query.where('suggestions.key_status', filter.key ? '!=' : '=', 'none');
    if (filter.unitId) {
      const unitId = filter.unitId;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('assignments')
            .select('assignments.id')
            .whereRef('assignments.suggestion_id', '=', 'suggestions.id')
            .where('assignments.unit_id', '=', unitId)
            .where('assignments.status', '!=', 'reassigned'),
        ),
      );
    }
    return query
      .orderBy('suggestions.serial_number')
      .orderBy('suggestions.id')
      .limit(overviewLimit)
      .execute();
  }

  /** Active (not reassigned) assignments with what stage and warnings need. */
  async assignmentsOf(suggestionIds: string[]) {
    if (suggestionIds.length === 0) return [];
    return this.db
      .selectFrom('assignments')
      .innerJoin('units', 'units.id', 'assignments.unit_id')
      .select([
        'assignments.id',
        'assignments.suggestion_id',
        'assignments.unit_id',
        'assignments.role',
        'assignments.status',
        'assignments.assigned_on',
        'assignments.reply_due_on',
        'assignments.plan',
        'units.name as unit_name',
      ])
      .where('assignments.suggestion_id', 'in', suggestionIds)
      .where('assignments.status', '!=', 'reassigned')
      .orderBy('assignments.created_at')
      .execute();
  }

  async leadersOf(suggestionIds: string[]) {
    if (suggestionIds.length === 0) return [];
    return this.db
      .selectFrom('suggestion_leaders')
      .select(['id', 'suggestion_id', 'kind', 'name', 'title', 'group_name', 'user_id'])
      .where('suggestion_id', 'in', suggestionIds)
      .orderBy('created_at')
      .execute();
  }

  /** The leader entries linked to a user, on items still flagged key. */
  async entriesOfUser(userId: string) {
    return this.db
      .selectFrom('suggestion_leaders')
      .innerJoin('suggestions', 'suggestions.id', 'suggestion_leaders.suggestion_id')
      .select(['suggestion_leaders.suggestion_id', 'suggestion_leaders.kind'])
      .where('suggestion_leaders.user_id', '=', userId)
      .where('suggestions.key_status', '!=', 'none')
      .execute();
  }

  async leaderById(id: string) {
    return this.db
      .selectFrom('suggestion_leaders')
      .innerJoin('suggestions', 'suggestions.id', 'suggestion_leaders.suggestion_id')
      .select([
        'suggestion_leaders.id',
        'suggestion_leaders.suggestion_id',
        'suggestion_leaders.kind',
        'suggestion_leaders.name',
        'suggestion_leaders.user_id',
        'suggestions.body_id',
        'suggestions.title',
      ])
      .where('suggestion_leaders.id', '=', id)
      .executeTakeFirst();
  }

  async linkLeader(id: string, userId: string | null, executor: Executor): Promise<void> {
    await executor.updateTable('suggestion_leaders').set({ user_id: userId }).where('id', '=', id).execute();
  }

  async activeUser(userId: string) {
    return this.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', '=', userId)
      .where('status', '=', 'active')
      .executeTakeFirst();
  }

  async activitiesOf(suggestionIds: string[]) {
    if (suggestionIds.length === 0) return [];
    return this.db
      .selectFrom('supervision_activities')
      .selectAll()
      .where('suggestion_id', 'in', suggestionIds)
      .orderBy('activity_on')
      .orderBy('created_at')
      .execute();
  }

  async progressOf(suggestionIds: string[]) {
    if (suggestionIds.length === 0) return [];
    return this.db
      .selectFrom('supervision_progress')
      .innerJoin('units', 'units.id', 'supervision_progress.unit_id')
      .selectAll('supervision_progress')
      .select('units.name as unit_name')
      .where('supervision_progress.suggestion_id', 'in', suggestionIds)
      .orderBy('supervision_progress.report_on')
      .orderBy('supervision_progress.created_at')
      .execute();
  }

  async remindersOf(suggestionId: string) {
    return this.db
      .selectFrom('supervision_reminders')
      .innerJoin('units', 'units.id', 'supervision_reminders.unit_id')
      .selectAll('supervision_reminders')
      .select('units.name as unit_name')
      .where('supervision_reminders.suggestion_id', '=', suggestionId)
      .orderBy('supervision_reminders.created_at')
      .execute();
  }

  async insertActivity(row: Insertable<SupervisionActivitiesTable>, executor: Executor): Promise<void> {
    await executor.insertInto('supervision_activities').values(row).execute();
  }

  async insertProgress(row: Insertable<SupervisionProgressTable>, executor: Executor): Promise<void> {
    await executor.insertInto('supervision_progress').values(row).execute();
  }

  async insertReminders(rows: Insertable<SupervisionRemindersTable>[], executor: Executor): Promise<void> {
    if (rows.length > 0) await executor.insertInto('supervision_reminders').values(rows).execute();
  }
}
