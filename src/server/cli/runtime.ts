import pino from 'pino';
import type { AppConfig } from '../config.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { systemClock } from '../platform/clock.js';
import { createServices } from '../services.js';
import type { Services } from '../services.js';

export interface Runtime {
  config: AppConfig;
  services: Services;
  applied: string[];
  close(): Promise<void>;
}

/** Opens the configured database, applies pending migrations and wires the services. */
export async function openRuntime(): Promise<Runtime> {
  const config = loadConfig();
  const handle = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  const applied = await migrateToLatest(handle);
  const services = createServices(handle, systemClock, { dataDir: config.dataDir });
  return { config, services, applied, close: () => handle.close() };
}

export function createLogger(level: string) {
  return pino({ level });
}
