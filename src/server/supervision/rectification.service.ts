import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders, requireCoversBody, unitIdsOf } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { forbidden, notFound } from '../platform/errors.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { availability, check, staleTransition } from '../workflow/workflow.js';
import type { Rectification, RectificationStatus } from '../../shared/schemas/supervision.js';
import { tenthsOfPercent } from '../followups/percent.js';
import type { RectificationRecord, RectificationRepository } from './rectification.repository.js';
import { rectificationWorkflow } from './rectification.workflow.js';

const taskNoun = { zh: '整改任务', en: 'Rectification task' };
const officeRoles = ['office_staff', 'admin'] as const;
type Row = RectificationRecord & { unit_name: string };

/** Whether a published rate (tenths of a percent) is below the threshold: 80.0 % is not below 80 %. */
export function belowThreshold(rateTenths: number | null, thresholdPercent: number): boolean {
  return rateTenths !== null && rateTenths < Math.round(thresholdPercent * 10);
}

/** The instant a calendar year begins in Asia/Shanghai, as UTC. */
function yearStart(year: number): string {
  return new Date(`${year}-01-01T00:00:00+08:00`).toISOString();
}

/**
 * 满意率 per unit and the rectification of units below the body's threshold (博爱 < 80 %):
 * report, written explanation, reviewed by the office, due one month after the task is set.
 */
