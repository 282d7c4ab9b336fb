import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';

/** Bookkeeping of citizen submissions: the signing secret and single-use challenge tokens. */
export class CitizenRepository {
  constructor(private readonly db: Db) {}

  /** The stored value of a setting, creating it with `candidate` when absent (first writer wins). */
  async settingOrCreate(key: string, candidate: string, at: string): Promise<string> {
    await this.db
      .insertInto('system_settings')
      .values({ key, value: candidate, updated_at: at })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('system_settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    return row.value;
  }

  /** Marks a challenge token used; false when it was used before. */
  async burnChallenge(nonce: string, expiresAt: string, executor: Executor = this.db): Promise<boolean> {
    const result = await executor
      .insertInto('citizen_challenges')
      .values({ nonce, expires_at: expiresAt })
      .onConflict((oc) => oc.column('nonce').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** Forgets used tokens that have expired anyway. */
  async purgeChallenges(before: string, executor: Executor = this.db): Promise<void> {
    await executor.deleteFrom('citizen_challenges').where('expires_at', '<', before).execute();
  }
}
