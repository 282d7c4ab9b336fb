import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { requireCoversBody } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { DomainError, invalidField, notFound } from '../platform/errors.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { OverviewQuery } from '../../shared/schemas/supervision.js';
import type { SupervisionRepository } from './supervision.repository.js';
import type { SupervisionViews } from './supervision.views.js';
import { owingStatuses, statusesOfStage, supervisedStatuses } from './supervision.views.js';

/** The congress office and the government supervision office (政府督查室) follow every item. */
const overseers = ['office_staff', 'admin', 'supervision_office'] as const;
const linkers = ['office_staff', 'admin'] as const;
const itemNoun = { zh: '建议', en: 'Suggestion' };
const leaderNoun = { zh: '领办督办领导', en: 'Sponsor or supervisor' };

/**
 * The offices' side of supervision: every item's stage, days left and warnings, reminders to
 * units (a notification and an audit entry), and linking leader entries to user accounts.
 */
export class SupervisionOfficeService {
  constructor(
    private readonly db: Db,
    private readonly supervision: SupervisionRepository,
    private readonly views: SupervisionViews,
    private readonly bodies: BodiesService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async overview(actor: Actor, query: OverviewQuery) {
    const body = await this.bodies.require(query.bodyId);
    requireCoversBody(actor, overseers, body.path);
    const rows = await this.supervision.items({
      bodyId: body.id,
      sessionId: query.sessionId,
      statuses: statusesOfStage(query.stage),
      key: query.key === undefined ? undefined : query.key === 'true',
      unitId: query.unitId,
    });
    // Warnings and overdue come from dates and settings, so they are filtered after computing.
    const items = (await this.views.items(rows)).filter(
      (item) =>
        (query.overdue === undefined || item.overdue === (query.overdue === 'true')) &&
        (query.warning === undefined || item.warnings.some((w) => w.code === query.warning)),
    );
    const start = (query.page - 1) * query.pageSize;
    return {
      items: items.slice(start, start + query.pageSize),
      total: items.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Reminds units that still owe a reply (or the ones named) to get on with it. */
  async remind(actor: Actor, id: string, input: { unitIds?: string[]; note: string }) {
    const [row] = await this.supervision.items({ ids: [id], statuses: supervisedStatuses });
    if (!row) throw notFound(itemNoun, id);
    requireCoversBody(actor, overseers, (await this.bodies.require(row.body_id)).path);
    const assignments = await this.supervision.assignmentsOf([id]);
    const named = input.unitIds;
    if (named && named.some((unitId) => !assignments.some((a) => a.unit_id === unitId)))
      throw invalidField('unitIds', {
        zh: '只能催办承办该建议的单位',
        en: 'only units handling the item can be reminded',
      });
    const unitIds = named ?? [
      ...new Set(assignments.filter((a) => owingStatuses.includes(a.status)).map((a) => a.unit_id)),
    ];
    if (unitIds.length === 0)
      throw new DomainError('invalid_transition', 'supervision.nothing_to_remind', {
        zh: '各承办单位均已答复，无需催办。',
        en: 'Every unit has replied; there is nobody to remind.',
      });
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.supervision.insertReminders(
        unitIds.map((unitId) => ({
          id: newId(),
          suggestion_id: id,
          unit_id: unitId,
          note: input.note,
          sent_by: actor.userId,
          sent_by_name: actor.displayName,
          created_at: at,
        })),
        trx,
      );
      await this.notifications.notifyUnits(trx, unitIds, {
        kind: 'supervision.reminder',
        title: '建议办理催办通知',
        body: `「${row.title}」：${input.note}`,
        link: `/suggestions/${id}`,
      });
      await this.audit.record(trx, {
        actor,
        action: 'supervision.remind',
        targetType: 'suggestion',
        targetId: id,
        bodyId: row.body_id,
        after: { unitIds, note: input.note },
      });
    });
    return { reminded: unitIds.length };
  }

  /** Links a sponsor's or supervisor's entry to the user account that will see it on its board. */
  async linkLeader(actor: Actor, leaderId: string, userId: string | null) {
    const leader = await this.supervision.leaderById(leaderId);
    if (!leader) throw notFound(leaderNoun, leaderId);
    requireCoversBody(actor, linkers, (await this.bodies.require(leader.body_id)).path);
    const user = userId ? await this.supervision.activeUser(userId) : null;
    if (userId && !user)
      throw invalidField('userId', { zh: '账号不存在或已停用', en: 'no such active account' });
    await this.db.transaction().execute(async (trx) => {
      await this.supervision.linkLeader(leaderId, userId, trx);
      await this.audit.record(trx, {
        actor,
        action: 'suggestion_leader.link_user',
        targetType: 'suggestion_leader',
        targetId: leaderId,
        bodyId: leader.body_id,
        before: { userId: leader.user_id },
        after: { userId, name: leader.name, kind: leader.kind },
      });
      if (user)
        await this.notifications.notifyUsers(trx, [user.id], {
          kind: 'supervision.assigned',
          title: leader.kind === 'sponsor' ? '您领办一件重点建议' : '您督办一件重点建议',
          body: `「${leader.title}」已列入您的督办看板。`,
          link: '/supervision/board',
        });
    });
    return { ok: true as const };
  }
}
