import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { FactsRepository } from './facts.repository.js';
import { FactsRefresher } from './facts.refresher.js';
import { StatsRepository } from './stats.repository.js';
import { StatsService } from './stats.service.js';
import { DashboardsRepository } from './dashboards.repository.js';
import { DashboardsService } from './dashboards.service.js';
import { PublicationService } from './publication.service.js';
import { SupervisionRepository } from '../supervision/supervision.repository.js';
import { SupervisionViews } from '../supervision/supervision.views.js';

interface Dependencies {
  db: Db;
  audit: AuditService;
  clock: Clock;
  bodies: BodiesService;
  settings: SettingsService;
}

/** Wires statistics: the facts and their refresher, indicators, dashboards, the public figures. */
export function createStatsServices(d: Dependencies) {
  const repository = new StatsRepository(d.db);
  const refresher = new FactsRefresher(d.db, new FactsRepository(d.db), d.settings, d.clock);
  const stats = new StatsService(repository, refresher, d.bodies, d.clock);
  const supervision = new SupervisionRepository(d.db);
  return {
    stats,
    statsFacts: refresher,
    statsDashboards: new DashboardsService(
      stats,
      new DashboardsRepository(d.db),
      supervision,
      new SupervisionViews(supervision, d.settings, d.clock),
    ),
    statsPublication: new PublicationService(d.db, repository, stats, d.bodies, d.audit, d.clock),
  };
}
