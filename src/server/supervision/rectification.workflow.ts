import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { coversBody } from '../auth/actor.js';
import type { LocalisedText } from '../platform/errors.js';
import type { ActionDefinition, WorkflowDefinition } from '../workflow/workflow.js';
import { optionalText } from '../../shared/schemas/common.js';
import { rectificationStatusLabels, rectificationSubmitSchema } from '../../shared/schemas/supervision.js';
import type { RectificationStatus } from '../../shared/schemas/supervision.js';
import type { RectificationRecord } from './rectification.repository.js';

/** What the rectification workflow needs to decide who may do what. */
export interface RectificationContext {
  task: RectificationRecord;
  actor: Actor;
  bodyPath: string;
}

const text = (zh: string, en: string): LocalisedText => ({ zh, en });

function unit(c: RectificationContext): true | LocalisedText {
  return c.actor.roles.some((r) => r.unitId === c.task.unit_id)
    ? true
    : text('只有被要求整改的承办单位可以提交整改报告。', 'Only the unit concerned may submit its report.');
}

function office(c: RectificationContext): true | LocalisedText {
  return coversBody(c.actor, ['office_staff', 'admin'], c.bodyPath)
    ? true
    : text('只有代表工委工作人员可以审核整改情况。', 'Only congress office staff may review the report.');
}

type Action = ActionDefinition<RectificationStatus, RectificationContext, never>;
const action = <Input>(
  definition: ActionDefinition<RectificationStatus, RectificationContext, Input>,
): Action => definition as unknown as Action;

/** Open → the unit submits its report and written explanation → the office accepts or returns it. */
export const rectificationWorkflow: WorkflowDefinition<RectificationStatus, RectificationContext> = {
  name: 'rectification',
  states: rectificationStatusLabels,
  stateOf: (c) => c.task.status as RectificationStatus,
  actions: [
    action({
      name: 'submit',
      label: text('提交整改报告', 'Submit the report'),
      from: ['open'],
      to: 'submitted',
      who: unit,
      input: rectificationSubmitSchema,
    }),
    action({
      name: 'accept',
      label: text('整改通过', 'Accept'),
      from: ['submitted'],
      to: 'accepted',
      who: office,
      input: z.object({ note: optionalText(500) }),
    }),
    action({
      name: 'return',
      label: text('退回重新整改', 'Return'),
      from: ['submitted'],
      to: 'open',
      who: office,
      input: z.object({ note: z.string().trim().min(2).max(500) }),
    }),
  ],
};
