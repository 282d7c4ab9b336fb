import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { AssignmentRow, SuggestionRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders, unitIdsOf } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { notFound } from '../platform/errors.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { Locale } from '../http/locale.js';
import { availability, check, staleTransition } from '../workflow/workflow.js';
import type { AssignmentStatus } from '../../shared/schemas/suggestions.js';
import type { AssignmentsRepository } from './assignments.repository.js';
import type { SuggestionsRepository } from './suggestions.repository.js';
import type { SuggestionPartsRepository } from './suggestion-parts.repository.js';
import type { SuggestionViews } from './suggestion.views.js';
import type { AssignmentsService } from './assignments.service.js';
import type { HandlingJobs } from './handling.jobs.js';
import { assignmentWorkflow } from './assignment.workflow.js';
import type { AssignmentContext } from './assignment.workflow.js';

const assignmentNoun = { zh: '交办记录', en: 'Assignment' };

interface Values {
  reason?: string;
  note?: string;
  newUnitId?: string;
  assignedOn?: string;
  opinion?: string;
  newDueOn?: string;
  dueOn?: string;
}

export interface PreparedAssignmentAction {
  actor: Actor;
  suggestion: SuggestionRow;
  context: AssignmentContext;
  actionName: string;
  values: Values;
  from: AssignmentStatus;
  to: AssignmentStatus;
  replacement?: AssignmentRow;
  /** The body's warning share, for the jobs of a moved deadline. */
  warningShare: number;
}

/**
 * Runs the per-unit assignment workflow: receipt, adjustment, co-unit opinion, extension, and the
 * system's own steps (reply sent, opinion lapsed, re-handling). Reads happen in `prepare`, writes
 * in `apply` inside one transaction.
 */
