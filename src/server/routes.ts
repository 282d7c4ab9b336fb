import type { FastifyInstance } from 'fastify';
import type { Services } from './services.js';
import { bodiesRoutes } from './organisations/bodies.routes.js';
import { organisationRoutes } from './organisations/organisations.routes.js';
import { unitsRoutes } from './units/units.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { settingsRoutes } from './settings/settings.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { deputiesRoutes } from './deputies/deputies.routes.js';
import { importsRoutes } from './imports/imports.routes.js';
import { suggestionsRoutes } from './suggestions/suggestions.routes.js';
import { assignmentsRoutes } from './suggestions/assignments.routes.js';
import { handlingRoutes } from './suggestions/handling.routes.js';
import { votingRouteModules } from './ballots/voting.routes.js';
import { categoriesRoutes } from './suggestions/categories.routes.js';
import { publicSuggestionRoutes } from './suggestions/public.routes.js';
import { portalRoutes } from './portal/portal.routes.js';
import { statsRoutes } from './stats/stats.routes.js';
import { followupsRoutes } from './followups/followups.routes.js';
import { supervisionRouteModules } from './supervision/supervision.routes.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { notificationChannelsRoutes } from './notifications/notification-channels.routes.js';
import { savedViewsRoutes } from './views/saved-views.routes.js';
import { suggestionExportRoutes } from './suggestions/suggestions-export.routes.js';
import { suggestionAttachmentsRoutes } from './suggestions/attachments.routes.js';
import { recordsRoutes } from './records/records.routes.js';
import { documentsRoutes } from './documents/documents.routes.js';
import { stationRouteModules } from './stations/station-routes.js';
import { searchRoutes } from './search/search.routes.js';
import { appraisalRoutes } from './appraisal/appraisal.routes.js';
import { reportsRoutes } from './reports/reports.routes.js';
import { exportsRoutes } from './exports/exports.routes.js';

/**
 * Every domain's `/api/v1` routes. A new domain adds its one line here; the order is the order
 * of the OpenAPI document.
 */
export function apiRouteModules(services: Services): ((app: FastifyInstance) => Promise<void>)[] {
  return [
    bodiesRoutes(services),
    ...organisationRoutes(services),
    unitsRoutes(services),
    usersRoutes(services),
    deputiesRoutes(services),
    importsRoutes(services),
    settingsRoutes(services),
    calendarRoutes(services),
    categoriesRoutes(services),
    suggestionExportRoutes(services),
    searchRoutes(services),
    suggestionsRoutes(services),
    suggestionAttachmentsRoutes(services),
    assignmentsRoutes(services),
    handlingRoutes(services),
    documentsRoutes(services),
    recordsRoutes(services),
    notificationsRoutes(services),
    notificationChannelsRoutes(services),
    savedViewsRoutes(services),
    publicSuggestionRoutes(services),
    portalRoutes(services),
    followupsRoutes(services),
    ...supervisionRouteModules(services),
    statsRoutes(services),
    ...stationRouteModules(services),
    ...votingRouteModules(services),
    appraisalRoutes(services),
    reportsRoutes(services),
    exportsRoutes(services),
  ];
}
