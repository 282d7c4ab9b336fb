import type { Db } from '../db/database.js';
import type { DialectHelpers } from '../db/dialect/dialect.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { BodiesRepository } from '../organisations/bodies.repository.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { UsersService } from '../users/users.service.js';
import type { UnitsRepository } from '../units/units.repository.js';
import type { UnitsService } from '../units/units.service.js';
import type { createDeputyServices } from '../deputies/deputies.wiring.js';
import { DeputiesImporter } from './deputies.import.js';
import { ExportsService } from './exports.service.js';
import { ImportsRepository } from './imports.repository.js';
import { ImportsService } from './imports.service.js';
import { UnitsImporter } from './units.import.js';
import { UsersImporter } from './users.import.js';

/** Spreadsheet imports and exports of deputies, units and users. */
export function createImportServices(
  db: Db,
  dialect: DialectHelpers,
  repositories: { bodies: BodiesRepository; users: UsersRepository; units: UnitsRepository },
  deputies: ReturnType<typeof createDeputyServices>,
  services: { users: UsersService; units: UnitsService; audit: AuditService },
  clock: Clock,
) {
  const lookups = new ImportsRepository(db, dialect);
  const { deputies: deputiesRepository, deputySeats } = deputies.deputyRepositories;
  const importers = {
    deputies: new DeputiesImporter(
      lookups,
      deputiesRepository,
      deputySeats,
      deputies.deputySeatChecks,
      repositories.users,
      services.users,
      clock,
    ),
    units: new UnitsImporter(repositories.units, services.units),
    users: new UsersImporter(lookups, repositories.users, services.users),
  };
  return {
    imports: new ImportsService(db, repositories.bodies, services.audit, importers),
    exports: new ExportsService(repositories.bodies, deputiesRepository, lookups, clock),
  };
}
