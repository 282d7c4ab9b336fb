import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { SuggestionsService } from '../suggestions/suggestions.service.js';
import type { HandlingService } from '../suggestions/handling.service.js';
import { AssignmentsRepository } from '../suggestions/assignments.repository.js';
import { RepliesRepository } from '../suggestions/replies.repository.js';
import { SuggestionPartsRepository } from '../suggestions/suggestion-parts.repository.js';
import { RecordsRepository } from './records.repository.js';
import { RecordViews } from './record.views.js';
import { RecordsService } from './records.service.js';

interface Dependencies {
  db: Db;
  audit: AuditService;
  clock: Clock;
  bodies: BodiesService;
  settings: SettingsService;
  notifications: NotificationsService;
  suggestions: SuggestionsService;
  handling: HandlingService;
}

/** Wires the handling record (全程纪实表); it reads the suggestion process through its repositories. */
export function createRecordServices(d: Dependencies) {
  const repository = new RecordsRepository(d.db);
  const assignments = new AssignmentsRepository(d.db);
  const parts = new SuggestionPartsRepository(d.db);
  const recordViews = new RecordViews(
    repository,
    assignments,
    new RepliesRepository(d.db),
    parts,
    d.handling,
    d.settings,
    d.clock,
  );
  const records = new RecordsService(
    d.db,
    repository,
    recordViews,
    d.suggestions,
    assignments,
    parts,
    d.bodies,
    d.notifications,
    d.audit,
    d.clock,
  );
  return { records, recordViews };
}