export class RectificationService {
  constructor(
    private readonly db: Db,
    private readonly tasks: RectificationRepository,
    private readonly bodies: BodiesService,
    private readonly settings: SettingsService,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Inclusive and strict satisfaction of each unit for items closed in a year (one decimal). */
  async satisfaction(actor: Actor, query: { bodyId: string; year: number }) {
    const body = await this.bodies.require(query.bodyId);
    requireCoversBody(actor, organisationReaders, body.path);
    const result = await this.compute(body.id, query.year);
    return { ...result, units: result.units.map(({ rateTenths: _tenths, ...unit }) => unit) };
  }

  private async compute(bodyId: string, year: number) {
    const thresholdPercent = (await this.settings.ruleProfile(bodyId)).settings.satisfactionThresholdPercent;
    const [rows, existing] = await Promise.all([
      this.tasks.ratingCounts(bodyId, yearStart(year), yearStart(year + 1)),
      this.tasks.ofYear(bodyId, year),
    ]);
    const units = new Map<string, { unitId: string; unitName: string; counts: Record<string, number> }>();
    for (const r of rows) {
      const unit = units.get(r.unit_id) ?? { unitId: r.unit_id, unitName: r.unit_name, counts: {} };
      unit.counts[r.result] = (unit.counts[r.result] ?? 0) + r.n;
      units.set(r.unit_id, unit);
    }
    return {
      bodyId,
      year,
      thresholdPercent,
      units: [...units.values()].map(({ unitId, unitName, counts }) => {
        const satisfied = counts.satisfied ?? 0;
        const basicallySatisfied = counts.basically_satisfied ?? 0;
        const unsatisfied = counts.unsatisfied ?? 0;
        const valid = satisfied + basicallySatisfied + unsatisfied;
        const rateTenths = tenthsOfPercent(satisfied + basicallySatisfied, valid);
        const strictTenths = tenthsOfPercent(satisfied, valid);
        return {
          unitId,
          unitName,
          valid,
          satisfied,
          basicallySatisfied,
          unsatisfied,
          rate: rateTenths === null ? null : rateTenths / 10,
          strictRate: strictTenths === null ? null : strictTenths / 10,
          rateTenths,
          belowThreshold: belowThreshold(rateTenths, thresholdPercent),
          rectificationId: existing.get(unitId) ?? null,
        };
      }),
    };
  }

  /** The office sets a task, due in one month, for every unit below the threshold without one. */
  async create(actor: Actor, input: { bodyId: string; year: number }) {
    const body = await this.bodies.require(input.bodyId);
    requireCoversBody(actor, officeRoles, body.path);
    const result = await this.compute(body.id, input.year);
    const below = result.units.filter((u) => u.belowThreshold);
    const fresh = below.filter((u) => u.rectificationId === null);
    const today = shanghaiDate(this.clock.now());
    const dueOn = (await this.calendar.dueDate(today, { amount: 1, unit: 'months' })).due;
    const at = this.clock.now().toISOString();
    const created: string[] = [];
    await this.db.transaction().execute(async (trx) => {
      for (const unit of fresh) {
        const row: RectificationRecord = {
          id: newId(),
          body_id: body.id,
          unit_id: unit.unitId,
          year: input.year,
          valid_count: unit.valid,
          satisfied_count: unit.satisfied + unit.basicallySatisfied,
          rate_tenths: unit.rateTenths ?? 0,
          threshold_tenths: Math.round(result.thresholdPercent * 10),
          due_on: dueOn,
          status: 'open',
          report_text: null,
          explanation: null,
          submitted_at: null,
          submitted_by: null,
          review_note: null,
          accepted_at: null,
          accepted_by: null,
          version: 0,
          created_by: actor.userId,
          created_at: at,
          updated_at: at,
        };
        // Another office user may have set it a moment ago: one task per unit and year.
        if (!(await this.tasks.insertOnce(row, trx))) continue;
        created.push(row.id);
        await this.audit.record(trx, {
          actor,
          action: 'rectification.create',
          targetType: 'rectification_task',
          targetId: row.id,
          bodyId: body.id,
          after: { unitId: unit.unitId, year: input.year, rate: unit.rate, dueOn },
        });
        await this.notifications.notifyUnits(trx, [unit.unitId], {
          kind: 'rectification.created',
          title: '建议办理满意率低于标准，请限期整改',
          body: `你单位 ${input.year} 年代表建议办理满意率为 ${unit.rate ?? 0}%，低于 ${result.thresholdPercent}%。请于 ${dueOn} 前提交整改报告和书面说明。`,
          link: `/rectifications/${row.id}`,
        });
      }
    });
    const tasks = await Promise.all(created.map((id) => this.get(actor, id)));
    return { created: tasks, existing: below.length - fresh.length };
  }

  async list(actor: Actor, query: { bodyId: string; year?: number; status?: string }) {
    const body = await this.bodies.require(query.bodyId);
    const staff = coversBody(actor, organisationReaders, body.path);
    if (!staff && unitIdsOf(actor).length === 0)
      throw forbidden({ zh: '您无权查看整改任务。', en: 'You may not read rectification tasks.' });
    const rows = await this.tasks.list({ ...query, unitIds: staff ? undefined : unitIdsOf(actor) });
    return rows.map((row) => this.view(row, actor, body.path));
  }

  private async visible(actor: Actor, id: string): Promise<{ row: Row; bodyPath: string }> {
    const row = await this.tasks.findById(id);
    if (!row) throw notFound(taskNoun, id);
    const body = await this.bodies.require(row.body_id);
    const ownUnit = actor.roles.some((r) => r.unitId === row.unit_id);
    if (!ownUnit && !coversBody(actor, organisationReaders, body.path)) throw notFound(taskNoun, id);
    return { row, bodyPath: body.path };
  }

  async get(actor: Actor, id: string): Promise<Rectification> {
    const { row, bodyPath } = await this.visible(actor, id);
    return this.view(row, actor, bodyPath);
  }

  /** Submit (unit), accept or return (office). */
  async act(actor: Actor, id: string, actionName: string, rawInput: unknown): Promise<Rectification> {
    const { row, bodyPath } = await this.visible(actor, id);
    const { input, from, to } = check(
      rectificationWorkflow,
      actionName,
      { task: row, actor, bodyPath },
      rawInput,
    );
    const at = this.clock.now().toISOString();
    const note = (input as { note?: string | null }).note ?? null;
    const changes =
      actionName === 'submit'
        ? {
            report_text: (input as { reportText: string }).reportText,
            explanation: (input as { explanation: string }).explanation,
            submitted_at: at,
            submitted_by: actor.userId,
          }
        : actionName === 'accept'
          ? { review_note: note, accepted_at: at, accepted_by: actor.userId }
          : { review_note: note };
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.tasks.transition(id, row, to, { ...changes, updated_at: at }, trx)))
        throw staleTransition('rectification');
      await this.audit.record(trx, {
        actor,
        action: `rectification.${actionName}`,
        targetType: 'rectification_task',
        targetId: id,
        bodyId: row.body_id,
        before: { status: from },
        after: { status: to, ...(input as object) },
      });
      if (actionName !== 'submit')
        await this.notifications.notifyUnits(trx, [row.unit_id], {
          kind: `rectification.${actionName}`,
          title: actionName === 'accept' ? '整改情况已审核通过' : '整改报告被退回，请重新整改',
          body: note ?? `${row.year} 年建议办理满意率整改`,
          link: `/rectifications/${id}`,
        });
    });
    return this.get(actor, id);
  }

  private view(row: Row, actor: Actor, bodyPath: string): Rectification {
    return {
      id: row.id,
      bodyId: row.body_id,
      unitId: row.unit_id,
      unitName: row.unit_name,
      year: row.year,
      valid: row.valid_count,
      satisfiedCount: row.satisfied_count,
      rate: row.rate_tenths / 10,
      thresholdPercent: row.threshold_tenths / 10,
      dueOn: row.due_on,
      status: row.status as RectificationStatus,
      reportText: row.report_text,
      explanation: row.explanation,
      submittedAt: row.submitted_at,
      reviewNote: row.review_note,
      acceptedAt: row.accepted_at,
      overdue: row.status === 'open' && row.due_on < shanghaiDate(this.clock.now()),
      allowedActions: availability(rectificationWorkflow, { task: row, actor, bodyPath })
        .filter((a) => a.allowed)
        .map((a) => a.action),
      createdAt: row.created_at,
      version: row.version,
    };
  }
}
