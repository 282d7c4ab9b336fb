import type { Db } from '../db/database.js';
import type { DialectHelpers } from '../db/dialect/dialect.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { SettingsRepository } from '../settings/settings.repository.js';
import { createBallotServices } from './ballots.wiring.js';
import { createLivelihoodServices } from '../livelihood/livelihood.wiring.js';
import { createEvaluationServices } from '../evaluations/evaluations.wiring.js';

interface Dependencies {
  db: Db;
  dialect: DialectHelpers;
  audit: AuditService;
  clock: Clock;
  bodies: BodiesService;
  calendar: CalendarService;
  notifications: NotificationsService;
  settingsRepository: SettingsRepository;
  /** Folder for progress photos (`MINYI_DATA_DIR`). */
  dataDir: string;
}

/**
 * Voting (issue 8): the ballot engine, and the two domains built on it, livelihood projects and
 * satisfaction evaluations, which apply a ballot's results when it closes.
 */
export function createVotingServices(d: Dependencies) {
  const ballotServices = createBallotServices(d);
  const livelihood = createLivelihoodServices({ ...d, ...ballotServices });
  const evaluations = createEvaluationServices({ ...d, ...ballotServices });
  return { ...ballotServices, ...livelihood, ...evaluations };
}
