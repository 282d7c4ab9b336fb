import type { Db } from '../db/database.js';
import type { DialectHelpers } from '../db/dialect/dialect.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { BodiesRepository } from '../organisations/bodies.repository.js';
import type { UsersRepository } from '../users/users.repository.js';
import { DeputiesRepository } from './deputies.repository.js';
import { DeputiesService } from './deputies.service.js';
import { DeputyPhotosService } from './deputy-photos.service.js';
import { DeputySeatChecks } from './deputy-seat.checks.js';
import { DeputySeatsRepository } from './deputy-seats.repository.js';
import { DeputySeatsService } from './deputy-seats.service.js';
import { FilesRepository } from './files.repository.js';

/** Deputies, their seats and photos, wired together so `services.ts` needs one line for them. */
export function createDeputyServices(
  db: Db,
  dialect: DialectHelpers,
  repositories: { bodies: BodiesRepository; users: UsersRepository },
  audit: AuditService,
  clock: Clock,
  dataDir: string,
) {
  const deputyRepositories = {
    deputies: new DeputiesRepository(db, dialect),
    deputySeats: new DeputySeatsRepository(db),
    files: new FilesRepository(db),
  };
  const deputySeatChecks = new DeputySeatChecks(
    deputyRepositories.deputies,
    deputyRepositories.deputySeats,
    repositories.bodies,
    repositories.users,
    clock,
  );
  const deputies = new DeputiesService(
    db,
    deputyRepositories.deputies,
    deputyRepositories.deputySeats,
    repositories.bodies,
    deputySeatChecks,
    audit,
    clock,
  );
  return {
    deputyRepositories,
    deputySeatChecks,
    deputies,
    deputySeats: new DeputySeatsService(
      db,
      deputyRepositories.deputySeats,
      deputies,
      deputySeatChecks,
      audit,
      clock,
    ),
    deputyPhotos: new DeputyPhotosService(
      db,
      deputyRepositories.deputies,
      deputies,
      deputyRepositories.files,
      audit,
      clock,
      dataDir,
    ),
  };
}
