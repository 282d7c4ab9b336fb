import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { coversBody } from '../auth/actor.js';
import type { LocalisedText } from '../platform/errors.js';
import type { ActionDefinition, WorkflowDefinition } from '../workflow/workflow.js';
import { fulfilInputSchema, promiseStatusLabels } from '../../shared/schemas/followups.js';
import type { PromiseStatus } from '../../shared/schemas/followups.js';
import { systemActorId } from '../suggestions/assignment.workflow.js';
import type { PromiseRecord } from './followups.repository.js';

/** What the promise workflow needs to decide who may do what. */
export interface PromiseContext {
  promise: PromiseRecord;
  actor: Actor;
  bodyPath: string;
  /** Today in Asia/Shanghai (`YYYY-MM-DD`). */
  today: string;
}

const text = (zh: string, en: string): LocalisedText => ({ zh, en });

function office(c: PromiseContext): true | LocalisedText {
  return coversBody(c.actor, ['office_staff', 'admin'], c.bodyPath)
    ? true
    : text('只有代表工委工作人员可以确认承诺落实情况。', 'Only congress office staff may do this.');
}

function system(c: PromiseContext): true | LocalisedText {
  return c.actor.userId === systemActorId
    ? true
    : text('该步骤由系统自动完成。', 'The system takes this step.');
}

function fulfilmentDate(c: PromiseContext, input: { fulfilledOn: string } | undefined): true | LocalisedText {
  if (!input) return true;
  if (input.fulfilledOn > c.today)
    return text('「落实日期」不能晚于今天。', 'The date cannot be in the future.');
  if (input.fulfilledOn < c.promise.entered_on)
    return text(
      `「落实日期」不能早于承诺列入台账的日期 ${c.promise.entered_on}。`,
      `The date cannot be before the promise entered the ledger (${c.promise.entered_on}).`,
    );
  return true;
}

type Action = ActionDefinition<PromiseStatus, PromiseContext, never>;
const action = <Input>(definition: ActionDefinition<PromiseStatus, PromiseContext, Input>): Action =>
  definition as unknown as Action;

/** A promise is open until the office marks it fulfilled; a later reply of the unit replaces it. */
export const promiseWorkflow: WorkflowDefinition<PromiseStatus, PromiseContext> = {
  name: 'followup',
  states: promiseStatusLabels,
  stateOf: (c) => c.promise.status as PromiseStatus,
  actions: [
    action({
      name: 'fulfil',
      label: text('确认已落实', 'Mark fulfilled'),
      from: ['open'],
      to: 'fulfilled',
      who: office,
      guard: fulfilmentDate,
      input: fulfilInputSchema,
    }),
    action({
      name: 'reopen',
      label: text('撤销落实确认', 'Reopen'),
      from: ['fulfilled'],
      to: 'open',
      who: office,
      input: z.object({ reason: z.string().trim().min(2).max(500) }),
    }),
    action({
      name: 'supersede',
      label: text('由重新答复取代', 'Superseded by a later reply'),
      from: ['open'],
      to: 'superseded',
      who: system,
      input: z.object({ replyId: z.string() }),
    }),
  ],
};
