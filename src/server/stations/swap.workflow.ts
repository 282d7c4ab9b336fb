import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { LocalisedText } from '../platform/errors.js';
import type { ActionDefinition, WorkflowDefinition } from '../workflow/workflow.js';
import type { SwapStatus } from '../../shared/schemas/stations.js';
import { swapStatusLabels } from '../../shared/schemas/stations.js';
import type { SwapViewRow } from './swaps.repository.js';
import { writesStation } from './stations.access.js';

export interface SwapContext {
  swap: SwapViewRow;
  actor: Actor;
  /** Stations where the actor works as staff. */
  staffStationIds: string[];
}

const reason = (zh: string, en: string): LocalisedText => ({ zh, en });

function approver(c: SwapContext): true | LocalisedText {
  return writesStation(c.actor, c.swap.body_path) || c.staffStationIds.includes(c.swap.station_id)
    ? true
    : reason('只有联络站工作人员或代表工委可以审批调班。', 'Only station or office staff approve swaps.');
}

function requester(c: SwapContext): true | LocalisedText {
  return c.actor.deputyId === c.swap.requester_deputy_id
    ? true
    : reason('只有申请调班的代表可以撤回。', 'Only the requesting deputy may withdraw.');
}

type Action = ActionDefinition<SwapStatus, SwapContext, never>;
const action = <Input>(definition: ActionDefinition<SwapStatus, SwapContext, Input>): Action =>
  definition as unknown as Action;

/** A deputy asks to hand over (or exchange) a duty; station or office staff approve. */
export const swapWorkflow: WorkflowDefinition<SwapStatus, SwapContext> = {
  name: 'roster_swap',
  states: swapStatusLabels,
  stateOf: (c) => c.swap.status as SwapStatus,
  actions: [
    action({
      name: 'approve',
      label: reason('同意调班', 'Approve'),
      from: ['requested'],
      to: 'approved',
      who: approver,
      input: z.object({ note: z.string().trim().max(300).optional() }),
    }),
    action({
      name: 'reject',
      label: reason('不同意', 'Reject'),
      from: ['requested'],
      to: 'rejected',
      who: approver,
      input: z.object({ note: z.string().trim().min(2).max(300) }),
    }),
    action({
      name: 'withdraw',
      label: reason('撤回申请', 'Withdraw'),
      from: ['requested'],
      to: 'withdrawn',
      who: requester,
      input: z.object({}).strict(),
    }),
  ],
};
