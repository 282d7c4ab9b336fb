import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { BallotsRepository } from '../ballots/ballots.repository.js';
import type { BallotsService } from '../ballots/ballots.service.js';
import type { BallotLifecycleService } from '../ballots/ballot-lifecycle.service.js';
import { EvaluationsRepository } from './evaluations.repository.js';
import { EvaluationsService, evaluationPurpose } from './evaluations.service.js';
import { EvaluationResults } from './evaluation-results.js';
import { SamplesService } from './samples.service.js';
import { RectificationsService } from './rectifications.service.js';

interface Dependencies {
  db: Db;
  audit: AuditService;
  clock: Clock;
  bodies: BodiesService;
  calendar: CalendarService;
  notifications: NotificationsService;
  ballotsRepository: BallotsRepository;
  ballots: BallotsService;
  ballotLifecycle: BallotLifecycleService;
}

/** Wires satisfaction evaluations (满意度测评) and registers what their ballots do when they close. */
export function createEvaluationServices(d: Dependencies) {
  const repository = new EvaluationsRepository(d.db);
  const evaluations = new EvaluationsService(
    d.db,
    repository,
    d.ballots,
    d.ballotsRepository,
    d.bodies,
    d.audit,
    d.clock,
  );
  const results = new EvaluationResults(repository, d.calendar, d.notifications, d.audit, d.clock);
  d.ballotLifecycle.onClose(evaluationPurpose, results.closed);
  return {
    evaluations,
    evaluationSamples: new SamplesService(d.db, repository, evaluations, d.audit, d.clock),
    evaluationRectifications: new RectificationsService(d.db, repository, d.notifications, d.audit, d.clock),
  };
}
