import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { unitIdsOf } from '../auth/actor.js';
import type { LocalisedText } from '../platform/errors.js';
import type { ActionDefinition, WorkflowDefinition } from '../workflow/workflow.js';
import { idSchema } from '../../shared/schemas/common.js';
import type { ReceptionStatus } from '../../shared/schemas/receptions.js';
import { receptionStatusLabels } from '../../shared/schemas/receptions.js';
import type { ReceptionViewRow } from './receptions.repository.js';
import { writesStation } from './stations.access.js';

/** Everything the reception workflow needs to decide who may do what. */
export interface ReceptionContext {
  reception: ReceptionViewRow;
  actor: Actor;
  /** Stations where the actor works as staff. */
  staffStationIds: string[];
}

const reason = (zh: string, en: string): LocalisedText => ({ zh, en });

/** The deputy the matter was addressed or passed to. */
export function isOwningDeputy(c: ReceptionContext): boolean {
  const deputyId = c.actor.deputyId;
  return (
    deputyId !== null &&
    (c.reception.deputy_id === deputyId || c.reception.escalated_to_deputy_id === deputyId)
  );
}

function stationOrOffice(c: ReceptionContext): boolean {
  return (
    writesStation(c.actor, c.reception.body_path) ||
    (c.reception.station_id !== null && c.staffStationIds.includes(c.reception.station_id))
  );
}

function handler(c: ReceptionContext): true | LocalisedText {
  return isOwningDeputy(c) || stationOrOffice(c)
    ? true
    : reason(
        '只有接待代表、联络站工作人员或代表工委可以办理。',
        'Only the receiving deputy, station staff or office staff may handle this.',
      );
}

function staffOnly(c: ReceptionContext): true | LocalisedText {
  return stationOrOffice(c)
    ? true
    : reason('只有联络站工作人员或代表工委可以分派代表。', 'Only station or office staff assign a deputy.');
}

function deputyOnly(c: ReceptionContext): true | LocalisedText {
  return isOwningDeputy(c)
    ? true
    : reason(
        '只有接待的代表本人可以转为自己的建议。',
        'Only the receiving deputy may turn it into their suggestion.',
      );
}

function referredUnit(c: ReceptionContext): true | LocalisedText {
  return c.reception.referred_unit_id !== null && unitIdsOf(c.actor).includes(c.reception.referred_unit_id)
    ? true
    : reason('只有承办该事项的单位可以答复。', 'Only the unit it was referred to may answer.');
}

function notYetSuggestion(c: ReceptionContext): true | LocalisedText {
  return c.reception.suggestion_id === null
    ? true
    : reason('该事项已转为代表建议。', 'This matter is already a suggestion.');
}

const answerText = z.string().trim().min(2).max(2000);

type Action = ActionDefinition<ReceptionStatus, ReceptionContext, never>;
const action = <Input>(definition: ActionDefinition<ReceptionStatus, ReceptionContext, Input>): Action =>
  definition as unknown as Action;

/**
 * A matter a citizen brought: received (new) → handled (open) → referred to an agency, passed to a
 * higher-level deputy, turned into the deputy's suggestion → answered to the citizen (closed).
 */
export const receptionWorkflow: WorkflowDefinition<ReceptionStatus, ReceptionContext> = {
  name: 'reception',
  states: receptionStatusLabels,
  stateOf: (c) => c.reception.status as ReceptionStatus,
  actions: [
    action({
      name: 'accept',
      label: reason('受理', 'Accept'),
      from: ['new'],
      to: 'open',
      who: handler,
      input: z.object({}).strict(),
    }),
    action({
      name: 'answer',
      label: reason('答复群众', 'Answer the citizen'),
      from: ['new', 'open', 'referred', 'escalated'],
      to: 'closed',
      who: handler,
      input: z.object({ answer: answerText, outcome: z.enum(['solved', 'explained']).optional() }),
    }),
    action({
      name: 'refer',
      label: reason('转交有关部门', 'Refer to an agency'),
      from: ['new', 'open', 'escalated'],
      to: 'referred',
      who: handler,
      input: z.object({ unitId: idSchema, note: z.string().trim().max(500).optional() }),
    }),
    action({
      name: 'unit_answer',
      label: reason('部门答复', 'Agency answer'),
      from: ['referred'],
      to: 'open',
      who: referredUnit,
      input: z.object({ answer: answerText }),
    }),
    action({
      name: 'escalate',
      label: reason('转上级人大代表', 'Pass to a higher-level deputy'),
      from: ['new', 'open'],
      to: 'escalated',
      who: handler,
      input: z.object({ deputyId: idSchema, note: z.string().trim().max(500).optional() }),
    }),
    action({
      name: 'assign',
      label: reason('分派代表', 'Assign a deputy'),
      from: ['new', 'open'],
      to: 'open',
      who: staffOnly,
      input: z.object({ deputyId: idSchema }),
    }),
    action({
      name: 'to_suggestion',
      label: reason('转为代表建议', 'Turn into my suggestion'),
      from: ['new', 'open', 'escalated', 'closed'],
      to: (c) => (c.reception.status === 'new' ? 'open' : (c.reception.status as ReceptionStatus)),
      who: deputyOnly,
      guard: notYetSuggestion,
      input: z.object({
        bodyId: idSchema.optional(),
        title: z.string().trim().min(4).max(80).optional(),
      }),
    }),
    action({
      name: 'dismiss',
      label: reason('不予处理', 'Dismiss'),
      from: ['new', 'open'],
      to: 'closed',
      who: handler,
      input: z.object({ reason: z.string().trim().min(2).max(500) }),
    }),
  ],
};
