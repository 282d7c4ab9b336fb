import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { coversBody, unitIdsOf } from '../auth/actor.js';
import type { AssignmentRow } from '../db/schema.js';
import type { LocalisedText } from '../platform/errors.js';
import type { AssignmentStatus } from '../../shared/schemas/suggestions.js';
import { assignmentStatusLabels } from '../../shared/schemas/suggestions.js';
import { dateSchema, idSchema } from '../../shared/schemas/common.js';
import type { ActionDefinition, WorkflowDefinition } from '../workflow/workflow.js';

/** What the per-unit assignment workflow needs to decide. */
export interface AssignmentContext {
  assignment: AssignmentRow;
  actor: Actor;
  bodyPath: string;
  /** Today in Asia/Shanghai. */
  today: string;
  /** The latest deadline an extension may reach (six months from assignment by default). */
  maxDueOn: string;
}

/** The acting "system" (scheduler, the last reply signature): no person, no roles. */
export const systemActorId = 'system';

const reason = (zh: string, en: string): LocalisedText => ({ zh, en });

function unitUser(c: AssignmentContext): true | LocalisedText {
  return unitIdsOf(c.actor).includes(c.assignment.unit_id)
    ? true
    : reason('只有承办单位的工作人员可以进行此操作。', "Only the unit's own staff may do this.");
}
function office(c: AssignmentContext): true | LocalisedText {
  return coversBody(c.actor, ['office_staff', 'admin'], c.bodyPath)
    ? true
    : reason('只有代表工委工作人员可以决定调整交办。', 'Only congress office staff decide adjustments.');
}
function withinAdjustmentWindow(c: AssignmentContext): true | LocalisedText {
  return c.today <= c.assignment.adjustment_window_ends_on
    ? true
    : reason(
        `申请调整的期限已于 ${c.assignment.adjustment_window_ends_on} 届满，请按交办办理。`,
        `The window for adjustment requests closed on ${c.assignment.adjustment_window_ends_on}; please handle the item.`,
      );
}

function replyingUnit(c: AssignmentContext): true | LocalisedText {
  const own = unitUser(c);
  if (own !== true) return own;
  return c.assignment.role === 'co'
    ? reason(
        '协办单位向主办单位提出意见，不直接答复代表。',
        'A co-handling unit sends its opinion to the lead unit.',
      )
    : true;
}
function coUnit(c: AssignmentContext): true | LocalisedText {
  const own = unitUser(c);
  if (own !== true) return own;
  return c.assignment.role === 'co'
    ? true
    : reason('只有协办单位提出协办意见。', 'Only co-handling units send opinions.');
}
function system(c: AssignmentContext): true | LocalisedText {
  return c.actor.userId === systemActorId
    ? true
    : reason('该步骤由系统自动完成。', 'The system takes this step.');
}
function extensionPending(c: AssignmentContext): true | LocalisedText {
  return c.assignment.extension_status === 'requested'
    ? true
    : reason('没有待审批的延期申请。', 'There is no pending extension request.');
}
function noPendingExtension(c: AssignmentContext): true | LocalisedText {
  if (c.assignment.extension_status === 'requested')
    return reason('已有延期申请待审批。', 'An extension request is already pending.');
  return c.assignment.reply_due_on >= c.maxDueOn
    ? reason(
        `办理期限已延至最长期限 ${c.maxDueOn}，不能再延期。`,
        `The deadline already reaches the maximum, ${c.maxDueOn}.`,
      )
    : true;
}
function extensionWithinLimit(
  c: AssignmentContext,
  input: { newDueOn: string } | undefined,
): true | LocalisedText {
  const pending = noPendingExtension(c);
  if (pending !== true || !input) return pending;
  if (input.newDueOn <= c.assignment.reply_due_on)
    return reason(
      `延期后的期限须晚于现期限 ${c.assignment.reply_due_on}。`,
      `The new deadline must be after ${c.assignment.reply_due_on}.`,
    );
  if (input.newDueOn > c.maxDueOn)
    return reason(
      `延期后总期限不得超过 ${c.maxDueOn}（自交办之日起六个月）。`,
      `With the extension the deadline may not pass ${c.maxDueOn} (six months from assignment).`,
    );
  return true;
}

