import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { notFound } from '../platform/errors.js';
import type { Actor } from './actor.js';
import type { AuthRepository } from './auth.repository.js';
import { newSecret } from './passwords.js';

/** Personal API tokens (`Authorization: Bearer mny_…`): list, create (shown once), revoke. */
export class ApiTokensService {
  constructor(
    private readonly db: Db,
    private readonly auth: AuthRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async listTokens(actor: Actor) {
    return (await this.auth.tokensOf(actor.userId)).map((t) => ({
      id: t.id,
      name: t.name,
      createdAt: t.created_at,
      lastUsedAt: t.last_used_at,
      expiresAt: t.expires_at,
      revokedAt: t.revoked_at,
    }));
  }

  async createToken(actor: Actor, name: string, expiresInDays: number | null) {
    const now = this.clock.now();
    const { secret, hash } = newSecret('mny_');
    const row = {
      id: newId(),
      user_id: actor.userId,
      name,
      token_hash: hash,
      created_at: now.toISOString(),
      last_used_at: null,
      expires_at: expiresInDays ? new Date(now.getTime() + expiresInDays * 86_400_000).toISOString() : null,
      revoked_at: null,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.auth.insertToken(row, trx);
      await this.audit.record(trx, {
        actor,
        action: 'auth.token_created',
        targetType: 'api_token',
        targetId: row.id,
        after: { name },
      });
    });
    return {
      id: row.id,
      name,
      createdAt: row.created_at,
      lastUsedAt: null,
      expiresAt: row.expires_at,
      revokedAt: null,
      token: secret,
    };
  }

  async revokeToken(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const changed = await this.auth.revokeToken(id, actor.userId, this.clock.now().toISOString(), trx);
      if (changed === 0) throw notFound({ zh: '访问令牌', en: 'API token' }, id);
      await this.audit.record(trx, {
        actor,
        action: 'auth.token_revoked',
        targetType: 'api_token',
        targetId: id,
      });
    });
  }
}
