import type { DatabaseHandle } from './db/database.js';
import type { Clock } from './platform/clock.js';
import { AuditRepository } from './audit/audit.repository.js';
import { AuditService } from './audit/audit.service.js';
import { AuthRepository } from './auth/auth.repository.js';
import { AuthService } from './auth/auth.service.js';
import { ApiTokensService } from './auth/api-tokens.service.js';
import { BodiesRepository } from './organisations/bodies.repository.js';
import { BodiesService } from './organisations/bodies.service.js';
import { SettingsRepository } from './settings/settings.repository.js';
import { SettingsService } from './settings/settings.service.js';
import { UsersRepository } from './users/users.repository.js';
import { UsersService } from './users/users.service.js';
import { UnitsRepository } from './units/units.repository.js';
import { UnitsService } from './units/units.service.js';
import { UnitDepartmentsService } from './units/unit-departments.service.js';
import { createOrganisationServices } from './organisations/organisations.wiring.js';
import { CalendarRepository } from './calendar/calendar.repository.js';
import { CalendarService } from './calendar/calendar.service.js';
import { createDeputyServices } from './deputies/deputies.wiring.js';
import { createImportServices } from './imports/imports.wiring.js';
import { createSuggestionServices } from './suggestions/suggestions.wiring.js';
import { createNotificationChannelServices } from './notifications/notifications.wiring.js';
import { SavedViewsRepository } from './views/saved-views.repository.js';
import { SavedViewsService } from './views/saved-views.service.js';
import { createStationServices } from './stations/stations.wiring.js';
import { createVotingServices } from './ballots/voting.wiring.js';
import { createRecordServices } from './records/records.wiring.js';
import { createDocumentServices } from './documents/documents.wiring.js';
import { createPortalServices } from './portal/portal.wiring.js';
import { createFollowupServices } from './followups/followups.wiring.js';
import { createSupervisionServices } from './supervision/supervision.wiring.js';
import { createSearchIndex, createSearchServices } from './search/search.wiring.js';
import { createStatsServices } from './stats/stats.wiring.js';
import { createReportingServices } from './reports/reporting.wiring.js';

export interface ServiceOptions {
  /** Folder for uploads, backups and generated files (`MINYI_DATA_DIR`). */
  dataDir: string;
}

/** Every service of the application, wired once per process (and once per test). */
export function createServices(handle: DatabaseHandle, clock: Clock, options: ServiceOptions) {
  const { db, dialect } = handle;
  const repositories = {
    audit: new AuditRepository(db, dialect),
    auth: new AuthRepository(db),
    bodies: new BodiesRepository(db),
    settings: new SettingsRepository(db),
    users: new UsersRepository(db, dialect),
    units: new UnitsRepository(db, dialect),
    calendar: new CalendarRepository(db),
  };
  const audit = new AuditService(db, repositories.audit, clock);
  const bodies = new BodiesService(db, repositories.bodies, audit, clock);
  const settings = new SettingsService(db, repositories.settings, bodies, audit, clock);
  const auth = new AuthService(db, repositories.auth, repositories.users, settings, audit, clock);
  const users = new UsersService(
    db,
    repositories.users,
    repositories.bodies,
    repositories.units,
    repositories.auth,
    auth,
    audit,
    clock,
  );
  const calendar = new CalendarService(db, repositories.calendar, audit, clock);
  const organisation = createOrganisationServices(db, bodies, audit, clock);
  const units = new UnitsService(db, repositories.units, repositories.bodies, audit, clock);
  const unitDepartments = new UnitDepartmentsService(db, repositories.units, units, audit, clock);
  const deputyServices = createDeputyServices(db, dialect, repositories, audit, clock, options.dataDir);
  const importServices = createImportServices(
    db,
    dialect,
    repositories,
    deputyServices,
    { users, units, audit },
    clock,
  );
  const channelServices = createNotificationChannelServices(db, repositories.settings, audit, clock);
  const searchIndex = createSearchIndex(db, dialect, clock);
  const suggestionServices = createSuggestionServices({
    db,
    dialect,
    audit,
    clock,
    bodies,
    settings,
    calendar,
    unitsRepository: repositories.units,
    // External channels (SMS, email, DingTalk) are off until a deployment admin enables them.
    enabledChannels: channelServices.notificationChannels.enabledChannels,
    dataDir: options.dataDir,
    searchIndexer: searchIndex.indexer,
  });
  const votingServices = createVotingServices({
    db,
    dialect,
    audit,
    clock,
    bodies,
    calendar,
    notifications: suggestionServices.notifications,
    settingsRepository: repositories.settings,
    dataDir: options.dataDir,
  });
  const stationServices = createStationServices({
    db,
    dialect,
    audit,
    clock,
    bodies,
    settings,
    calendar,
    deputies: deputyServices.deputies,
    suggestions: suggestionServices.suggestions,
    notifications: suggestionServices.notifications,
    siteUrl: () => channelServices.notificationChannels.siteUrl(),
    dataDir: options.dataDir,
    searchIndexer: searchIndex.indexer,
  });
  const notifications = suggestionServices.notifications;
  const oversight = { db, audit, clock, bodies, settings, calendar, notifications };
  const recordServices = createRecordServices({
    db,
    audit,
    clock,
    bodies,
    settings,
    notifications: suggestionServices.notifications,
    suggestions: suggestionServices.suggestions,
    handling: suggestionServices.handling,
  });
  const documentServices = createDocumentServices({
    db,
    clock,
    suggestions: suggestionServices.suggestions,
    handling: suggestionServices.handling,
    records: recordServices.records,
  });
  const statsServices = createStatsServices(oversight);
  const reportingServices = createReportingServices({
    ...oversight,
    dialect,
    suggestions: suggestionServices.suggestions,
    stats: statsServices.stats,
    dataDir: options.dataDir,
  });
  return {
    ...organisation,
    ...recordServices,
    ...documentServices,
    ...createPortalServices({ db, dialect, bodies, settings }),
    ...createFollowupServices({ ...oversight, jobs: suggestionServices.jobs }),
    ...createSupervisionServices(oversight),
    ...createSearchServices(searchIndex, {
      audit,
      clock,
      settings,
      suggestions: suggestionServices.suggestions,
    }),
    ...statsServices,
    ...reportingServices,
    ...stationServices,
    ...votingServices,
    ...suggestionServices,
    ...deputyServices,
    ...importServices,
    ...channelServices,
    savedViews: new SavedViewsService(db, new SavedViewsRepository(db), audit, clock),
    units,
    unitDepartments,
    handle,
    clock,
    options,
    repositories,
    audit,
    bodies,
    settings,
    auth,
    apiTokens: new ApiTokensService(db, repositories.auth, audit, clock),
    users,
    calendar,
  };
}

export type Services = ReturnType<typeof createServices>;
