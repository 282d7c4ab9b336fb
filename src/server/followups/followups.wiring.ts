import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { JobsService } from '../jobs/jobs.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { FollowupsRepository } from './followups.repository.js';
import { FollowupsService } from './followups.service.js';
import { FollowupLedger, registerFollowupJobs } from './followups.jobs.js';

interface Dependencies {
  db: Db;
  audit: AuditService;
  clock: Clock;
  bodies: BodiesService;
  settings: SettingsService;
  jobs: JobsService;
  notifications: NotificationsService;
}

/** Wires the follow-up ledger and registers the job that enters promises of sent replies. */
export function createFollowupServices(d: Dependencies) {
  const repository = new FollowupsRepository(d.db);
  registerFollowupJobs(d.jobs, new FollowupLedger(repository, d.settings, d.notifications, d.audit, d.clock));
  return {
    followups: new FollowupsService(d.db, repository, d.bodies, d.notifications, d.audit, d.clock),
  };
}
