import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { coversBody } from '../auth/actor.js';
import type { SuggestionRow } from '../db/schema.js';
import type { LocalisedText } from '../platform/errors.js';
import type { Role } from '../../shared/schemas/roles.js';
import type { RuleProfile } from '../../shared/schemas/settings.js';
import type { SuggestionStatus } from '../../shared/schemas/suggestions.js';
import { assignInputSchema, suggestionStatusLabels } from '../../shared/schemas/suggestions.js';
import type { ActionDefinition, GuardFailure, WorkflowDefinition } from '../workflow/workflow.js';
import type { SubmissionCheck } from './submission-checks.js';
import { systemActorId } from './assignment.workflow.js';
import { ratingInputSchema } from '../../shared/schemas/handling.js';

/** Everything the suggestion workflow needs to decide who may do what. */
export interface SuggestionContext {
  suggestion: SuggestionRow;
  actor: Actor;
  bodyPath: string;
  profile: RuleProfile;
  /** Co-signers who confirmed (the lead deputy is not counted here). */
  confirmedSigners: number;
  /** Deputies needed for a motion at this body's level, lead included. */
  motionThreshold: number;
  submission: SubmissionCheck;
}

const reason = (zh: string, en: string): LocalisedText => ({ zh, en });
const isLead = (c: SuggestionContext) =>
  c.actor.deputyId !== null && c.actor.deputyId === c.suggestion.lead_deputy_id;
const staff = (c: SuggestionContext, roles: Role[]) => coversBody(c.actor, roles, c.bodyPath);

function leadDeputyOnly(c: SuggestionContext): true | LocalisedText {
  return isLead(c) ? true : reason('只有领衔代表可以进行此操作。', 'Only the lead deputy may do this.');
}

/** Office staff who entered a deputy's paper suggestion (代录) may finish and submit that draft. */
export function isEntryClerk(c: Pick<SuggestionContext, 'actor' | 'suggestion' | 'bodyPath'>): boolean {
  return (
    c.suggestion.created_by !== null &&
    c.suggestion.created_by === c.actor.userId &&
    c.actor.deputyId !== c.suggestion.lead_deputy_id &&
    coversBody(c.actor, ['office_staff', 'admin'], c.bodyPath)
  );
}

function leadOrEntryClerk(c: SuggestionContext): true | LocalisedText {
  return isLead(c) || isEntryClerk(c)
    ? true
    : reason(
        '只有领衔代表（或代录该建议的工作人员）可以进行此操作。',
        'Only the lead deputy (or the staff member who entered it) may do this.',
      );
}

/** The review tier the item is in, and whether this actor serves on it. */
export function currentTier(c: SuggestionContext) {
  return c.profile.reviewTiers[c.suggestion.review_tier];
}
function reviewer(c: SuggestionContext): true | LocalisedText {
  const tier = currentTier(c);
  if (!tier) return reason('审查环节配置有误，请联系代表工委。', 'The review tiers are misconfigured.');
  return staff(c, tier.roles)
    ? true
    : reason(
        `当前处于「${tier.name}」环节，您不是该环节的审查人员。`,
        `The item is at the "${tier.name}" tier, which you do not serve on.`,
      );
}
function office(c: SuggestionContext): true | LocalisedText {
  return staff(c, ['office_staff', 'admin'])
    ? true
    : reason('只有代表工委工作人员可以交办。', 'Only congress office staff may assign.');
}

function system(c: SuggestionContext): true | LocalisedText {
  return c.actor.userId === systemActorId
    ? true
    : reason('该步骤由系统自动完成。', 'The system takes this step.');
}

const reasonText = z.object({ reason: z.string().trim().min(2).max(500) });
const optionalNote = z.object({ note: z.string().trim().max(500).optional() });
const empty = z.object({}).strict();

