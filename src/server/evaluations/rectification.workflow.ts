import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { coversBody, unitIdsOf } from '../auth/actor.js';
import type { LocalisedText } from '../platform/errors.js';
import type { RectificationStatus } from '../../shared/schemas/evaluations.js';
import { rectificationStatusLabels } from '../../shared/schemas/evaluations.js';
import type { Role } from '../../shared/schemas/roles.js';
import type { ActionDefinition, WorkflowDefinition } from '../workflow/workflow.js';

export const evaluationManagers: readonly Role[] = ['admin', 'office_staff'];

export interface RectificationContext {
  task: { status: string; unit_id: string | null };
  actor: Actor;
  bodyPath: string;
}

const reason = (zh: string, en: string): LocalisedText => ({ zh, en });
const manager = (c: RectificationContext): true | LocalisedText =>
  coversBody(c.actor, evaluationManagers, c.bodyPath)
    ? true
    : reason('只有代表工委工作人员可以审核整改。', 'Only office staff review rectifications.');
const unitOrManager = (c: RectificationContext): true | LocalisedText =>
  (c.task.unit_id !== null && unitIdsOf(c.actor).includes(c.task.unit_id)) || manager(c) === true
    ? true
    : reason('只有被测评单位可以报送整改情况。', 'Only the evaluated unit reports on its rectification.');

type Action = ActionDefinition<RectificationStatus, RectificationContext, never>;
const action = <Input>(d: ActionDefinition<RectificationStatus, RectificationContext, Input>): Action =>
  d as unknown as Action;

/**
 * Below the threshold → the unit reports and explains in writing within a month, and the office
 * accepts or returns it, like a supervision item.
 */
export const rectificationWorkflow: WorkflowDefinition<RectificationStatus, RectificationContext> = {
  name: 'evaluation_rectification',
  states: rectificationStatusLabels,
  stateOf: (c) => c.task.status as RectificationStatus,
  actions: [
    action({
      name: 'submit',
      label: reason('报送整改情况', 'Report'),
      from: ['open', 'returned'],
      to: 'submitted',
      who: unitOrManager,
      input: z.object({
        report: z.string().trim().min(10).max(8000),
        explanation: z.string().trim().min(10).max(8000),
      }),
    }),
    action({
      name: 'accept',
      label: reason('整改完成', 'Accept'),
      from: ['submitted'],
      to: 'closed',
      who: manager,
      input: z.object({ note: z.string().trim().max(500).optional() }),
    }),
    action({
      name: 'return',
      label: reason('退回重报', 'Return'),
      from: ['submitted'],
      to: 'returned',
      who: manager,
      input: z.object({ reason: z.string().trim().min(2).max(500) }),
    }),
  ],
};
