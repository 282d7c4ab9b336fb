import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { coversBody } from '../auth/actor.js';
import type { BallotRow } from '../db/schema-voting.js';
import type { LocalisedText } from '../platform/errors.js';
import type { BallotStatus } from '../../shared/schemas/ballots.js';
import { ballotStatusLabels } from '../../shared/schemas/ballots.js';
import type { Role } from '../../shared/schemas/roles.js';
import type { ActionDefinition, WorkflowDefinition } from '../workflow/workflow.js';

/** Who runs ballots: opens, closes, checks deputies in and enters paper ballots as tellers. */
export const ballotManagers: readonly Role[] = ['admin', 'office_staff'];

/** What the ballot workflow needs to judge an action. */
export interface BallotContext {
  ballot: BallotRow;
  actor: Actor;
  bodyPath: string;
  itemCount: number;
  nowIso: string;
}

const reason = (zh: string, en: string): LocalisedText => ({ zh, en });

function manager(c: BallotContext): true | LocalisedText {
  return coversBody(c.actor, ballotManagers, c.bodyPath)
    ? true
    : reason('只有代表工委工作人员可以主持表决。', 'Only congress office staff run ballots.');
}

function readyToOpen(c: BallotContext): true | LocalisedText {
  if (c.itemCount === 0) return reason('表决没有任何事项。', 'The ballot has no items.');
  if (c.ballot.closes_at && c.ballot.closes_at <= c.nowIso)
    return reason('预定的截止时间已过，请先修改截止时间。', 'The planned closing time has passed.');
  return true;
}

type Action = ActionDefinition<BallotStatus, BallotContext, never>;
const action = <Input>(definition: ActionDefinition<BallotStatus, BallotContext, Input>): Action =>
  definition as unknown as Action;
const empty = z.object({}).strict();

/** A ballot: drafted, opened (the electorate is snapshotted), closed (counted), or cancelled. */
export const ballotWorkflow: WorkflowDefinition<BallotStatus, BallotContext> = {
  name: 'ballot',
  states: ballotStatusLabels,
  stateOf: (c) => c.ballot.status as BallotStatus,
  actions: [
    action({
      name: 'open',
      label: reason('开始投票', 'Open'),
      from: ['draft'],
      to: 'open',
      who: manager,
      guard: readyToOpen,
      input: empty,
    }),
    action({
      name: 'close',
      label: reason('结束投票并计票', 'Close and count'),
      from: ['open'],
      to: 'closed',
      who: manager,
      input: empty,
    }),
    action({
      name: 'cancel',
      label: reason('取消表决', 'Cancel'),
      from: ['draft', 'open'],
      to: 'cancelled',
      who: manager,
      input: z.object({ reason: z.string().trim().min(2).max(500) }),
    }),
  ],
};
