import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { Actor } from '../auth/actor.js';
import { isDeploymentAdmin, requireCoversBody } from '../auth/actor.js';
import { forbidden } from '../platform/errors.js';
import {
  henanDefaults,
  ruleProfileSchema,
  securityDefaults,
  securitySettingsSchema,
} from '../../shared/schemas/settings.js';
import type { RuleProfile, SecuritySettings } from '../../shared/schemas/settings.js';
import type { RuleProfileView } from '../../shared/schemas/bodies.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsRepository } from './settings.repository.js';

const securityKey = 'security';

/** Rule profiles per body (inherited down the tree, Henan by default) and the security policy. */
export class SettingsService {
  private securityCache: SecuritySettings | null = null;
  private readonly parsedProfiles = new Map<string, RuleProfile>();

  constructor(
    private readonly db: Db,
    private readonly settings: SettingsRepository,
    private readonly bodies: BodiesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The effective rule profile of a body: its own, else the nearest ancestor's, else Henan's. */
  async ruleProfile(bodyId: string): Promise<RuleProfileView> {
    const body = await this.bodies.require(bodyId);
    const lineage = await this.bodies.lineage(body);
    const stored = await this.settings.profilesOf(lineage.map((b) => b.id));
    for (const ancestor of lineage) {
      const row = stored.find((s) => s.body_id === ancestor.id);
      if (!row) continue;
      return {
        bodyId,
        source: ancestor.id === bodyId ? 'own' : 'inherited',
        sourceBodyId: ancestor.id,
        settings: this.parsedProfile(row.settings),
      };
    }
    return { bodyId, source: 'default', sourceBodyId: null, settings: henanDefaults };
  }

  /**
   * Parses a stored profile through the schema, so settings added by later versions get their
   * defaults. Every action reads its body's profile; parsing is kept per stored text (the text is
   * the key, so an edited profile is parsed afresh).
   */
  private parsedProfile(text: string): RuleProfile {
    const cached = this.parsedProfiles.get(text);
    if (cached) return cached;
    const parsed = ruleProfileSchema.safeParse({ ...henanDefaults, ...JSON.parse(text) });
    const settings = parsed.success ? parsed.data : henanDefaults;
    if (this.parsedProfiles.size >= 500) this.parsedProfiles.clear();
    this.parsedProfiles.set(text, settings);
    return settings;
  }

  async updateRuleProfile(actor: Actor, bodyId: string, settings: RuleProfile): Promise<RuleProfileView> {
    const body = await this.bodies.require(bodyId);
    requireCoversBody(actor, ['admin', 'office_staff'], body.path);
    const before = await this.ruleProfile(bodyId);
    await this.db.transaction().execute(async (trx) => {
      await this.settings.putProfile(bodyId, JSON.stringify(settings), this.clock.now().toISOString(), trx);
      await this.audit.record(trx, {
        actor,
        action: 'rule_profile.update',
        targetType: 'rule_profile',
        targetId: bodyId,
        bodyId,
        before: before.settings,
        after: settings,
      });
    });
    return this.ruleProfile(bodyId);
  }

  /** Drops the body's own profile so it inherits again. */
  async resetRuleProfile(actor: Actor, bodyId: string): Promise<RuleProfileView> {
    const body = await this.bodies.require(bodyId);
    requireCoversBody(actor, ['admin', 'office_staff'], body.path);
    await this.db.transaction().execute(async (trx) => {
      await this.settings.deleteProfile(bodyId, trx);
      await this.audit.record(trx, {
        actor,
        action: 'rule_profile.reset',
        targetType: 'rule_profile',
        targetId: bodyId,
        bodyId,
      });
    });
    return this.ruleProfile(bodyId);
  }

  async security(): Promise<SecuritySettings> {
    if (this.securityCache) return this.securityCache;
    const raw = await this.settings.systemSetting(securityKey);
    const parsed = raw ? securitySettingsSchema.safeParse(JSON.parse(raw)) : null;
    this.securityCache = parsed?.success ? parsed.data : securityDefaults;
    return this.securityCache;
  }

  async updateSecurity(actor: Actor, next: SecuritySettings): Promise<SecuritySettings> {
    if (!isDeploymentAdmin(actor))
      throw forbidden({
        zh: '只有顶级系统管理员可以修改安全策略。',
        en: 'Only a top-level administrator may change the security policy.',
      });
    const before = await this.security();
    await this.db.transaction().execute(async (trx) => {
      await this.settings.putSystemSetting(
        securityKey,
        JSON.stringify(next),
        this.clock.now().toISOString(),
        trx,
      );
      await this.audit.record(trx, {
        actor,
        action: 'security.update',
        targetType: 'system_settings',
        targetId: securityKey,
        before,
        after: next,
      });
    });
    this.securityCache = next;
    return next;
  }
}
