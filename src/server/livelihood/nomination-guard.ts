import crypto from 'node:crypto';
import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { SettingsRepository } from '../settings/settings.repository.js';
import { livelihoodErrors } from './livelihood.errors.js';

const keySetting = 'livelihood.nomination_key';
/** People take longer than this to fill in the form; robots often do not. */
const minimumFillMs = 3_000;
const tokenLifetimeMs = 2 * 3_600_000;
export const perContactLimit = 3;
export const perAddressDailyLimit = 10;

/**
 * Anti-abuse for proposals sent without an account, as for citizen messages: a signed form
 * token that must be at least a few seconds old (and not stale), an empty trap field, per-phone
 * and per-address limits, and refusal of the same text twice. Phones, addresses and texts are
 * compared through keyed hashes, so limits need no scan of personal data and the address is not
 * stored at all.
 */
export class NominationGuard {
  private key: Buffer | null = null;

  constructor(
    private readonly db: Db,
    private readonly settings: SettingsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The deployment's key, made on first use and kept, so limits hold across restarts. */
  private async secret(): Promise<Buffer> {
    if (this.key) return this.key;
    let stored = await this.settings.systemSetting(keySetting);
    if (!stored) {
      const fresh = crypto.randomBytes(32).toString('hex');
      await this.db.transaction().execute(async (trx) => {
        // Another process may have made one meanwhile: keep the first.
        if (await this.settings.systemSetting(keySetting, trx)) return;
        await this.settings.putSystemSetting(keySetting, fresh, this.clock.now().toISOString(), trx);
        await this.audit.record(trx, {
          actor: null,
          action: 'livelihood.nomination_key_created',
          targetType: 'system_settings',
          targetId: keySetting,
        });
      });
      stored = (await this.settings.systemSetting(keySetting)) ?? fresh;
    }
    this.key = Buffer.from(stored, 'hex');
    return this.key;
  }

  private async mac(text: string): Promise<string> {
    return crypto
      .createHmac('sha256', await this.secret())
      .update(text)
      .digest('hex');
  }

  /** A token for the form of one round, to be sent back with the proposal. */
  async issue(roundId: string): Promise<{ token: string; notBefore: string }> {
    const issuedAt = this.clock.now().getTime();
    const signature = (await this.mac(`form:${roundId}:${issuedAt}`)).slice(0, 40);
    return {
      token: `${issuedAt}.${signature}`,
      notBefore: new Date(issuedAt + minimumFillMs).toISOString(),
    };
  }

  /** Refuses a forged, stale or too-quick form, and a filled trap field. */
  async check(roundId: string, token: string, trap: string | undefined): Promise<void> {
    if (trap && trap.trim() !== '') throw livelihoodErrors.rejectedAsAutomated();
    const [issuedText, signature] = token.split('.');
    const issuedAt = Number(issuedText);
    if (!Number.isSafeInteger(issuedAt) || !signature) throw livelihoodErrors.formExpired();
    const expected = (await this.mac(`form:${roundId}:${issuedAt}`)).slice(0, 40);
    const valid =
      expected.length === signature.length &&
      crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
    if (!valid) throw livelihoodErrors.formExpired();
    const age = this.clock.now().getTime() - issuedAt;
    if (age > tokenLifetimeMs) throw livelihoodErrors.formExpired();
    if (age < minimumFillMs) throw livelihoodErrors.tooFast();
  }

  /** Keyed hashes of the phone, the client address and the text. */
  async keys(phone: string, address: string | null, title: string, description: string) {
    const text = `${title}${description}`.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
    return {
      contact: await this.mac(`contact:${phone.replace(/\D/g, '')}`),
      address: address ? await this.mac(`address:${address}`) : null,
      content: await this.mac(`content:${text}`),
    };
  }
}
