import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';

export class SettingsRepository {
  constructor(private readonly db: Db) {}

  async systemSetting(key: string, executor: Executor = this.db): Promise<string | undefined> {
    const row = await executor
      .selectFrom('system_settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value;
  }

  async putSystemSetting(
    key: string,
    value: string,
    at: string,
    executor: Executor = this.db,
  ): Promise<void> {
    await executor
      .insertInto('system_settings')
      .values({ key, value, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
      .execute();
  }

  /** Stored profiles of the given bodies (callers pass a body and its ancestors). */
  async profilesOf(bodyIds: string[], executor: Executor = this.db) {
    if (bodyIds.length === 0) return [];
    return executor.selectFrom('rule_profiles').selectAll().where('body_id', 'in', bodyIds).execute();
  }

  async putProfile(
    bodyId: string,
    settings: string,
    at: string,
    executor: Executor = this.db,
  ): Promise<void> {
    await executor
      .insertInto('rule_profiles')
      .values({ body_id: bodyId, settings, updated_at: at })
      .onConflict((oc) => oc.column('body_id').doUpdateSet({ settings, updated_at: at }))
      .execute();
  }

  async deleteProfile(bodyId: string, executor: Executor = this.db): Promise<void> {
    await executor.deleteFrom('rule_profiles').where('body_id', '=', bodyId).execute();
  }
}
