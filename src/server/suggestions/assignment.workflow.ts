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
}

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
      name: 'refuse_adjustment',
      label: reason('不同意调整', 'Refuse adjustment'),
      from: ['adjustment_requested'],
      to: 'handling',
      who: office,
      input: z.object({ note: z.string().trim().min(2).max(500) }),
    }),
  ],
};
