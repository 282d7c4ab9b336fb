import type { Db } from '../db/database.js';
import type { DialectHelpers } from '../db/dialect/dialect.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { PortalRepository } from './portal.repository.js';
import { PortalService } from './portal.service.js';

/** Wires the public portal (read-only: no audit, no clock). */
export function createPortalServices(d: {
  db: Db;
  dialect: DialectHelpers;
  bodies: BodiesService;
  settings: SettingsService;
}) {
  return { portal: new PortalService(new PortalRepository(d.db, d.dialect), d.bodies, d.settings) };
}