export class AssignmentActionsService {
  constructor(
    private readonly db: Db,
    private readonly assignments: AssignmentsRepository,
    private readonly suggestions: SuggestionsRepository,
    private readonly parts: SuggestionPartsRepository,
    private readonly planner: AssignmentsService,
    private readonly views: SuggestionViews,
    private readonly calendar: CalendarService,
    private readonly bodies: BodiesService,
    private readonly settings: SettingsService,
    private readonly notifications: NotificationsService,
    private readonly jobs: HandlingJobs,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The context of an assignment for an actor; 404 when the actor may not see it. */
  async contextFor(actor: Actor, assignment: AssignmentRow, system = false) {
    const suggestion = await this.suggestions.findById(assignment.suggestion_id);
    if (!suggestion) throw notFound(assignmentNoun, assignment.id);
    const body = await this.bodies.require(suggestion.body_id);
    const mayRead =
      system ||
      unitIdsOf(actor).includes(assignment.unit_id) ||
      coversBody(actor, organisationReaders, body.path);
    if (!mayRead) throw notFound(assignmentNoun, assignment.id);
    const { deadlines } = (await this.settings.ruleProfile(suggestion.body_id)).settings;
    const maxDueOn = (await this.calendar.dueDate(assignment.assigned_on, deadlines.maxTotalWithExtension))
      .due;
    const context: AssignmentContext = {
      assignment,
      actor,
      bodyPath: body.path,
      today: shanghaiDate(this.clock.now()),
      maxDueOn,
    };
    return {
      suggestion,
      context,
      warningShare: (await this.settings.ruleProfile(suggestion.body_id)).settings.warningSharePercent,
    };
  }

  async actionsFor(actor: Actor, id: string, locale: Locale) {
    const assignment = await this.assignments.findById(id);
    if (!assignment) throw notFound(assignmentNoun, id);
    const { context } = await this.contextFor(actor, assignment);
    return availability(assignmentWorkflow, context)
      .filter((a) => a.reason?.zh !== '该步骤由系统自动完成。')
      .map((a) => ({
        action: a.action,
        label: a.label[locale],
        allowed: a.allowed,
        reason: a.reason?.[locale] ?? null,
      }));
  }

  async perform(actor: Actor, id: string, actionName: string, rawInput: unknown) {
    const assignment = await this.assignments.findById(id);
    if (!assignment) throw notFound(assignmentNoun, id);
    const prepared = await this.prepare(actor, assignment, actionName, rawInput);
    await this.db.transaction().execute((trx) => this.apply(trx, prepared));
    return this.views.detail(
      actor,
      (await this.suggestions.findById(prepared.suggestion.id)) ?? prepared.suggestion,
    );
  }

  /** Checks the action and reads what its effect needs (a replacement unit's deadlines). */
  async prepare(
    actor: Actor,
    assignment: AssignmentRow,
    actionName: string,
    rawInput: unknown,
    system = false,
  ): Promise<PreparedAssignmentAction> {
    const { suggestion, context, warningShare } = await this.contextFor(actor, assignment, system);
    const { input, from, to } = check(assignmentWorkflow, actionName, context, rawInput);
    const values = input as Values;
    const replacement =
      actionName === 'approve_adjustment'
        ? await this.planner.planReplacement(suggestion, assignment, values)
        : undefined;
    return { actor, suggestion, context, actionName, values, from, to, replacement, warningShare };
  }

  /** Writes the action: effect, compare-and-set, timeline, audit, notifications, follow-up jobs. */
  async apply(trx: Executor, prepared: PreparedAssignmentAction): Promise<void> {
    const { actor, suggestion, context, actionName, values, from, to, replacement, warningShare } = prepared;
    const assignment = context.assignment;
    const at = this.clock.now().toISOString();
    const changes: Partial<AssignmentRow> = {
      updated_at: at,
      ...this.changesFor(actionName, values, assignment, at),
    };
    if (replacement)
      Object.assign(changes, {
        adjustment_decision: 'approved',
        adjustment_note: values.note ?? null,
        adjustment_decided_at: at,
        replaced_by_id: replacement.id,
      });
    if (
      !(await this.assignments.transition(
        assignment.id,
        { status: from, version: assignment.version },
        to,
        changes,
        trx,
      ))
    )
      throw staleTransition('assignment');
    if (replacement) {
      await this.assignments.insertMany([replacement], trx);
      await this.jobs.scheduleForAssignment(trx, replacement, warningShare);
    }
    if (actionName === 'approve_extension' || actionName === 'reopen')
      await this.jobs.scheduleForAssignment(trx, { ...assignment, ...changes }, warningShare);
    await this.parts.insertEvent(
      {
        id: newId(),
        suggestion_id: suggestion.id,
        at,
        actor_id: actor.userId,
        actor_name: actor.displayName,
        action: `assignment.${actionName}`,
        from_status: null,
        to_status: null,
        note: values.reason ?? values.note ?? values.opinion ?? null,
        data_json: JSON.stringify({
          assignmentId: assignment.id,
          unitId: assignment.unit_id,
          from,
          to,
          replacementId: replacement?.id ?? null,
        }),
      },
      trx,
    );
    await this.audit.record(trx, {
      actor,
      action: `assignment.${actionName}`,
      targetType: 'assignment',
      targetId: assignment.id,
      bodyId: suggestion.body_id,
      before: { status: from },
      after: { status: to, ...changes, replacement },
    });
    await this.notifyAfter(trx, prepared);
  }

  private changesFor(
    actionName: string,
    values: Values,
    assignment: AssignmentRow,
    at: string,
  ): Partial<AssignmentRow> {
    switch (actionName) {
      case 'receive':
        return { received_at: at };
      case 'request_adjustment':
        return {
          adjustment_reason: values.reason ?? null,
          adjustment_requested_at: at,
          adjustment_decision: null,
          adjustment_note: null,
        };
      case 'refuse_adjustment':
        return {
          adjustment_decision: 'refused',
          adjustment_note: values.note ?? null,
          adjustment_decided_at: at,
        };
      case 'submit_opinion':
        return { opinion: values.opinion ?? null, opinion_at: at };
      case 'request_extension':
        return {
          extension_status: 'requested',
          extension_reason: values.reason ?? null,
          extension_requested_due_on: values.newDueOn ?? null,
          extension_note: null,
        };
      case 'approve_extension':
        return {
          extension_status: 'approved',
          extension_note: values.note ?? null,
          reply_due_on: assignment.extension_requested_due_on ?? assignment.reply_due_on,
        };
      case 'refuse_extension':
        return { extension_status: 'refused', extension_note: values.note ?? null };
      case 'mark_replied':
        return { replied_at: at };
      case 'reopen':
        return {
          reply_due_on: values.dueOn ?? assignment.reply_due_on,
          replied_at: null,
          extension_status: null,
        };
      default:
        return {};
    }
  }

  private async notifyAfter(trx: Executor, prepared: PreparedAssignmentAction): Promise<void> {
    const { actionName, suggestion, context, replacement, values } = prepared;
    const assignment = context.assignment;
    const link = `/suggestions/${suggestion.id}`;
    const unit = (unitIds: string[], kind: string, title: string, body: string) =>
      this.notifications.notifyUnits(trx, unitIds, { kind, title, body, link });
    if (actionName === 'approve_adjustment' && replacement) {
      await unit(
        [assignment.unit_id],
        'assignment.adjustment_approved',
        '调整交办申请已同意',
        `「${suggestion.title}」已改交其他单位办理。`,
      );
      await unit(
        [replacement.unit_id],
        'suggestion.assigned',
        '新交办建议（调整交办）',
        `「${suggestion.title}」调整交你单位办理，答复期限 ${replacement.reply_due_on}。`,
      );
    }
    if (actionName === 'refuse_adjustment')
      await unit(
        [assignment.unit_id],
        'assignment.adjustment_refused',
        '调整交办申请未同意',
        `「${suggestion.title}」请你单位继续办理。${values.note ? `意见：${values.note}` : ''}`,
      );
    if (actionName === 'approve_extension')
      await unit(
        [assignment.unit_id],
        'assignment.extension_approved',
        '延期申请已同意',
        `「${suggestion.title}」答复期限延至 ${assignment.extension_requested_due_on ?? ''}。`,
      );
    if (actionName === 'refuse_extension')
      await unit(
        [assignment.unit_id],
        'assignment.extension_refused',
        '延期申请未同意',
        `「${suggestion.title}」请按原期限 ${assignment.reply_due_on} 答复。`,
      );
    if (actionName === 'submit_opinion' || actionName === 'lapse_opinion') {
      const leads = (await this.assignments.ofSuggestions([suggestion.id], trx)).filter(
        (a) => a.role === 'lead' && a.status !== 'reassigned',
      );
      await unit(
        leads.map((a) => a.unit_id),
        actionName === 'submit_opinion' ? 'assignment.opinion_received' : 'assignment.opinion_lapsed',
        actionName === 'submit_opinion' ? '收到协办意见' : '协办意见逾期未提出',
        `「${suggestion.title}」的协办单位${actionName === 'submit_opinion' ? '已提出意见' : '在期限内未提出意见，已记录'}。`,
      );
    }
  }
}