function submissionGuard(c: SuggestionContext): true | GuardFailure {
  if (!c.submission.ok) {
    const { problems } = c.submission;
    return {
      ...reason(
        `提交前请修改：${problems.map((p) => p.message.zh).join('；')}`,
        `Please fix before submitting: ${problems.map((p) => p.message.en).join('; ')}`,
      ),
      fieldErrors: problems.map((p) => ({ field: p.field, message: p.message })),
    };
  }
  if (c.suggestion.kind === 'motion' && c.confirmedSigners + 1 < c.motionThreshold)
    return reason(
      `议案须由 ${c.motionThreshold} 名以上代表联名（含领衔代表），目前已确认 ${c.confirmedSigners + 1} 名。可改为建议提交。`,
      `A motion needs ${c.motionThreshold} deputies including the lead; ${c.confirmedSigners + 1} have confirmed.`,
    );
  return true;
}

type Action = ActionDefinition<SuggestionStatus, SuggestionContext, never>;
const action = <Input>(definition: ActionDefinition<SuggestionStatus, SuggestionContext, Input>): Action =>
  definition as unknown as Action;

export const suggestionWorkflow: WorkflowDefinition<SuggestionStatus, SuggestionContext> = {
  name: 'suggestion',
  states: suggestionStatusLabels,
  stateOf: (c) => c.suggestion.status as SuggestionStatus,
  actions: [
    action({
      name: 'submit',
      label: reason('提交', 'Submit'),
      from: ['draft', 'returned'],
      to: 'in_review',
      who: leadOrEntryClerk,
      guard: submissionGuard,
      input: empty,
    }),
    action({
      name: 'withdraw',
      label: reason('撤回', 'Withdraw'),
      from: ['draft', 'in_review', 'returned', 'accepted', 'handling'],
      to: 'withdrawn',
      who: leadDeputyOnly,
      input: reasonText,
    }),
    action({
      name: 'review_pass',
      label: reason('审查通过', 'Pass review'),
      from: ['in_review'],
      to: (c) => (c.suggestion.review_tier + 1 >= c.profile.reviewTiers.length ? 'accepted' : 'in_review'),
      who: reviewer,
      input: optionalNote,
    }),
    action({
      name: 'review_return',
      label: reason('退回修改', 'Return for revision'),
      from: ['in_review'],
      to: 'returned',
      who: reviewer,
      input: reasonText,
    }),
    action({
      name: 'review_reject',
      label: reason('不予受理', 'Reject'),
      from: ['in_review'],
      to: 'rejected',
      who: reviewer,
      input: reasonText,
    }),
    action({
      name: 'review_merge',
      label: reason('并案', 'Merge into another'),
      from: ['in_review'],
      to: 'merged',
      who: reviewer,
      input: z.object({ targetId: z.string().min(1).max(40), note: z.string().trim().max(500).optional() }),
    }),
    action({
      name: 'review_convert',
      label: reason('议案建议互转', 'Convert motion ↔ suggestion'),
      from: ['in_review'],
      to: 'in_review',
      who: reviewer,
      input: z.object({ note: z.string().trim().max(500).optional() }),
    }),
    action({
      name: 'rate',
      label: reason('评价办理结果', 'Rate the handling'),
      from: ['replied'],
      // A first 不满意 orders re-handling; a second one closes the item and escalates it.
      to: (c, input) =>
        (input.attitude === 'unsatisfied' || input.result === 'unsatisfied') &&
        c.suggestion.handling_round < 2
          ? 'rehandling'
          : 'closed',
      who: leadDeputyOnly,
      input: ratingInputSchema,
    }),
    action({
      name: 'mark_replied',
      label: reason('答复已送达', 'Replied'),
      from: ['handling', 'rehandling'],
      to: 'replied',
      who: system,
      input: z.object({ feedbackDueOn: z.string() }),
    }),
    action({
      name: 'close_no_feedback',
      label: reason('未反馈办结', 'Close without feedback'),
      from: ['replied'],
      to: 'closed',
      who: system,
      input: z.object({}),
    }),
    action({
      name: 'assign',
      label: reason('交办', 'Assign'),
      from: ['accepted'],
      to: 'handling',
      who: office,
      input: assignInputSchema,
    }),
  ],
};
