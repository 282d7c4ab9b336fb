import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.js';
import { stationsRoutes } from './stations.routes.js';
import { rostersRoutes } from './rosters.routes.js';
import { qrRoutes } from './qr.routes.js';
import { receptionsRoutes } from './receptions.routes.js';
import { appointmentsRoutes } from './appointments.routes.js';
import { stationsPublicRoutes } from './stations-public.routes.js';

/** Every route module of the stations domain (issue 7), in OpenAPI order. */
export function stationRouteModules(services: Services): ((app: FastifyInstance) => Promise<void>)[] {
  return [
    // Static paths (/stations/settings, /stations/roster, /stations/swaps) before `/stations/:id`
    // is only a reading aid: the router prefers static segments either way.
    rostersRoutes(services),
    stationsRoutes(services),
    qrRoutes(services),
    receptionsRoutes(services),
    appointmentsRoutes(services),
    stationsPublicRoutes(services),
  ];
}
