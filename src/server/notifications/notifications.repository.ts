import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { NotificationOutboxTable, NotificationsTable } from '../db/schema.js';

export type NotificationRow = Selectable<NotificationsTable>;
export type OutboxRow = Selectable<NotificationOutboxTable>;

export class NotificationsRepository {
  constructor(private readonly db: Db) {}

  async insert(rows: Insertable<NotificationsTable>[], executor: Executor): Promise<void> {
    if (rows.length > 0) await executor.insertInto('notifications').values(rows).execute();
  }

  async insertOutbox(rows: Insertable<NotificationOutboxTable>[], executor: Executor): Promise<void> {
    if (rows.length > 0) await executor.insertInto('notification_outbox').values(rows).execute();
  }

  async listFor(userId: string, unreadOnly: boolean, page: number, pageSize: number) {
    let query = this.db.selectFrom('notifications').where('user_id', '=', userId);
    if (unreadOnly) query = query.where('read_at', 'is', null);
    const [items, count, unread] = await Promise.all([
      query
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      this.unreadCount(userId),
    ]);
    return { items, total: Number(count.n), unread };
  }

  async unreadCount(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async markRead(userId: string, ids: string[] | 'all', at: string): Promise<number> {
    let query = this.db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (ids !== 'all') query = query.where('id', 'in', ids.length > 0 ? ids : ['-']);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Users to notify for a unit: its handlers and leaders. */
  async unitUserIds(unitIds: string[], executor: Executor = this.db): Promise<string[]> {
    if (unitIds.length === 0) return [];
    const rows = await executor
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select('user_roles.user_id')
      .distinct()
      .where('user_roles.unit_id', 'in', unitIds)
      .where('users.status', '=', 'active')
      .execute();
    return rows.map((r) => r.user_id);
  }

  /** Accounts of deputies (a deputy without an account gets no in-app notification). */
  async deputyUserIds(deputyIds: string[], executor: Executor = this.db): Promise<string[]> {
    if (deputyIds.length === 0) return [];
    const rows = await executor
      .selectFrom('deputies')
      .select('user_id')
      .where('id', 'in', deputyIds)
      .where('user_id', 'is not', null)
      .execute();
    return rows.map((r) => r.user_id).filter((id): id is string => id !== null);
  }
}
