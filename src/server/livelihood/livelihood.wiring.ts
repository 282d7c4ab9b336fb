import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { SettingsRepository } from '../settings/settings.repository.js';
import type { BallotsRepository } from '../ballots/ballots.repository.js';
import type { BallotsService } from '../ballots/ballots.service.js';
import type { BallotLifecycleService } from '../ballots/ballot-lifecycle.service.js';
import { LivelihoodRepository } from './livelihood.repository.js';
import { NominationsRepository } from './nominations.repository.js';
import { ImplementationRepository } from './implementation.repository.js';
import { RoundsService } from './rounds.service.js';
import { RoundActionsService } from './round-actions.service.js';
import { RoundBallots, satisfactionPurpose, votePurpose } from './round-ballots.js';
import { NominationGuard } from './nomination-guard.js';
import { NominationsService } from './nominations.service.js';
import { CandidatesService } from './candidates.service.js';
import { ImplementationService } from './implementation.service.js';
import { PublicRoundsService } from './public-rounds.service.js';

interface Dependencies {
  db: Db;
  audit: AuditService;
  clock: Clock;
  bodies: BodiesService;
  notifications: NotificationsService;
  settingsRepository: SettingsRepository;
  ballotsRepository: BallotsRepository;
  ballots: BallotsService;
  ballotLifecycle: BallotLifecycleService;
  dataDir: string;
}

/** Wires livelihood projects (民生实事票决) and registers what their ballots do when they close. */
export function createLivelihoodServices(d: Dependencies) {
  const rounds = new LivelihoodRepository(d.db);
  const nominations = new NominationsRepository(d.db);
  const work = new ImplementationRepository(d.db);
  const reader = new RoundsService(
    d.db,
    rounds,
    nominations,
    d.ballotsRepository,
    d.bodies,
    d.audit,
    d.clock,
  );
  const roundBallots = new RoundBallots(rounds, d.ballots, d.notifications, d.audit, d.clock);
  d.ballotLifecycle.onClose(votePurpose, roundBallots.voteClosed);
  d.ballotLifecycle.onClose(satisfactionPurpose, roundBallots.satisfactionClosed);
  const guard = new NominationGuard(d.db, d.settingsRepository, d.audit, d.clock);
  return {
    livelihoodRounds: reader,
    livelihoodActions: new RoundActionsService(
      d.db,
      rounds,
      reader,
      d.ballotsRepository,
      d.ballots,
      roundBallots,
      d.audit,
      d.clock,
    ),
    livelihoodNominations: new NominationsService(d.db, rounds, nominations, reader, guard, d.audit, d.clock),
    livelihoodCandidates: new CandidatesService(d.db, rounds, nominations, reader, d.audit, d.clock),
    livelihoodImplementation: new ImplementationService(
      d.db,
      rounds,
      nominations,
      work,
      reader,
      d.notifications,
      d.audit,
      d.clock,
      d.dataDir,
    ),
    livelihoodPublic: new PublicRoundsService(rounds, work, d.ballotsRepository, d.clock),
  };
}
