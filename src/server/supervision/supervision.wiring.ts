import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { SupervisionRepository } from './supervision.repository.js';
import { SupervisionViews } from './supervision.views.js';
import { SupervisionService } from './supervision.service.js';
import { SupervisionOfficeService } from './supervision-office.service.js';
import { RectificationRepository } from './rectification.repository.js';
import { RectificationService } from './rectification.service.js';

interface Dependencies {
  db: Db;
  audit: AuditService;
  clock: Clock;
  bodies: BodiesService;
  settings: SettingsService;
  calendar: CalendarService;
  notifications: NotificationsService;
}

/** Wires supervision (督办): boards, the offices' overview and reminders, rectification. */
export function createSupervisionServices(d: Dependencies) {
  const repository = new SupervisionRepository(d.db);
  const views = new SupervisionViews(repository, d.settings, d.clock);
  return {
    supervision: new SupervisionService(d.db, repository, views, d.bodies, d.notifications, d.audit, d.clock),
    supervisionOffice: new SupervisionOfficeService(
      d.db,
      repository,
      views,
      d.bodies,
      d.notifications,
      d.audit,
      d.clock,
    ),
    rectifications: new RectificationService(
      d.db,
      new RectificationRepository(d.db),
      d.bodies,
      d.settings,
      d.calendar,
      d.notifications,
      d.audit,
      d.clock,
    ),
  };
}
