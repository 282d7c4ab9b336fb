import type { Db } from '../db/database.js';
import type { DialectHelpers } from '../db/dialect/dialect.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { DeputiesService } from '../deputies/deputies.service.js';
import { FilesRepository } from '../deputies/files.repository.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { SuggestionsService } from '../suggestions/suggestions.service.js';
import { SuggestionPartsRepository } from '../suggestions/suggestion-parts.repository.js';
import { StationsRepository } from './stations.repository.js';
import { RostersRepository } from './rosters.repository.js';
import { SwapsRepository } from './swaps.repository.js';
import { ReceptionsRepository } from './receptions.repository.js';
import { AppointmentsRepository } from './appointments.repository.js';
import { StationEventsRepository } from './station-events.repository.js';
import { CitizenRepository } from './citizen.repository.js';
import { StationTimeline } from './station-timeline.js';
import { ImageStore } from './image-store.js';
import { CitizenGuard } from './citizen.guard.js';
import { StationsService } from './stations.service.js';
import { StationPhotosService } from './station-photos.service.js';
import { RostersService } from './rosters.service.js';
import { ReceptionRulesService } from './reception-rules.service.js';
import { RosterSwapsService } from './roster-swaps.service.js';
import { ReceptionsService } from './receptions.service.js';
import { ReceptionRecordsService } from './reception-records.service.js';
import { ReceptionActionsService } from './reception-actions.service.js';
import { CitizenMessagesService } from './citizen-messages.service.js';
import { AppointmentsService } from './appointments.service.js';
import { CitizenAppointmentsService } from './citizen-appointments.service.js';
import { AgencyAppointmentsService } from './agency-appointments.service.js';
import { QrService } from './qr.service.js';
import { PublicProfilesService } from './public-profiles.service.js';
import { DutyActivitiesService } from './duty-activities.service.js';
import type { SearchIndexer } from '../search/search.indexer.js';

interface Dependencies {
  db: Db;
  dialect: DialectHelpers;
  audit: AuditService;
  clock: Clock;
  bodies: BodiesService;
  settings: SettingsService;
  calendar: CalendarService;
  deputies: DeputiesService;
  suggestions: SuggestionsService;
  notifications: NotificationsService;
  /** The configured public address of the site, for the URLs QR codes hold. */
  siteUrl: () => Promise<string | null>;
  dataDir: string;
  /** Keeps the full-text index in step with reception records and citizen messages. */
  searchIndexer: SearchIndexer;
}

/** Wires liaison stations (issue 7): stations, rosters, QR codes, receptions, appointments, duty. */
export function createStationServices(d: Dependencies) {
  const stationsRepository = new StationsRepository(d.db, d.dialect);
  const rosters = new RostersRepository(d.db);
  const swaps = new SwapsRepository(d.db);
  const receptions = new ReceptionsRepository(d.db);
  const appointments = new AppointmentsRepository(d.db);
  const events = new StationEventsRepository(d.db);
  const timeline = new StationTimeline(events, d.clock);
  const images = new ImageStore(new FilesRepository(d.db), d.dataDir);
  const guard = new CitizenGuard(new CitizenRepository(d.db), receptions, d.clock);
  const stations = new StationsService(d.db, stationsRepository, d.bodies, d.audit, d.clock);
  const rules = new ReceptionRulesService(
    d.db,
    rosters,
    stationsRepository,
    stations,
    d.bodies,
    d.settings,
    d.audit,
    d.clock,
  );
  const receptionsService = new ReceptionsService(receptions, stationsRepository, timeline, images, d.clock);
  const appointmentsService = new AppointmentsService(
    d.db,
    appointments,
    receptions,
    stationsRepository,
    timeline,
    d.notifications,
    d.audit,
    d.clock,
  );
  return {
    stations,
    stationPhotos: new StationPhotosService(d.db, stationsRepository, stations, images, d.audit, d.clock),
    receptionRules: rules,
    stationRosters: new RostersService(
      d.db,
      rosters,
      swaps,
      stationsRepository,
      stations,
      d.bodies,
      rules,
      d.calendar,
      d.audit,
      d.clock,
    ),
    rosterSwaps: new RosterSwapsService(
      d.db,
      rosters,
      swaps,
      stationsRepository,
      timeline,
      d.notifications,
      d.audit,
      d.clock,
    ),
    receptions: receptionsService,
    receptionRecords: new ReceptionRecordsService(
      d.db,
      receptions,
      stationsRepository,
      receptionsService,
      timeline,
      d.audit,
      d.clock,
      d.searchIndexer,
    ),
    receptionActions: new ReceptionActionsService(
      d.db,
      receptions,
      stationsRepository,
      receptionsService,
      d.suggestions,
      new SuggestionPartsRepository(d.db),
      d.notifications,
      timeline,
      d.audit,
      d.clock,
      d.searchIndexer,
    ),
    citizenMessages: new CitizenMessagesService(
      d.db,
      receptions,
      stationsRepository,
      guard,
      images,
      timeline,
      d.notifications,
      d.audit,
      d.clock,
      d.searchIndexer,
    ),
    citizenAppointments: new CitizenAppointmentsService(
      d.db,
      appointments,
      appointmentsService,
      rosters,
      stationsRepository,
      guard,
      timeline,
      d.notifications,
      d.audit,
      d.clock,
    ),
    appointments: appointmentsService,
    agencyAppointments: new AgencyAppointmentsService(
      d.db,
      appointments,
      receptions,
      stationsRepository,
      timeline,
      d.notifications,
      d.audit,
      d.clock,
    ),
    stationQr: new QrService(d.db, stationsRepository, stations, d.deputies, d.siteUrl, d.audit, d.clock),
    publicProfiles: new PublicProfilesService(stationsRepository, rosters, images, d.clock),
    dutyActivities: new DutyActivitiesService(events, d.deputies),
  };
}
