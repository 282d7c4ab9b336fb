import { Migrator } from 'kysely';
import type { Migration, MigrationProvider, MigrationResultSet } from 'kysely';
import type { DatabaseHandle } from './database.js';
import type { DialectHelpers } from './dialect/dialect.js';
import type { Kysely } from 'kysely';
import * as foundation from './migrations/0001_foundation.js';
import * as suggestions from './migrations/0002_suggestions.js';
import * as handling from './migrations/0003_handling.js';
import * as stations from './migrations/0004_stations.js';
import * as ballots from './migrations/0005_ballots.js';
import * as records from './migrations/0006_records.js';
import * as followups from './migrations/0007_followups.js';
import * as supervision from './migrations/0008_supervision.js';
import * as search from './migrations/0009_search.js';
import * as stats from './migrations/0010_stats.js';
import * as exportsMigration from './migrations/0011_exports.js';
import * as listOrder from './migrations/0012_list_order.js';
import * as searchPerf from './migrations/0013_search_perf.js';

interface DialectMigration {
  up(db: Kysely<unknown>, dialect: DialectHelpers): Promise<void>;
  down(db: Kysely<unknown>, dialect: DialectHelpers): Promise<void>;
}

/** Every migration, in order. Names sort lexically; never rename or edit one that shipped. */
const migrations: Record<string, DialectMigration> = {
  '0001_foundation': foundation,
  '0002_suggestions': suggestions,
  '0003_handling': handling,
  '0004_stations': stations,
  '0005_ballots': ballots,
  '0006_records': records,
  '0007_followups': followups,
  '0008_supervision': supervision,
  '0009_search': search,
  '0010_stats': stats,
  '0011_exports': exportsMigration,
  '0012_list_order': listOrder,
  '0013_search_perf': searchPerf,
};

class CodeMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectHelpers) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const result: Record<string, Migration> = {};
    for (const [name, migration] of Object.entries(migrations)) {
      result[name] = {
        up: (db) => migration.up(db, this.dialect),
        down: (db) => migration.down(db, this.dialect),
      };
    }
    return result;
  }
}

async function migrator(handle: DatabaseHandle): Promise<Migrator> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one is ours.
  const schema = await handle.dialect.currentSchema(handle.db);
  return new Migrator({
    db: handle.db,
    provider: new CodeMigrationProvider(handle.dialect),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const error = result.error instanceof Error ? result.error : new Error(String(result.error));
    error.message = `迁移失败 (migration failed)${failed ? ` at ${failed.migrationName}` : ''}: ${error.message}`;
    throw error;
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  return check(await (await migrator(handle)).migrateToLatest());
}

/** Reverts the newest migration (used by the up/down test). */
export async function migrateDown(handle: DatabaseHandle): Promise<string[]> {
  return check(await (await migrator(handle)).migrateDown());
}

export const migrationNames = Object.keys(migrations);