type Action = ActionDefinition<AssignmentStatus, AssignmentContext, never>;
const action = <Input>(definition: ActionDefinition<AssignmentStatus, AssignmentContext, Input>): Action =>
  definition as unknown as Action;

/** One unit's part of a suggestion: receive, ask for adjustment within the window, office decides. */
export const assignmentWorkflow: WorkflowDefinition<AssignmentStatus, AssignmentContext> = {
  name: 'assignment',
  states: assignmentStatusLabels,
  stateOf: (c) => c.assignment.status as AssignmentStatus,
  actions: [
    action({
      name: 'receive',
      label: reason('签收', 'Receive'),
      from: ['pending_receipt'],
      to: 'handling',
      who: unitUser,
      input: z.object({}).strict(),
    }),
    action({
      name: 'request_adjustment',
      label: reason('申请调整', 'Request adjustment'),
      from: ['pending_receipt', 'handling'],
      to: 'adjustment_requested',
      who: unitUser,
      guard: withinAdjustmentWindow,
      input: z.object({ reason: z.string().trim().min(5).max(1000), suggestedUnitId: idSchema.optional() }),
    }),
    action({
      name: 'approve_adjustment',
      label: reason('同意调整', 'Approve adjustment'),
      from: ['adjustment_requested'],
      to: 'reassigned',
      who: office,
      input: z.object({
        newUnitId: idSchema,
        assignedOn: dateSchema.optional(),
        note: z.string().trim().max(500).optional(),
      }),
    }),
    action({
      name: 'submit_opinion',
      label: reason('提出协办意见', 'Send co-handling opinion'),
      from: ['handling'],
      to: 'opinion_submitted',
      who: coUnit,
      input: z.object({ opinion: z.string().trim().min(10).max(5000) }),
    }),
    action({
      name: 'request_extension',
      label: reason('申请延期', 'Request extension'),
      from: ['handling', 'rehandling'],
      to: (c) => c.assignment.status as AssignmentStatus,
      who: replyingUnit,
      guard: extensionWithinLimit,
      input: z.object({ newDueOn: dateSchema, reason: z.string().trim().min(5).max(1000) }),
    }),
    action({
      name: 'approve_extension',
      label: reason('同意延期', 'Approve extension'),
      from: ['handling', 'rehandling'],
      to: (c) => c.assignment.status as AssignmentStatus,
      who: office,
      guard: extensionPending,
      input: z.object({ note: z.string().trim().max(500).optional() }),
    }),
    action({
      name: 'refuse_extension',
      label: reason('不同意延期', 'Refuse extension'),
      from: ['handling', 'rehandling'],
      to: (c) => c.assignment.status as AssignmentStatus,
      who: office,
      guard: extensionPending,
      input: z.object({ note: z.string().trim().min(2).max(500) }),
    }),
    action({
      name: 'mark_replied',
      label: reason('答复已签发', 'Reply sent'),
      from: ['handling', 'rehandling'],
      to: 'replied',
      who: system,
      input: z.object({}),
    }),
    action({
      name: 'lapse_opinion',
      label: reason('协办意见逾期', 'Opinion lapsed'),
      // A co-unit that never even received the item lapses too.
      from: ['pending_receipt', 'handling'],
      to: 'opinion_lapsed',
      who: system,
      input: z.object({}),
    }),
    action({
      name: 'reopen',
      label: reason('重新办理', 'Re-handle'),
      from: ['replied'],
      to: 'rehandling',
      who: system,
      input: z.object({ dueOn: dateSchema }),
    }),
    action({
      name: 'refuse_adjustment',
      label: reason('不同意调整', 'Refuse adjustment'),
      from: ['adjustment_requested'],
      to: 'handling',
      who: office,
      input: z.object({ note: z.string().trim().min(2).max(500) }),
    }),
  ],
};
