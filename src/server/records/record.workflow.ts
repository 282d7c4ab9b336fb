import type { Actor } from '../auth/actor.js';
import { coversBody } from '../auth/actor.js';
import type { SuggestionRow } from '../db/schema.js';
import type { LocalisedText } from '../platform/errors.js';
import type { ActionDefinition, WorkflowDefinition } from '../workflow/workflow.js';
import type { RecordStatus } from '../../shared/schemas/records.js';
import {
  recordReopenInputSchema,
  recordReturnInputSchema,
  recordSignInputSchema,
  recordStatusLabels,
} from '../../shared/schemas/records.js';
import type { SuggestionStatus } from '../../shared/schemas/suggestions.js';
import { suggestionStatusLabels } from '../../shared/schemas/suggestions.js';

/** What the record workflow needs to decide. A record not yet started is `open`, version 0. */
export interface RecordContext {
  suggestion: SuggestionRow;
  record: { status: RecordStatus; version: number; cycle: number };
  actor: Actor;
  bodyPath: string;
  /** The units whose leader signs: the lead unit (or, for separately assigned items, each unit). */
  signingUnitIds: string[];
  /** Today in Asia/Shanghai. */
  today: string;
}

const reason = (zh: string, en: string): LocalisedText => ({ zh, en });

function leadDeputy(c: RecordContext): true | LocalisedText {
  return c.actor.deputyId !== null && c.actor.deputyId === c.suggestion.lead_deputy_id
    ? true
    : reason('只有领衔代表本人可以在纪实表上签字。', 'Only the lead deputy signs here.');
}
function unitLeader(c: RecordContext): true | LocalisedText {
  return c.actor.roles.some(
    (r) => r.role === 'unit_leader' && r.unitId !== null && c.signingUnitIds.includes(r.unitId),
  )
    ? true
    : reason('只有主办单位负责人可以签字。', "Only the lead unit's leader signs here.");
}
function governmentLeader(c: RecordContext): true | LocalisedText {
  return coversBody(c.actor, ['leader'], c.bodyPath)
    ? true
    : reason('只有政府分管领导可以签字。', 'Only the government leader in charge signs here.');
}
function office(c: RecordContext): true | LocalisedText {
  return coversBody(c.actor, ['office_staff', 'admin'], c.bodyPath)
    ? true
    : reason('只有代表工委工作人员可以退回或重新启动纪实表。', 'Only congress office staff do this.');
}

/** Handling must have ended (the suggestion is closed) before anyone signs or returns the record. */
function handlingEnded(c: RecordContext): true | LocalisedText {
  if (c.suggestion.status === 'closed') return true;
  const label = suggestionStatusLabels[c.suggestion.status as SuggestionStatus];
  return reason(
    `建议尚未办结（当前为「${label.zh}」），办结后才能签署或退回全程纪实表。`,
    `The suggestion is not closed yet (${label.en}); the record is signed after handling ends.`,
  );
}
function returnDueLater(c: RecordContext, input: { dueOn: string } | undefined): true | LocalisedText {
  const ended = handlingEnded(c);
  if (ended !== true || !input) return ended;
  return input.dueOn > c.today
    ? true
    : reason(
        `重新办理期限须晚于今天（${c.today}）。`,
        `The re-handling deadline must be after today (${c.today}).`,
      );
}

type Action = ActionDefinition<RecordStatus, RecordContext, never>;
const action = <Input>(definition: ActionDefinition<RecordStatus, RecordContext, Input>): Action =>
  definition as unknown as Action;

/**
 * The handling record's signatures, in order: the lead deputy, the lead unit's leader, the
 * government leader in charge. Before it completes the office may return it for re-handling with
 * a time limit, and reopen it for a new round of signatures once the unit has handled it again.
 */
export const recordWorkflow: WorkflowDefinition<RecordStatus, RecordContext> = {
  name: 'handling_record',
  states: recordStatusLabels,
  stateOf: (c) => c.record.status,
  actions: [
    action({
      name: 'sign_deputy',
      label: reason('领衔代表签字', 'Sign as lead deputy'),
      from: ['open'],
      to: 'deputy_signed',
      who: leadDeputy,
      guard: handlingEnded,
      input: recordSignInputSchema,
    }),
    action({
      name: 'sign_unit',
      label: reason('承办单位负责人签字', "Sign as the unit's leader"),
      from: ['deputy_signed'],
      to: 'unit_signed',
      who: unitLeader,
      guard: handlingEnded,
      input: recordSignInputSchema,
    }),
    action({
      name: 'sign_government',
      label: reason('政府分管领导签字', 'Sign as government leader'),
      from: ['unit_signed'],
      to: 'complete',
      who: governmentLeader,
      guard: handlingEnded,
      input: recordSignInputSchema,
    }),
    action({
      name: 'return',
      label: reason('退回重新办理', 'Return for re-handling'),
      from: ['open', 'deputy_signed', 'unit_signed'],
      to: 'returned',
      who: office,
      guard: returnDueLater,
      input: recordReturnInputSchema,
    }),
    action({
      name: 'reopen',
      label: reason('重新启动签字', 'Reopen for signatures'),
      from: ['returned'],
      to: 'open',
      who: office,
      input: recordReopenInputSchema,
    }),
  ],
};
