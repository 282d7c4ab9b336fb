import type { Db } from '../db/database.js';
import { laterAssignmentColumns } from './row-defaults.js';
import type { Executor } from '../db/executor.js';
import type { AssignmentRow, SuggestionRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { unitIdsOf } from '../auth/actor.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { DomainError, invalidField } from '../platform/errors.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { UnitsRepository } from '../units/units.repository.js';
import type { AssignInput } from '../../shared/schemas/suggestions.js';
import { assignmentRoleLabels, finishedAssignmentStatuses } from '../../shared/schemas/suggestions.js';
import type { AssignmentsRepository } from './assignments.repository.js';
import type { HandlingJobs } from './handling.jobs.js';
import type { SuggestionsRepository } from './suggestions.repository.js';
import type { SuggestionPartsRepository } from './suggestion-parts.repository.js';
import type { SuggestionViews } from './suggestion.views.js';
import { daysBetween, serialLabel } from './suggestion.views.js';

/** Assignment rows computed before the write transaction. */
export interface AssignmentPlan {
  rows: AssignmentRow[];
  unitNames: Map<string, string>;
  warningShare: number;
}

/** Assignment of suggestions to units, and each unit's receipt and adjustment requests. */
export class AssignmentsService {
  constructor(
    private readonly db: Db,
    private readonly assignments: AssignmentsRepository,
    private readonly suggestions: SuggestionsRepository,
    private readonly parts: SuggestionPartsRepository,
    private readonly units: UnitsRepository,
    private readonly views: SuggestionViews,
    private readonly calendar: CalendarService,
    private readonly bodies: BodiesService,
    private readonly settings: SettingsService,
    private readonly notifications: NotificationsService,
    private readonly handlingJobs: HandlingJobs,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return shanghaiDate(this.clock.now());
  }

  /** Checks the date an assignment counts from: today by default, an earlier meeting date allowed. */
  assignmentDate(requested: string | undefined): string {
    const today = this.today();
    const date = requested ?? today;
    if (date > today)
      throw invalidField('assignedOn', {
        zh: '「交办日期」不能晚于今天',
        en: '"Assigned on" cannot be in the future',
      });
    return date;
  }

  /** Validates the unit set (one lead with co units, or separate units) and reads the units once. */
  private async validUnits(suggestion: SuggestionRow, units: AssignInput['units'], executor: Executor) {
    const leads = units.filter((u) => u.role === 'lead').length;
    const separate = units.filter((u) => u.role === 'separate').length;
    const co = units.filter((u) => u.role === 'co').length;
    if ((leads > 0 || co > 0) && separate > 0)
      throw invalidField(
        'units',
        { zh: '主办/协办与分办不能混用', en: 'lead/co and separate units cannot be mixed' },
        'assignment_roles_mixed',
      );
    if (separate === 0 && leads !== 1)
      throw invalidField(
        'units',
        {
          zh: '须指定一个主办单位（可另加协办单位），或改为分办',
          en: 'name exactly one lead unit (plus co units), or use separate units',
        },
        'assignment_needs_one_lead',
      );
    const ids = units.map((u) => u.unitId);
    if (new Set(ids).size !== ids.length)
      throw invalidField(
        'units',
        { zh: '同一单位不能重复交办', en: 'a unit appears twice' },
        'assignment_unit_repeated',
      );
    const rows = await this.units.findByIds(ids, executor);
    for (const [index, unit] of units.entries()) {
      const row = rows.find((r) => r.id === unit.unitId);
      if (!row || row.body_id !== suggestion.body_id || row.active !== 1)
        throw invalidField(
          `units.${index}.unitId`,
          { zh: '承办单位不存在、已停用或不属于本级人大', en: 'unit not found, inactive or of another body' },
          'assignment_unit_invalid',
        );
    }
    return rows;
  }

  /** The assignment rows for units, with every deadline from the body's rule profile and the calendar. */
  private async rowsFor(
    suggestion: SuggestionRow,
    units: AssignInput['units'],
    assignedOn: string,
    batchId: string | null,
  ): Promise<AssignmentRow[]> {
    const { deadlines } = (await this.settings.ruleProfile(suggestion.body_id)).settings;
    const [reply, coOpinion, window] = await Promise.all([
      this.calendar.dueDate(assignedOn, deadlines.reply),
      this.calendar.dueDate(assignedOn, deadlines.coUnitOpinion),
      this.calendar.dueDate(assignedOn, deadlines.adjustmentWindow),
    ]);
    const at = this.clock.now().toISOString();
    return units.map((unit) => ({
      id: newId(),
      suggestion_id: suggestion.id,
      unit_id: unit.unitId,
      role: unit.role,
      status: 'pending_receipt',
      batch_id: batchId,
      assigned_on: assignedOn,
      reply_due_on: reply.due,
      co_opinion_due_on: unit.role === 'co' ? coOpinion.due : null,
      adjustment_window_ends_on: window.due,
      received_at: null,
      adjustment_reason: null,
      adjustment_requested_at: null,
      adjustment_decision: null,
      adjustment_note: null,
      adjustment_decided_at: null,
      replaced_by_id: null,
      ...laterAssignmentColumns,
      version: 0,
      created_at: at,
      updated_at: at,
    }));
  }

  /**
   * Everything an assignment needs read before its transaction opens (units, profile, calendar):
   * SQLite has one connection, so a transaction may only use its own executor.
   */
  async plan(suggestion: SuggestionRow, input: AssignInput, batchId: string | null): Promise<AssignmentPlan> {
    const assignedOn = this.assignmentDate(input.assignedOn);
    const units = await this.validUnits(suggestion, input.units, this.db);
    const { warningSharePercent } = (await this.settings.ruleProfile(suggestion.body_id)).settings;
    return {
      rows: await this.rowsFor(suggestion, input.units, assignedOn, batchId),
      unitNames: new Map(units.map((u) => [u.id, u.name])),
      warningShare: warningSharePercent,
    };
  }

  /** Creates a suggestion's planned assignments in the caller's transaction and tells units and deputy. */
  async assign(
    executor: Executor,
    suggestion: SuggestionRow,
    plan: AssignmentPlan,
  ): Promise<AssignmentRow[]> {
    const { rows } = plan;
    await this.assignments.insertMany(rows, executor);
    for (const row of rows) await this.handlingJobs.scheduleForAssignment(executor, row, plan.warningShare);
    const label = serialLabel(suggestion) ?? '';
    await this.notifications.notifyUnits(
      executor,
      rows.map((r) => r.unit_id),
      {
        kind: 'suggestion.assigned',
        title: `新交办建议 ${label}`,
        body: `「${suggestion.title}」已交你单位办理，请及时签收。答复期限 ${rows[0]?.reply_due_on ?? ''}。`,
        link: `/suggestions/${suggestion.id}`,
      },
    );
    const unitText = rows
      .map((r) => `${plan.unitNames.get(r.unit_id) ?? ''}（${assignmentRoleLabels[r.role as 'lead'].zh}）`)
      .join('、');
    await this.notifications.notifyDeputies(executor, [suggestion.lead_deputy_id], {
      kind: 'suggestion.assigned',
      title: `您的建议已交办 ${label}`,
      body: `「${suggestion.title}」已交 ${unitText} 办理。`,
      link: `/suggestions/${suggestion.id}`,
    });
    return rows;
  }

  /** The new unit's assignment, with deadlines counted from the new assignment date. */
  async planReplacement(
    suggestion: SuggestionRow,
    assignment: AssignmentRow,
    values: { newUnitId?: string; assignedOn?: string },
  ): Promise<AssignmentRow> {
    const newUnitId = values.newUnitId ?? '';
    if (newUnitId === assignment.unit_id)
      throw invalidField('newUnitId', { zh: '请选择另一个承办单位', en: 'choose a different unit' });
    const active = (await this.assignments.ofSuggestions([suggestion.id])).filter(
      (a) => a.status !== 'reassigned' && a.id !== assignment.id,
    );
    if (active.some((a) => a.unit_id === newUnitId))
      throw invalidField('newUnitId', {
        zh: '该单位已承办此建议',
        en: 'that unit already handles this item',
      });
    const role = assignment.role as 'lead' | 'co' | 'separate';
    await this.validUnits(
      suggestion,
      [{ unitId: newUnitId, role: role === 'separate' ? 'separate' : 'lead' }],
      this.db,
    );
    const [replacement] = await this.rowsFor(
      suggestion,
      [{ unitId: newUnitId, role }],
      this.assignmentDate(values.assignedOn),
      assignment.batch_id,
    );
    if (!replacement)
      throw new DomainError('conflict', 'assignment.replacement_failed', {
        zh: '调整交办失败',
        en: 'Reassignment failed',
      });
    return replacement;
  }

  /** A unit's inbox: its active assignments with deadlines and days left, soonest first. */
  async inbox(
    actor: Actor,
    query: {
      page: number;
      pageSize: number;
      state?: 'open' | 'done' | 'all';
      status?: string;
      unitId?: string;
      overdue?: string;
    },
  ) {
    const mine = unitIdsOf(actor);
    const unitIds = query.unitId ? mine.filter((u) => u === query.unitId) : mine;
    const today = this.today();
    const result = await this.assignments.inbox(
      {
        unitIds,
        status: query.status,
        statuses:
          query.state === 'done'
            ? { in: finishedAssignmentStatuses }
            : query.state === 'all'
              ? undefined
              : { notIn: finishedAssignmentStatuses },
        overdueOn: query.overdue === 'true' ? today : undefined,
      },
      query.page,
      query.pageSize,
    );
    return {
      items: result.items.map((row) => ({
        ...this.views.toAssignment(row, today),
        title: row.title,
        serialLabel: serialLabel({
          serial_number: row.serial_number,
          timing: row.session_id ? 'session' : 'recess',
          accepted_at: null,
        }),
        leadDeputyName: row.lead_deputy_name,
        suggestionStatus: row.suggestion_status as 'handling',
      })),
      total: result.total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  daysLeft(due: string): number {
    return daysBetween(this.today(), due);
  }
}
