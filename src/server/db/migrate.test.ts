import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-context.js';
import { migrateDown, migrateToLatest, migrationNames } from './migrate.js';

describe('migrations', () => {
  it('apply, revert completely and apply again', async () => {
    const { handle, drop } = await openTestDatabase();
    try {
      expect(await migrateToLatest(handle)).toEqual(migrationNames);
      expect(await migrateToLatest(handle)).toEqual([]);
      for (let i = 0; i < migrationNames.length; i += 1) await migrateDown(handle);
      const schema = await handle.dialect.currentSchema(handle.db);
      const tables = await handle.db.introspection.getTables();
      const ours = tables.filter((table) => schema === undefined || table.schema === schema);
      expect(ours.map((table) => table.name).filter((name) => !name.startsWith('kysely_'))).toEqual([]);
      expect(await migrateToLatest(handle)).toEqual(migrationNames);
    } finally {
      await drop();
    }
  });
});
