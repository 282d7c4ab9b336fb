/** What every scenario gets: the server under test, signed-in staff, the province and options. */
import type { ProvinceMeta } from '../generate.js';
import type { Session } from '../lib/load.js';
import type { Results } from '../lib/report.js';
import type { ServerProcess } from '../lib/server.js';

export type Backend = 'sqlite' | 'postgres';

export interface Reader {
  /** One row of a read-only query on the database under test. */
  one<T>(sql: string, parameters?: unknown[]): Promise<T>;
}

export interface ScenarioContext {
  backend: Backend;
  server: ServerProcess;
  meta: ProvinceMeta;
  results: Results;
  /** Office staff of the bench counties, in the order of `meta.counties`. */
  counties: Session[];
  province: Session;
  quick: boolean;
  /** Seconds per load run (median of `runs`). */
  seconds: number;
  runs: number;
  connections: number;
  reader: Reader;
  /** SQLite only: the working database file (the bare baseline opens it too). */
  sqliteFile?: string;
  /** The working data directory (MINYI_DATA_DIR) and, on PostgreSQL, the database URL. */
  dataDir: string;
  databaseUrl?: string;
  log(line: string): void;
}
