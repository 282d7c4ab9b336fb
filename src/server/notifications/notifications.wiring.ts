import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { SettingsRepository } from '../settings/settings.repository.js';
import { NotificationChannelsService } from './notification-channels.service.js';
import { NotificationDispatcher } from './notification-dispatcher.js';
import { OutboxRepository } from './outbox.repository.js';

/** Wires the external channels: their settings and the dispatcher that delivers the outbox. */
export function createNotificationChannelServices(
  db: Db,
  settings: SettingsRepository,
  audit: AuditService,
  clock: Clock,
) {
  const notificationChannels = new NotificationChannelsService(db, settings, audit, clock);
  return {
    notificationChannels,
    notificationDispatcher: new NotificationDispatcher(new OutboxRepository(db), notificationChannels, clock),
  };
}
