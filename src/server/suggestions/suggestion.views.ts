import type { Actor } from '../auth/actor.js';
import { coversBody } from '../auth/actor.js';
import type { SuggestionRow } from '../db/schema.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { Locale } from '../http/locale.js';
import { availability } from '../workflow/workflow.js';
import type { Assignment, SuggestionDetail, SuggestionSummary } from '../../shared/schemas/suggestions.js';
import { finishedAssignmentStatuses } from '../../shared/schemas/suggestions.js';
import type { SuggestionsRepository } from './suggestions.repository.js';
import type { SuggestionPartsRepository } from './suggestion-parts.repository.js';
import type { AssignmentWithUnit, AssignmentsRepository } from './assignments.repository.js';
import type { SuggestionContextBuilder } from './suggestion.context.js';
import { currentTier, isEntryClerk, suggestionWorkflow } from './suggestion.workflow.js';
import type { SuggestionContext } from './suggestion.workflow.js';
import { organisationReaders, scopePaths, unitIdsOf } from '../auth/actor.js';
import type { RepliesRepository } from './replies.repository.js';

const activeAssignment = (a: { status: string }) => a.status !== 'reassigned';

/** Whole days from `today` to `due` (negative when past), both `YYYY-MM-DD`. */
export function daysBetween(today: string, due: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** "第0107号" for an accepted item; recess items carry the year. */
export function serialLabel(
  row: Pick<SuggestionRow, 'serial_number' | 'timing' | 'accepted_at'>,
): string | null {
  if (row.serial_number === null) return null;
  const number = String(row.serial_number).padStart(4, '0');
  return row.timing === 'recess' ? `闭会第${number}号` : `第${number}号`;
}

/** Turns rows into the API's summary and detail shapes (batched: no query per item). */
export class SuggestionViews {
  constructor(
    private readonly suggestions: SuggestionsRepository,
    private readonly parts: SuggestionPartsRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly contexts: SuggestionContextBuilder,
    private readonly bodies: BodiesService,
    private readonly settings: SettingsService,
    private readonly replies: RepliesRepository,
    private readonly clock: Clock,
  ) {}

  toAssignment(row: AssignmentWithUnit, today: string): Assignment {
    const daysLeft = daysBetween(today, row.reply_due_on);
    return {
      id: row.id,
      suggestionId: row.suggestion_id,
      unitId: row.unit_id,
      unitName: row.unit_name,
      role: row.role as Assignment['role'],
      status: row.status as Assignment['status'],
      assignedOn: row.assigned_on,
      replyDueOn: row.reply_due_on,
      coOpinionDueOn: row.co_opinion_due_on,
      adjustmentWindowEndsOn: row.adjustment_window_ends_on,
      receivedAt: row.received_at,
      adjustmentReason: row.adjustment_reason,
      adjustmentDecision: row.adjustment_decision,
      adjustmentNote: row.adjustment_note,
      daysLeft,
      overdue: daysLeft < 0 && !finishedAssignmentStatuses.includes(row.status as Assignment['status']),
      handlerName: row.handler_name,
      plan: row.plan,
      plannedFinishOn: row.planned_finish_on,
      opinion: row.opinion,
      opinionAt: row.opinion_at,
      extensionStatus: row.extension_status as Assignment['extensionStatus'],
      extensionRequestedDueOn: row.extension_requested_due_on,
      extensionReason: row.extension_reason,
      extensionNote: row.extension_note,
      repliedAt: row.replied_at,
    };
  }

  async summaries(
    rows: (SuggestionRow & { lead_deputy_name: string; category_name: string | null })[],
  ): Promise<SuggestionSummary[]> {
    const ids = rows.map((r) => r.id);
    const [assignments, signers] = await Promise.all([
      this.assignments.ofSuggestions(ids),
      this.parts.countConfirmed(ids),
    ]);
    return this.summarise(rows, assignments, signers);
  }

  /** The summaries of rows whose assignments and confirmed co-signer counts are at hand. */
  private summarise(
    rows: (SuggestionRow & { lead_deputy_name: string; category_name: string | null })[],
    assignments: AssignmentWithUnit[],
    signers: Map<string, number>,
  ): SuggestionSummary[] {
    const today = shanghaiDate(this.clock.now());
    return rows.map((row) => {
      const mine = assignments.filter((a) => a.suggestion_id === row.id && activeAssignment(a));
      const open = ['handling', 'rehandling'].includes(row.status);
      const nearestDueOn = mine.map((a) => a.reply_due_on).sort()[0] ?? null;
      return {
        id: row.id,
        bodyId: row.body_id,
        sessionId: row.session_id,
        kind: row.kind as SuggestionSummary['kind'],
        timing: row.timing as SuggestionSummary['timing'],
        serialNumber: row.serial_number,
        serialLabel: serialLabel(row),
        title: row.title,
        status: row.status as SuggestionSummary['status'],
        leadDeputyId: row.lead_deputy_id,
        leadDeputyName: row.lead_deputy_name,
        categoryId: row.category_id,
        categoryName: row.category_name,
        keyStatus: row.key_status as SuggestionSummary['keyStatus'],
        signerCount: signers.get(row.id) ?? 0,
        units: mine.map((a) => ({
          unitId: a.unit_id,
          unitName: a.unit_name,
          role: a.role as Assignment['role'],
          replyDueOn: a.reply_due_on,
        })),
        nearestDueOn,
        overdue: open && nearestDueOn !== null && nearestDueOn < today,
        submittedAt: row.submitted_at,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    });
  }

  /**
   * `known`: the context an action just judged the item with (same actor, body, profile and
   * co-signers; only the row moved), so the response after an action does not read it again.
   */
  async detail(
    actor: Actor,
    row: SuggestionRow,
    locale: Locale = 'zh',
    known?: SuggestionContext,
  ): Promise<SuggestionDetail> {
    const [names, categories, context, signers, assignments, leaders, events] = await Promise.all([
      this.suggestions.leadDeputyNames([row.lead_deputy_id]),
      this.suggestions.categoryNames(row.category_id ? [row.category_id] : []),
      known ? { ...known, suggestion: row } : this.contexts.build(actor, row),
      this.parts.signersOf([row.id]),
      this.assignments.ofSuggestions([row.id]),
      this.parts.leadersOf([row.id]),
      this.parts.eventsOf(row.id),
    ]);
    const [summary] = this.summarise(
      [
        {
          ...row,
          lead_deputy_name: names.get(row.lead_deputy_id) ?? '',
          category_name: row.category_id ? (categories.get(row.category_id) ?? null) : null,
        },
      ],
      assignments,
      new Map([[row.id, context.confirmedSigners]]),
    );
    if (!summary) throw new Error('summary missing');
    const actions = availability(suggestionWorkflow, context).filter(
      (a) => a.reason?.zh !== '该步骤由系统自动完成。',
    );
    const [ratings, contacts] = await Promise.all([
      this.replies.ratings(row.id),
      this.replies.contacts(row.id),
    ]);
    // Back to back (背靠背): staff of the handling units never see individual ratings.
    const unitOnly =
      unitIdsOf(actor).length > 0 &&
      !coversBody(actor, organisationReaders, context.bodyPath) &&
      actor.deputyId === null;
    const hideRatings = context.profile.backToBackRating && unitOnly;
    const today = shanghaiDate(this.clock.now());
    return {
      ...summary,
      grounds: row.grounds,
      proposals: row.proposals,
      disclose: row.disclose === 1,
      nondisclosureReason: row.nondisclosure_reason,
      reviewTier: row.review_tier,
      reviewTierName: row.status === 'in_review' ? (currentTier(context)?.name ?? null) : null,
      mergedIntoId: row.merged_into_id,
      version: row.version,
      signers: signers.map((s) => ({
        deputyId: s.deputy_id,
        name: s.name,
        status: s.status as SuggestionDetail['signers'][number]['status'],
        invitedAt: s.invited_at,
        respondedAt: s.responded_at,
      })),
      assignments: assignments.map((a) => this.toAssignment(a, today)),
      leaders: leaders.map((l) => ({
        id: l.id,
        kind: l.kind as 'sponsor' | 'supervisor',
        name: l.name,
        title: l.title,
        groupName: l.group_name,
      })),
      timeline: events.map((e) => ({
        id: e.id,
        at: e.at,
        actorName: e.actor_name,
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        note: e.note,
      })),
      allowedActions: actions.filter((a) => a.allowed).map((a) => a.action),
      actions: actions.map((a) => ({
        action: a.action,
        label: a.label[locale],
        allowed: a.allowed,
        reason: a.reason?.[locale] ?? null,
      })),
      hints: context.submission.hints.map((h) => h[locale]),
      editable:
        ['draft', 'returned'].includes(row.status) &&
        ((actor.deputyId !== null && actor.deputyId === row.lead_deputy_id) || isEntryClerk(context)),
      handlingRound: row.handling_round,
      feedbackDueOn: row.feedback_due_on,
      closeReason: row.close_reason as SuggestionDetail['closeReason'],
      escalated: row.escalated === 1,
      ratings: hideRatings
        ? []
        : ratings.map((r) => ({
            round: r.round,
            deputyName: r.deputy_name,
            isLead: r.is_lead === 1,
            attitude: r.attitude as 'satisfied',
            result: r.result as 'satisfied',
            reason: r.reason,
            createdAt: r.created_at,
          })),
      ratingsHidden: hideRatings,
      contacts: contacts.map((c) => ({
        id: c.id,
        assignmentId: c.assignment_id,
        unitName: c.unit_name,
        stage: c.stage as 'before',
        method: c.method as 'phone',
        contactOn: c.contact_on,
        participants: c.participants,
        summary: c.summary,
        createdAt: c.created_at,
      })),
    };
  }

  async deputySitsIn(deputyId: string, bodyId: string): Promise<boolean> {
    return this.suggestions.deputySitsIn(deputyId, bodyId);
  }

  async sessionInBody(sessionId: string, bodyId: string): Promise<boolean> {
    return this.suggestions.sessionInBody(sessionId, bodyId);
  }

  /** Review tiers (indices) the actor serves on, in the given body or the bodies they work for. */
  async tiersServedBy(actor: Actor, bodyId: string | undefined): Promise<number[]> {
    const body = bodyId ? await this.bodies.require(bodyId) : undefined;
    const bodyIds = body ? [body.id] : actor.roles.map((r) => r.bodyId);
    const tiers = new Set<number>();
    for (const id of new Set(bodyIds)) {
      const profile = (await this.settings.ruleProfile(id)).settings;
      const path = (await this.bodies.require(id)).path;
      profile.reviewTiers.forEach((tier, index) => {
        if (coversBody(actor, tier.roles, path) || scopePaths(actor, tier.roles).length > 0) tiers.add(index);
      });
    }
    return [...tiers];
  }
}
