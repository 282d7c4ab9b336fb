import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { AppraisalRepository } from './appraisal.repository.js';
import { AppraisalService } from './appraisal.service.js';

interface Dependencies {
  db: Db;
  audit: AuditService;
  clock: Clock;
  bodies: BodiesService;
  settings: SettingsService;
}

/** Wires the unit appraisal. */
export function createAppraisalServices(d: Dependencies) {
  return {
    appraisal: new AppraisalService(
      d.db,
      new AppraisalRepository(d.db),
      d.bodies,
      d.settings,
      d.audit,
      d.clock,
    ),
  };
}
