import type { Db } from '../db/database.js';
import type { DialectHelpers } from '../db/dialect/dialect.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { BallotsRepository } from './ballots.repository.js';
import { VotesRepository } from './votes.repository.js';
import { BallotsService } from './ballots.service.js';
import { BallotLifecycleService } from './ballot-lifecycle.service.js';
import { BallotQueriesService } from './ballot-queries.service.js';
import { VotingService } from './voting.service.js';
import { VoteBatches } from './vote-batches.js';
import { TellersService } from './tellers.service.js';
import { BallotLiveHub } from './ballot-live.js';

interface Dependencies {
  db: Db;
  dialect: DialectHelpers;
  bodies: BodiesService;
  notifications: NotificationsService;
  audit: AuditService;
  clock: Clock;
}

/** Wires the ballot engine (issue 8): ballots, their lifecycle, votes, tellers and the live screen. */
export function createBallotServices(d: Dependencies) {
  const ballotsRepository = new BallotsRepository(d.db);
  const votesRepository = new VotesRepository(d.db);
  const ballotLive = new BallotLiveHub();
  const ballots = new BallotsService(d.db, ballotsRepository, d.bodies, d.audit, d.clock);
  const ballotLifecycle = new BallotLifecycleService(
    d.db,
    d.dialect,
    ballotsRepository,
    votesRepository,
    ballots,
    d.notifications,
    ballotLive,
    d.audit,
    d.clock,
  );
  const voting = new VotingService(
    d.db,
    ballotsRepository,
    votesRepository,
    ballots,
    ballotLifecycle,
    ballotLive,
    d.audit,
    new VoteBatches(d.db, votesRepository),
  );
  return {
    ballotsRepository,
    ballots,
    ballotLifecycle,
    ballotLive,
    voting,
    ballotQueries: new BallotQueriesService(
      ballotsRepository,
      votesRepository,
      ballots,
      ballotLifecycle,
      d.clock,
    ),
    tellers: new TellersService(
      d.db,
      ballotsRepository,
      votesRepository,
      ballots,
      ballotLifecycle,
      voting,
      ballotLive,
      d.audit,
    ),
  };
}
