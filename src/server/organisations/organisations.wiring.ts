import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { BodiesService } from './bodies.service.js';
import { CommitteesRepository } from './committees.repository.js';
import { CommitteesService } from './committees.service.js';
import { CongressSessionsRepository } from './congress-sessions.repository.js';
import { CongressSessionsService } from './congress-sessions.service.js';
import { DelegationsRepository } from './delegations.repository.js';
import { DelegationsService } from './delegations.service.js';
import { DeputyGroupsRepository } from './deputy-groups.repository.js';
import { DeputyGroupsService } from './deputy-groups.service.js';
import { StandingCommitteeRepository } from './standing-committee.repository.js';
import { StandingCommitteeService } from './standing-committee.service.js';
import { TermsRepository } from './terms.repository.js';
import { TermsService } from './terms.service.js';

/**
 * The organisation-structure services (terms, sessions, delegations, groups, committees, standing
 * committee members), wired together so `services.ts` needs one line for all of them.
 */
export function createOrganisationServices(db: Db, bodies: BodiesService, audit: AuditService, clock: Clock) {
  const terms = new TermsService(db, new TermsRepository(db), bodies, audit, clock);
  return {
    terms,
    congressSessions: new CongressSessionsService(
      db,
      new CongressSessionsRepository(db),
      terms,
      bodies,
      audit,
      clock,
    ),
    delegations: new DelegationsService(db, new DelegationsRepository(db), terms, bodies, audit, clock),
    deputyGroups: new DeputyGroupsService(db, new DeputyGroupsRepository(db), terms, bodies, audit, clock),
    committees: new CommitteesService(db, new CommitteesRepository(db), bodies, audit, clock),
    standingCommittee: new StandingCommitteeService(
      db,
      new StandingCommitteeRepository(db),
      terms,
      bodies,
      audit,
      clock,
    ),
  };
}
