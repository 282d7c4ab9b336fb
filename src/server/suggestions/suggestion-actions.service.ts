import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { SuggestionRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { DomainError, invalidField } from '../platform/errors.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { Locale } from '../http/locale.js';
import { check, staleTransition } from '../workflow/workflow.js';
import type { AssignInput, SuggestionStatus } from '../../shared/schemas/suggestions.js';
import { suggestionKindLabels } from '../../shared/schemas/suggestions.js';
import type { SuggestionsRepository } from './suggestions.repository.js';
import type { SuggestionPartsRepository } from './suggestion-parts.repository.js';
import type { SuggestionContextBuilder } from './suggestion.context.js';
import type { SuggestionViews } from './suggestion.views.js';
import { serialLabel } from './suggestion.views.js';
import type { SuggestionsService } from './suggestions.service.js';
import type { AssignmentPlan, AssignmentsService } from './assignments.service.js';
import type { AssignmentsRepository } from './assignments.repository.js';
import type { AssignmentActionsService, PreparedAssignmentAction } from './assignment-actions.service.js';
import type { HandlingJobs } from './handling.jobs.js';
import { systemActor } from './handling.jobs.js';
import type { RepliesRepository } from './replies.repository.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import { shanghaiDate } from '../platform/clock.js';
import type { RatingInput } from '../../shared/schemas/handling.js';
import { suggestionWorkflow } from './suggestion.workflow.js';
import type { SuggestionContext } from './suggestion.workflow.js';
import type { SearchIndexer } from '../search/search.indexer.js';

type Changes = Partial<SuggestionRow>;
export interface Prepared {
  actor: Actor;
  context: SuggestionContext;
  actionName: string;
  input: unknown;
  from: SuggestionStatus;
  to: SuggestionStatus;
  plan?: AssignmentPlan;
  /** Assignments re-opened by a first 不满意 (prepared with their new deadline). */
  reopen?: PreparedAssignmentAction[];
  /** Feedback deadlines when the item becomes replied. */
  feedback?: { dueOn: string; closeOn: string };
}
interface Outcome {
  changes: Changes;
  note: string | null;
  after?: (trx: Executor, moved: SuggestionRow) => Promise<void>;
}

/**
 * Runs the actions of the suggestion workflow: `check` decides whether the move is allowed, the
 * effect below computes what changes, and one compare-and-set moves the status. Everything of one
 * action (status, effects, timeline, audit, notifications) commits together or not at all.
 */
export class SuggestionActionsService {
  constructor(
    private readonly db: Db,
    private readonly suggestions: SuggestionsRepository,
    private readonly parts: SuggestionPartsRepository,
    private readonly contexts: SuggestionContextBuilder,
    private readonly views: SuggestionViews,
    private readonly reader: SuggestionsService,
    private readonly assignments: AssignmentsService,
    private readonly assignmentRecords: AssignmentsRepository,
    private readonly assignmentActions: AssignmentActionsService,
    private readonly replies: RepliesRepository,
    private readonly handlingJobs: HandlingJobs,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly searchIndexer: SearchIndexer,
  ) {}

  async perform(actor: Actor, id: string, actionName: string, rawInput: unknown, locale: Locale = 'zh') {
    const row = await this.reader.visible(actor, id);
    // The version the client saw: acting on an item someone else has moved since is refused.
    const { version, ...body } = (rawInput ?? {}) as { version?: unknown };
    if (version !== undefined && version !== row.version) throw staleTransition('suggestion');
    rawInput = body;
    const prepared = await this.prepare(actor, row, actionName, rawInput, null);
    await this.db.transaction().execute((trx) => this.apply(trx, prepared));
    const moved = (await this.suggestions.findById(id)) ?? row;
    // Co-signers, body and profile are as the action found them (no action here changes them).
    return this.views.detail(actor, moved, locale, prepared.context);
  }

  /**
   * Reads and checks everything before any write: the workflow decision and, for an assignment,
   * the units and deadlines. SQLite has one connection, so the write phase uses only its transaction.
   */
  async prepare(
    actor: Actor,
    row: SuggestionRow,
    actionName: string,
    rawInput: unknown,
    batchId: string | null,
  ): Promise<Prepared> {
    const context = await this.contexts.build(actor, row);
    const { input, from, to } = check(suggestionWorkflow, actionName, context, rawInput);
    const plan =
      actionName === 'assign' ? await this.assignments.plan(row, input as AssignInput, batchId) : undefined;
    const prepared: Prepared = { actor, context, actionName, input, from, to, plan };
    const today = shanghaiDate(this.clock.now());
    if (actionName === 'rate' && to === 'rehandling') {
      const dueOn = (await this.calendar.dueDate(today, context.profile.deadlines.rehandling)).due;
      const replied = (await this.assignmentRecords.ofSuggestions([row.id])).filter(
        (a) => a.status === 'replied',
      );
      prepared.reopen = await Promise.all(
        replied.map((a) => this.assignmentActions.prepare(systemActor, a, 'reopen', { dueOn }, true)),
      );
    }
    if (actionName === 'mark_replied') {
      const dueOn = (input as { feedbackDueOn: string }).feedbackDueOn;
      prepared.feedback = {
        dueOn,
        closeOn: (await this.calendar.dueDate(dueOn, context.profile.noFeedbackGrace)).due,
      };
    }
    return prepared;
  }

  /** The write phase: effect, compare-and-set of the status, timeline, audit, notifications. */
  async apply(trx: Executor, prepared: Prepared): Promise<void> {
    const { actor, context, actionName, input, from, to } = prepared;
    const row = context.suggestion;
    const outcome = await this.effect(trx, prepared);
    const at = this.clock.now().toISOString();
    const changes = { ...outcome.changes, updated_at: at };
    if (
      !(await this.suggestions.transition(row.id, { status: from, version: row.version }, to, changes, trx))
    )
      throw staleTransition('suggestion');
    const moved = { ...row, ...changes, status: to, version: row.version + 1 };
    if (outcome.after) await outcome.after(trx, moved);
    await this.parts.insertEvent(
      {
        id: newId(),
        suggestion_id: row.id,
        at,
        actor_id: actor.userId,
        actor_name: actor.displayName,
        action: actionName,
        from_status: from,
        to_status: to,
        note: outcome.note,
        data_json: JSON.stringify(input),
      },
      trx,
    );
    await this.audit.record(trx, {
      actor,
      action: `suggestion.${actionName}`,
      targetType: 'suggestion',
      targetId: row.id,
      bodyId: row.body_id,
      before: { status: from, reviewTier: row.review_tier },
      after: { status: to, ...changes },
    });
    await this.searchIndexer.suggestion(trx, row.id); // merge, withdraw and every other move
  }

  private async effect(trx: Executor, prepared: Prepared): Promise<Outcome> {
    const { actor, context, actionName, input, to, plan } = prepared;
    const row = context.suggestion;
    const at = this.clock.now().toISOString();
    const link = `/suggestions/${row.id}`;
    const tell = (title: string, body: string, kind: string) =>
      this.notifications.notifyDeputies(trx, [row.lead_deputy_id], { kind, title, body, link });
    const values = input as { reason?: string; note?: string; targetId?: string };
    switch (actionName) {
      case 'submit':
        return {
          changes: { submitted_at: at, review_tier: 0 },
          note: null,
          after: async () => {
            await this.parts.lapseOpenInvitations(row.id, at, trx);
          },
        };
      case 'withdraw':
        return { changes: {}, note: values.reason ?? null };
      case 'review_pass': {
        if (to === 'in_review')
          return { changes: { review_tier: row.review_tier + 1 }, note: values.note ?? null };
        const scope = row.session_id ?? `${row.body_id}:recess:${at.slice(0, 4)}`;
        const serial = await this.suggestions.nextSerial(scope, trx);
        return {
          changes: { accepted_at: at, serial_scope: scope, serial_number: serial },
          note: values.note ?? null,
          after: async (_trx, moved) =>
            tell(
              `您的${suggestionKindLabels[row.kind as 'suggestion'].zh}已立案 ${serialLabel(moved) ?? ''}`,
              `「${row.title}」已通过审查，编号${serialLabel(moved) ?? ''}。`,
              'suggestion.accepted',
            ),
        };
      }
      case 'review_return':
        return {
          changes: { review_tier: 0 },
          note: values.reason ?? null,
          after: () =>
            tell(
              '您的建议被退回修改',
              `「${row.title}」退回修改，原因：${values.reason ?? ''}`,
              'suggestion.returned',
            ),
        };
      case 'review_reject':
        return {
          changes: {},
          note: values.reason ?? null,
          after: () =>
            tell(
              '您的建议不予受理',
              `「${row.title}」不予受理，原因：${values.reason ?? ''}`,
              'suggestion.rejected',
            ),
        };
      case 'review_merge':
        return this.merge(trx, actor, row, values.targetId ?? '', values.note ?? null, tell);
      case 'review_convert': {
        const kind = row.kind === 'motion' ? 'suggestion' : 'motion';
        return {
          changes: { kind },
          note:
            values.note ??
            `${suggestionKindLabels[row.kind as 'motion'].zh}转为${suggestionKindLabels[kind].zh}`,
          after: () =>
            tell(
              `您的${suggestionKindLabels[row.kind as 'motion'].zh}已转为${suggestionKindLabels[kind].zh}`,
              `「${row.title}」经审查转为${suggestionKindLabels[kind].zh}处理。`,
              'suggestion.converted',
            ),
        };
      }
      case 'mark_replied':
        return {
          changes: { replied_at: at, feedback_due_on: prepared.feedback?.dueOn ?? null },
          note: null,
          after: async (inner, moved) => {
            if (prepared.feedback)
              await this.handlingJobs.scheduleFeedback(
                inner,
                moved,
                prepared.feedback.dueOn,
                prepared.feedback.closeOn,
              );
          },
        };
      case 'close_no_feedback':
        return {
          changes: { closed_at: at, close_reason: 'no_feedback' },
          note: '提醒后仍未反馈，按未反馈办结（不计入满意率）',
        };
      case 'rate':
        return this.rate(trx, prepared, at);
      case 'assign':
        return {
          changes: { assigned_at: at },
          note: null,
          after: async (inner, moved) => {
            if (!plan) throw new Error('assignment plan missing');
            await this.assignments.assign(inner, moved, plan);
          },
        };
      default:
        throw new DomainError('not_found', 'unknown_action', {
          zh: `没有名为 ${actionName} 的操作。`,
          en: `No action ${actionName}.`,
        });
    }
  }

  private async merge(
    trx: Executor,
    actor: Actor,
    row: SuggestionRow,
    targetId: string,
    note: string | null,
    tell: (title: string, body: string, kind: string) => Promise<void>,
  ): Promise<Outcome> {
    const target = targetId === row.id ? undefined : await this.suggestions.findById(targetId, trx);
    if (
      !target ||
      target.body_id !== row.body_id ||
      !['in_review', 'accepted', 'handling'].includes(target.status)
    )
      throw invalidField(
        'targetId',
        {
          zh: '并入的建议须为本级人大正在审查、已立案或办理中的另一件建议',
          en: 'the target must be another item of this body in review, accepted or being handled',
        },
        'merge_target_invalid',
      );
    return {
      changes: { merged_into_id: target.id },
      note,
      after: async () => {
        // Both deputies keep authorship: the merged item's lead and co-signers join the survivor.
        const signers = (await this.parts.signersOf([row.id], trx)).filter((s) => s.status === 'confirmed');
        const authors = [row.lead_deputy_id, ...signers.map((s) => s.deputy_id)].filter(
          (d) => d !== target.lead_deputy_id,
        );
        const at = this.clock.now().toISOString();
        await this.parts.insertSigners(
          authors.map((deputyId) => ({
            suggestion_id: target.id,
            deputy_id: deputyId,
            status: 'merged',
            invited_at: at,
            responded_at: at,
          })),
          trx,
        );
        await this.parts.insertEvent(
          {
            id: newId(),
            suggestion_id: target.id,
            at,
            actor_id: actor.userId,
            actor_name: actor.displayName,
            action: 'merged_in',
            from_status: null,
            to_status: null,
            note: `并入「${row.title}」`,
            data_json: JSON.stringify({ mergedId: row.id }),
          },
          trx,
        );
        await tell(
          '您的建议已并案办理',
          `「${row.title}」与「${target.title}」并案办理，您仍为该建议的提出代表。`,
          'suggestion.merged',
        );
      },
    };
  }

  /** The lead deputy's rating; a first 不满意 re-opens the units, a second one escalates. */
  private rate(trx: Executor, prepared: Prepared, at: string): Outcome {
    const row = prepared.context.suggestion;
    const rating = prepared.input as RatingInput;
    const unsatisfied = rating.attitude === 'unsatisfied' || rating.result === 'unsatisfied';
    const link = `/suggestions/${row.id}`;
    return {
      changes:
        prepared.to === 'rehandling'
          ? { handling_round: row.handling_round + 1, replied_at: null, feedback_due_on: null }
          : {
              closed_at: at,
              close_reason: unsatisfied ? 'unsatisfied_escalated' : 'rated',
              escalated: unsatisfied ? 1 : 0,
            },
      note: rating.reason ?? null,
      after: async () => {
        if (!prepared.actor.deputyId) throw new Error('rating without a deputy');
        await this.replies.insertRating(
          {
            id: newId(),
            suggestion_id: row.id,
            round: row.handling_round,
            deputy_id: prepared.actor.deputyId,
            is_lead: 1,
            attitude: rating.attitude,
            result: rating.result,
            reason: rating.reason ?? null,
            created_at: at,
          },
          trx,
        );
        for (const reopen of prepared.reopen ?? []) await this.assignmentActions.apply(trx, reopen);
        const units = (prepared.reopen ?? []).map((r) => r.context.assignment.unit_id);
        if (units.length > 0)
          await this.notifications.notifyUnits(trx, units, {
            kind: 'suggestion.rehandling',
            title: '代表不满意，请重新办理',
            body: `「${row.title}」代表评价不满意，请在 ${prepared.reopen?.[0]?.values.dueOn ?? ''} 前重新办理并答复。`,
            link,
          });
      },
    };
  }
}
