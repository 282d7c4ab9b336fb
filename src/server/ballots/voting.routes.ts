import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.js';
import { ballotsRoutes } from './ballots.routes.js';
import { ballotLiveRoutes } from './ballot-live.routes.js';
import { livelihoodRoutes } from '../livelihood/livelihood.routes.js';
import { livelihoodPublicRoutes } from '../livelihood/livelihood-public.routes.js';
import { evaluationsRoutes } from '../evaluations/evaluations.routes.js';

/** The `/api/v1` routes of voting: ballots, livelihood projects, evaluations and their public pages. */
export function votingRouteModules(services: Services): ((app: FastifyInstance) => Promise<void>)[] {
  return [
    ballotsRoutes(services),
    ballotLiveRoutes(services),
    livelihoodRoutes(services),
    livelihoodPublicRoutes(services),
    evaluationsRoutes(services),
  ];
}
