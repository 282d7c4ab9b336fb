import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { requireCoversBody } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { DomainError } from '../platform/errors.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { KeySuggestionsRepository } from './key-suggestions.repository.js';
import type { SuggestionPartsRepository } from './suggestion-parts.repository.js';
import type { SuggestionsService } from './suggestions.service.js';
import type { SuggestionViews } from './suggestion.views.js';

/** Who decides key suggestions: the chairpersons' council (leaders), prepared by the office. */
const councilRoles = ['leader', 'office_staff', 'admin'] as const;

interface Leader {
  name: string;
  title?: string | null;
  groupName?: string | null;
}

/** Key suggestions (重点建议, DBF art. 52): candidates by rule, confirmation with sponsors and supervisors, publication. */
export class KeySuggestionsService {
  constructor(
    private readonly db: Db,
    private readonly keys: KeySuggestionsRepository,
    private readonly parts: SuggestionPartsRepository,
    private readonly reader: SuggestionsService,
    private readonly views: SuggestionViews,
    private readonly bodies: BodiesService,
    private readonly settings: SettingsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Items the profile's rule proposes (e.g. ≥ 10 signers, lead included). */
  async candidates(actor: Actor, bodyId: string, sessionId?: string) {
    const body = await this.bodies.require(bodyId);
    requireCoversBody(actor, councilRoles, body.path);
    const { keySuggestionMinSigners } = (await this.settings.ruleProfile(bodyId)).settings;
    return {
      minSigners: keySuggestionMinSigners,
      items: await this.views.summaries(
        await this.keys.keyCandidates(bodyId, sessionId, keySuggestionMinSigners),
      ),
    };
  }

  async confirm(actor: Actor, id: string, input: { sponsors: Leader[]; supervisors: Leader[] }) {
    const row = await this.reader.visible(actor, id);
    const body = await this.bodies.require(row.body_id);
    requireCoversBody(actor, councilRoles, body.path);
    if (!['accepted', 'handling'].includes(row.status))
      throw new DomainError('invalid_transition', 'key.not_eligible', {
        zh: '只有已立案或办理中的建议可以确定为重点建议。',
        en: 'Only accepted items or items being handled can be key.',
      });
    const at = this.clock.now().toISOString();
    // Re-confirming keeps the account links the office made for the same leaders.
    const linked = new Map((await this.parts.leadersOf([id])).map((l) => [`${l.kind}:${l.name}`, l.user_id]));
    const leader = (kind: 'sponsor' | 'supervisor') => (l: Leader) => ({
      id: newId(),
      suggestion_id: id,
      kind,
      name: l.name,
      title: l.title ?? null,
      user_id: linked.get(`${kind}:${l.name}`) ?? null,
      group_name: l.groupName ?? null,
      created_at: at,
    });
    await this.db.transaction().execute(async (trx) => {
      await this.keys.setKeyStatus(id, row.key_status === 'published' ? 'published' : 'confirmed', at, trx);
      await this.parts.replaceLeaders(
        id,
        [...input.sponsors.map(leader('sponsor')), ...input.supervisors.map(leader('supervisor'))],
        trx,
      );
      await this.parts.insertEvent(
        {
          id: newId(),
          suggestion_id: id,
          at,
          actor_id: actor.userId,
          actor_name: actor.displayName,
          action: 'key_confirmed',
          from_status: null,
          to_status: null,
          note:
            [
              ...input.sponsors.map((s) => `领办：${s.name}`),
              ...input.supervisors.map((s) => `督办：${s.name}`),
            ].join('；') || null,
          data_json: null,
        },
        trx,
      );
      await this.audit.record(trx, {
        actor,
        action: 'suggestion.key_confirm',
        targetType: 'suggestion',
        targetId: id,
        bodyId: row.body_id,
        after: input,
      });
      await this.notifications.notifyDeputies(trx, [row.lead_deputy_id], {
        kind: 'suggestion.key',
        title: '您的建议确定为重点建议',
        body: `「${row.title}」经主任会议确定为重点督办建议。`,
        link: `/suggestions/${id}`,
      });
    });
    return this.reader.get(actor, id);
  }

  async unmark(actor: Actor, id: string) {
    const row = await this.reader.visible(actor, id);
    requireCoversBody(actor, councilRoles, (await this.bodies.require(row.body_id)).path);
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.keys.setKeyStatus(id, 'none', at, trx);
      await this.parts.replaceLeaders(id, [], trx);
      await this.audit.record(trx, {
        actor,
        action: 'suggestion.key_unmark',
        targetType: 'suggestion',
        targetId: id,
        bodyId: row.body_id,
      });
    });
    return this.reader.get(actor, id);
  }

  async publish(actor: Actor, bodyId: string, sessionId?: string) {
    const body = await this.bodies.require(bodyId);
    requireCoversBody(actor, councilRoles, body.path);
    const at = this.clock.now().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const published = await this.keys.publishKeys(bodyId, sessionId, at, trx);
      await this.audit.record(trx, {
        actor,
        action: 'suggestion.key_publish',
        targetType: 'body',
        targetId: bodyId,
        bodyId,
        after: { sessionId: sessionId ?? null, published },
      });
      return { published };
    });
  }

  /** The published list, for everyone: units, sponsors and supervisors; undisclosed items per the profile. */
  async publicList(bodyId: string, sessionId?: string) {
    const profile = (await this.settings.ruleProfile(bodyId)).settings;
    const rows = (await this.keys.publishedKeys(bodyId, sessionId)).filter(
      (r) => r.disclose === 1 || profile.undisclosedOnPortal === 'title_only',
    );
    const summaries = await this.views.summaries(rows);
    const leaders = await this.parts.leadersOf(rows.map((r) => r.id));
    return summaries.map((s) => ({
      id: s.id,
      serialLabel: s.serialLabel,
      title: s.title,
      leadDeputyName: s.leadDeputyName,
      categoryName: s.categoryName,
      units: s.units.map((u) => ({ unitName: u.unitName, role: u.role })),
      sponsors: leaders
        .filter((l) => l.suggestion_id === s.id && l.kind === 'sponsor')
        .map((l) => ({ name: l.name, title: l.title })),
      supervisors: leaders
        .filter((l) => l.suggestion_id === s.id && l.kind === 'supervisor')
        .map((l) => ({ name: l.name, title: l.title, groupName: l.group_name })),
    }));
  }
}
