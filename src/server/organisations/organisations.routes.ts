import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.js';
import { committeesRoutes } from './committees.routes.js';
import { congressSessionsRoutes } from './congress-sessions.routes.js';
import { delegationsRoutes } from './delegations.routes.js';
import { deputyGroupsRoutes } from './deputy-groups.routes.js';
import { standingCommitteeRoutes } from './standing-committee.routes.js';
import { termsRoutes } from './terms.routes.js';

/** Route modules of the organisation structure, in the order of the OpenAPI document. */
export function organisationRoutes(services: Services): ((app: FastifyInstance) => Promise<void>)[] {
  return [
    termsRoutes(services),
    congressSessionsRoutes(services),
    delegationsRoutes(services),
    deputyGroupsRoutes(services),
    committeesRoutes(services),
    standingCommitteeRoutes(services),
  ];
}
