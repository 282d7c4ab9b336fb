import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import type { ChannelName } from '../../shared/schemas/notifications.js';
import type { NotificationsRepository } from './notifications.repository.js';

export interface NotificationInput {
  kind: string;
  title: string;
  body: string;
  link?: string;
}

export type { ChannelName };

/**
 * The external channels enabled now. Called inside the caller's transaction, so it gets that
 * transaction to read with (SQLite has one connection).
 */
export type EnabledChannels = (executor: Executor) => ChannelName[] | Promise<ChannelName[]>;

/**
 * In-app notifications for each hand-off, written in the caller's transaction, plus one outbox
 * row per enabled external channel for the dispatcher to deliver with retries.
 */
export class NotificationsService {
  constructor(
    private readonly db: Db,
    private readonly repository: NotificationsRepository,
    private readonly clock: Clock,
    private readonly enabledChannels: EnabledChannels,
  ) {}

  async notifyUsers(executor: Executor, userIds: string[], input: NotificationInput): Promise<void> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return;
    const at = this.clock.now().toISOString();
    const rows = unique.map((userId) => ({
      id: newId(),
      user_id: userId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      link: input.link ?? null,
      read_at: null,
      created_at: at,
    }));
    await this.repository.insert(rows, executor);
    const channels = await this.enabledChannels(executor);
    await this.repository.insertOutbox(
      rows.flatMap((row) =>
        channels.map((channel) => ({
          id: newId(),
          notification_id: row.id,
          channel,
          status: 'pending',
          attempts: 0,
          next_attempt_at: at,
          last_error: null,
          claimed_by: null,
          claimed_until: null,
          sent_at: null,
          created_at: at,
        })),
      ),
      executor,
    );
  }

  async notifyDeputies(executor: Executor, deputyIds: string[], input: NotificationInput): Promise<void> {
    await this.notifyUsers(executor, await this.repository.deputyUserIds(deputyIds, executor), input);
  }

  async notifyUnits(executor: Executor, unitIds: string[], input: NotificationInput): Promise<void> {
    await this.notifyUsers(executor, await this.repository.unitUserIds(unitIds, executor), input);
  }

  async list(userId: string, unreadOnly: boolean, page: number, pageSize: number) {
    const result = await this.repository.listFor(userId, unreadOnly, page, pageSize);
    return {
      items: result.items.map((n) => ({
        id: n.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        readAt: n.read_at,
        createdAt: n.created_at,
      })),
      total: result.total,
      unread: result.unread,
      page,
      pageSize,
    };
  }

  async unreadCount(userId: string): Promise<number> {
    return this.repository.unreadCount(userId);
  }

  async markRead(userId: string, ids: string[] | 'all'): Promise<number> {
    return this.repository.markRead(userId, ids, this.clock.now().toISOString());
  }
}
