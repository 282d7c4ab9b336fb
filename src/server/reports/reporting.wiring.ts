import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { SuggestionsService } from '../suggestions/suggestions.service.js';
import { UsersRepository } from '../users/users.repository.js';
import type { DialectHelpers } from '../db/dialect/dialect.js';
import { createAppraisalServices } from '../appraisal/appraisal.wiring.js';
import { ExportsRepository } from '../exports/exports.repository.js';
import { ExportsService } from '../exports/exports.service.js';
import { registerExportKinds } from '../exports/export-kinds.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';
import type { IndicatorSource } from './reports.service.js';

interface Dependencies {
  db: Db;
  dialect: DialectHelpers;
  audit: AuditService;
  clock: Clock;
  bodies: BodiesService;
  settings: SettingsService;
  suggestions: SuggestionsService;
  stats: IndicatorSource;
  dataDir: string;
}

/** Wires the unit appraisal, the official reports and the background exports of both. */
export function createReportingServices(d: Dependencies) {
  const { appraisal } = createAppraisalServices(d);
  const reports = new ReportsService(
    new ReportsRepository(d.db),
    d.bodies,
    d.settings,
    appraisal,
    d.stats,
    d.clock,
  );
  const exports = new ExportsService(
    d.db,
    d.audit,
    new ExportsRepository(d.db),
    new UsersRepository(d.db, d.dialect),
    d.clock,
    d.dataDir,
    (error) => console.error('export failed', error),
  );
  registerExportKinds({ exports, suggestions: d.suggestions, appraisal, reports, clock: d.clock });
  return { appraisal, reports, backgroundExports: exports };
}
