import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { DomainError, forbidden, invalidField, notFound } from '../platform/errors.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { SupervisionRepository } from './supervision.repository.js';
import type { SupervisionViews } from './supervision.views.js';
import { supervisedStatuses, toActivity, toProgress } from './supervision.views.js';

const itemNoun = { zh: '督办事项', en: 'Supervised item' };
const officeRoles = ['office_staff', 'admin'] as const;

const notKey = () =>
  new DomainError('invalid_transition', 'supervision.not_key', {
    zh: '只有重点建议才记录督办活动和办理进展。',
    en: 'Supervision activities and progress reports are kept for key suggestions only.',
  });

/**
 * The leaders' and units' side of supervision: a sponsor's or supervisor's board of their own key
 * items, the supervision activities they record, and the units' progress reports on key items.
 */
export class SupervisionService {
  constructor(
    private readonly db: Db,
    private readonly supervision: SupervisionRepository,
    private readonly views: SupervisionViews,
    private readonly bodies: BodiesService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The signed-in leader's board: only the key items whose leader entries are linked to them. */
  async board(actor: Actor) {
    const entries = await this.supervision.entriesOfUser(actor.userId);
    const ids = [...new Set(entries.map((e) => e.suggestion_id))];
    const rows = await this.supervision.items({ ids, statuses: supervisedStatuses });
    const items = await this.views.items(rows);
    return items.map((item) => ({
      ...item,
      myRoles: [
        ...new Set(
          entries
            .filter((e) => e.suggestion_id === item.suggestionId)
            .map((e) => e.kind as 'sponsor' | 'supervisor'),
        ),
      ],
    }));
  }

  /**
   * An item the actor may follow: its linked leaders, staff of its body, or its units. Anyone else
   * gets 404, as for an unknown id.
   */
  private async visible(actor: Actor, id: string) {
    const [row] = await this.supervision.items({ ids: [id], statuses: supervisedStatuses });
    if (!row) throw notFound(itemNoun, id);
    const body = await this.bodies.require(row.body_id);
    const [leaders, assignments] = await Promise.all([
      this.supervision.leadersOf([id]),
      this.supervision.assignmentsOf([id]),
    ]);
    const mine = leaders.filter((l) => l.user_id === actor.userId);
    const units = assignments.filter((a) => actor.roles.some((r) => r.unitId === a.unit_id));
    const staff = coversBody(actor, organisationReaders, body.path);
    if (mine.length === 0 && units.length === 0 && !staff) throw notFound(itemNoun, id);
    return { row, bodyPath: body.path, leaders, mine, units };
  }

  async detail(actor: Actor, id: string) {
    const { row, leaders } = await this.visible(actor, id);
    const [item] = await this.views.items([row]);
    if (!item) throw notFound(itemNoun, id);
    const [activities, progress, reminders] = await Promise.all([
      this.supervision.activitiesOf([id]),
      this.supervision.progressOf([id]),
      this.supervision.remindersOf(id),
    ]);
    return {
      ...item,
      leaders: leaders.map((l) => ({
        id: l.id,
        kind: l.kind as 'sponsor' | 'supervisor',
        name: l.name,
        title: l.title,
        groupName: l.group_name,
        linked: l.user_id !== null,
      })),
      activities: activities.map(toActivity),
      progress: progress.map(toProgress),
      reminders: reminders.map((r) => ({
        id: r.id,
        unitName: r.unit_name,
        note: r.note,
        sentByName: r.sent_by_name,
        createdAt: r.created_at,
      })),
    };
  }

  private notFuture(field: string, day: string) {
    if (day > this.views.today())
      throw invalidField(field, { zh: '「日期」不能晚于今天', en: 'cannot be in the future' });
  }

  /** A sponsor or supervisor (or the office) records a meeting, site visit or report heard. */
  async recordActivity(
    actor: Actor,
    id: string,
    input: { kind: string; activityOn: string; summary: string; participants?: string | null },
  ) {
    const { row, bodyPath, mine } = await this.visible(actor, id);
    if (row.key_status === 'none') throw notKey();
    if (mine.length === 0 && !coversBody(actor, officeRoles, bodyPath))
      throw forbidden({
        zh: '只有该建议的领办、督办领导或代表工委可以记录督办活动。',
        en: "Only the item's sponsors, supervisors or the congress office may record supervision.",
      });
    this.notFuture('activityOn', input.activityOn);
    const leaderKind = mine.find((l) => l.kind === 'sponsor')?.kind ?? mine[0]?.kind ?? null;
    const record = {
      id: newId(),
      suggestion_id: id,
      body_id: row.body_id,
      kind: input.kind,
      activity_on: input.activityOn,
      summary: input.summary,
      participants: input.participants ?? null,
      leader_kind: leaderKind,
      recorded_by: actor.userId,
      recorded_by_name: actor.displayName,
      created_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      await this.supervision.insertActivity(record, trx);
      await this.audit.record(trx, {
        actor,
        action: 'supervision.activity',
        targetType: 'suggestion',
        targetId: id,
        bodyId: row.body_id,
        after: record,
      });
    });
    return this.detail(actor, id);
  }

  /** A handling unit reports progress on a key item; the item's linked leaders are told. */
  async reportProgress(
    actor: Actor,
    id: string,
    input: { reportOn: string; text: string; percent?: number },
  ) {
    const { row, units, leaders } = await this.visible(actor, id);
    if (row.key_status === 'none') throw notKey();
    const assignment = units[0];
    if (!assignment)
      throw forbidden({
        zh: '只有承办该建议的单位可以报告办理进展。',
        en: 'Only a unit handling the item may report progress.',
      });
    if (row.status === 'closed')
      throw new DomainError('invalid_transition', 'supervision.closed', {
        zh: '建议已办结，不能再报告进展。',
        en: 'The item is closed.',
      });
    this.notFuture('reportOn', input.reportOn);
    const record = {
      id: newId(),
      suggestion_id: id,
      assignment_id: assignment.id,
      unit_id: assignment.unit_id,
      report_on: input.reportOn,
      text: input.text,
      percent: input.percent ?? null,
      created_by: actor.userId,
      created_by_name: actor.displayName,
      created_at: this.clock.now().toISOString(),
    };
    const leaderUsers = leaders.map((l) => l.user_id).filter((u): u is string => u !== null);
    await this.db.transaction().execute(async (trx) => {
      await this.supervision.insertProgress(record, trx);
      await this.audit.record(trx, {
        actor,
        action: 'supervision.progress',
        targetType: 'suggestion',
        targetId: id,
        bodyId: row.body_id,
        after: record,
      });
      await this.notifications.notifyUsers(trx, leaderUsers, {
        kind: 'supervision.progress',
        title: '重点建议有新的办理进展',
        body: `${assignment.unit_name}报告了「${row.title}」的办理进展。`,
        link: `/supervision/${id}`,
      });
    });
    return this.detail(actor, id);
  }
}
