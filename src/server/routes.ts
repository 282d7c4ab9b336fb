import type { FastifyInstance } from 'fastify';
import type { Services } from './services.js';
import { bodiesRoutes } from './organisations/bodies.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { settingsRoutes } from './settings/settings.routes.js';

/**
 * Every domain's `/api/v1` routes. A new domain adds its one line here; the order is the order
 * of the OpenAPI document.
 */
export function apiRouteModules(services: Services): ((app: FastifyInstance) => Promise<void>)[] {
  return [bodiesRoutes(services), usersRoutes(services), settingsRoutes(services)];
}
