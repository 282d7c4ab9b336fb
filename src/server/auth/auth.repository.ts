import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { ApiTokensTable, LoginSessionsTable } from '../db/schema.js';

export type LoginSessionRow = Selectable<LoginSessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;

/** Server-side login sessions and personal API tokens (only hashes of secrets are stored). */
export class AuthRepository {
  constructor(private readonly db: Db) {}

  async insertSession(row: LoginSessionRow, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('login_sessions').values(row).execute();
  }

  async sessionByTokenHash(tokenHash: string): Promise<LoginSessionRow | undefined> {
    return this.db
      .selectFrom('login_sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  async touchSession(id: string, at: string): Promise<void> {
    await this.db.updateTable('login_sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
  }

  async setSessionStage(id: string, stage: string, executor: Executor = this.db): Promise<void> {
    await executor.updateTable('login_sessions').set({ stage }).where('id', '=', id).execute();
  }

  async deleteSession(id: string, executor: Executor = this.db): Promise<void> {
    await executor.deleteFrom('login_sessions').where('id', '=', id).execute();
  }

  /** Ends every session of a user but the one given (after a password change or reset). */
  async deleteSessionsOfUser(
    userId: string,
    exceptId: string | null,
    executor: Executor = this.db,
  ): Promise<void> {
    let query = executor.deleteFrom('login_sessions').where('user_id', '=', userId);
    if (exceptId) query = query.where('id', '!=', exceptId);
    await query.execute();
  }

  async deleteExpiredSessions(nowIso: string, idleCutoffIso: string): Promise<number> {
    const result = await this.db
      .deleteFrom('login_sessions')
      .where((eb) => eb.or([eb('expires_at', '<', nowIso), eb('last_seen_at', '<', idleCutoffIso)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async insertToken(row: ApiTokenRow, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('api_tokens').values(row).execute();
  }

  async tokenByHash(tokenHash: string): Promise<ApiTokenRow | undefined> {
    return this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  async tokensOf(userId: string): Promise<ApiTokenRow[]> {
    return this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute();
  }

  async touchToken(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  async revokeToken(id: string, userId: string, at: string, executor: Executor = this.db): Promise<number> {
    const result = await executor
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
