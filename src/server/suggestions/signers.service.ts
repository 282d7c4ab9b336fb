import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { DomainError, forbidden, invalidField } from '../platform/errors.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { SuggestionsRepository } from './suggestions.repository.js';
import type { SuggestionPartsRepository } from './suggestion-parts.repository.js';
import type { SuggestionsService } from './suggestions.service.js';

const openForSigners = ['draft', 'returned'];

/** Co-signers (联名代表): the lead deputy invites, each invited deputy confirms or declines. */
export class SignersService {
  constructor(
    private readonly db: Db,
    private readonly suggestions: SuggestionsRepository,
    private readonly parts: SuggestionPartsRepository,
    private readonly reader: SuggestionsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async invite(actor: Actor, id: string, deputyIds: string[]) {
    const row = await this.reader.visible(actor, id);
    if (actor.deputyId !== row.lead_deputy_id)
      throw forbidden({
        zh: '只有领衔代表可以邀请联名代表。',
        en: 'Only the lead deputy invites co-signers.',
      });
    if (!openForSigners.includes(row.status))
      throw new DomainError('invalid_transition', 'suggestion.signers_closed', {
        zh: '建议提交后不能再邀请联名代表。',
        en: 'Co-signers cannot be invited after submission.',
      });
    const unique = [...new Set(deputyIds)].filter((d) => d !== row.lead_deputy_id);
    for (const [index, deputyId] of unique.entries())
      if (!(await this.suggestions.deputySitsIn(deputyId, row.body_id)))
        throw invalidField(
          `deputyIds.${index}`,
          { zh: '被邀请的不是本级人大代表', en: 'an invited deputy has no seat in this body' },
          'signer_not_in_body',
        );
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.parts.insertSigners(
        unique.map((deputyId) => ({
          suggestion_id: id,
          deputy_id: deputyId,
          status: 'invited',
          invited_at: at,
          responded_at: null,
        })),
        trx,
      );
      await this.parts.insertEvent(
        {
          id: newId(),
          suggestion_id: id,
          at,
          actor_id: actor.userId,
          actor_name: actor.displayName,
          action: 'signers_invited',
          from_status: null,
          to_status: null,
          note: `邀请 ${unique.length} 名代表联名`,
          data_json: JSON.stringify(unique),
        },
        trx,
      );
      await this.audit.record(trx, {
        actor,
        action: 'suggestion.invite_signers',
        targetType: 'suggestion',
        targetId: id,
        bodyId: row.body_id,
        after: { deputyIds: unique },
      });
      await this.notifications.notifyDeputies(trx, unique, {
        kind: 'suggestion.cosign_invitation',
        title: '联名邀请',
        body: `${actor.displayName} 代表邀请您联名提出「${row.title}」，请确认是否联名。`,
        link: `/suggestions/${id}`,
      });
    });
    return this.reader.get(actor, id);
  }

  /** The invited deputy confirms or declines; possible until the item is submitted. */
  async respond(actor: Actor, id: string, accept: boolean) {
    const row = await this.reader.visible(actor, id);
    if (!actor.deputyId)
      throw forbidden({
        zh: '只有被邀请的代表可以答复联名邀请。',
        en: 'Only invited deputies answer invitations.',
      });
    if (!openForSigners.includes(row.status))
      throw new DomainError('invalid_transition', 'suggestion.signers_closed', {
        zh: '建议已提交，联名已截止。',
        en: 'The item was submitted; co-signing has closed.',
      });
    const at = this.clock.now().toISOString();
    const deputyId = actor.deputyId;
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.parts.respond(id, deputyId, accept ? 'confirmed' : 'declined', at, trx)))
        throw forbidden({
          zh: '您没有收到该建议的联名邀请。',
          en: 'You were not invited to co-sign this item.',
        });
      await this.parts.insertEvent(
        {
          id: newId(),
          suggestion_id: id,
          at,
          actor_id: actor.userId,
          actor_name: actor.displayName,
          action: accept ? 'signer_confirmed' : 'signer_declined',
          from_status: null,
          to_status: null,
          note: null,
          data_json: null,
        },
        trx,
      );
      await this.audit.record(trx, {
        actor,
        action: accept ? 'suggestion.cosign' : 'suggestion.decline_cosign',
        targetType: 'suggestion',
        targetId: id,
        bodyId: row.body_id,
      });
      await this.notifications.notifyDeputies(trx, [row.lead_deputy_id], {
        kind: 'suggestion.cosign_answer',
        title: accept ? '联名已确认' : '联名被拒绝',
        body: `${actor.displayName} 代表${accept ? '确认' : '拒绝'}联名「${row.title}」。`,
        link: `/suggestions/${id}`,
      });
    });
    return this.reader.get(actor, id);
  }

  async remove(actor: Actor, id: string, deputyId: string) {
    const row = await this.reader.visible(actor, id);
    if (actor.deputyId !== row.lead_deputy_id)
      throw forbidden({
        zh: '只有领衔代表可以移除联名代表。',
        en: 'Only the lead deputy removes co-signers.',
      });
    if (!openForSigners.includes(row.status))
      throw new DomainError('invalid_transition', 'suggestion.signers_closed', {
        zh: '建议提交后联名代表不能再变更。',
        en: 'Co-signers are fixed after submission.',
      });
    await this.db.transaction().execute(async (trx) => {
      await this.parts.removeSigner(id, deputyId, trx);
      await this.audit.record(trx, {
        actor,
        action: 'suggestion.remove_signer',
        targetType: 'suggestion',
        targetId: id,
        bodyId: row.body_id,
        after: { deputyId },
      });
    });
    return this.reader.get(actor, id);
  }
}
