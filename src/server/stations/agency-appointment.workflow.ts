import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { unitIdsOf } from '../auth/actor.js';
import type { LocalisedText } from '../platform/errors.js';
import type { ActionDefinition, WorkflowDefinition } from '../workflow/workflow.js';
import type { AgencyStatus } from '../../shared/schemas/appointments.js';
import {
  agencyPostponeSchema,
  agencyScheduleSchema,
  agencyStatusLabels,
} from '../../shared/schemas/appointments.js';
import type { AgencyViewRow } from './appointments.repository.js';
import { writesStation } from './stations.access.js';

export interface AgencyContext {
  item: AgencyViewRow;
  actor: Actor;
  today: string;
}

const reason = (zh: string, en: string): LocalisedText => ({ zh, en });
const office = (c: AgencyContext) => writesStation(c.actor, c.item.body_path);
const requester = (c: AgencyContext) => c.actor.deputyId === c.item.deputy_id;
const agency = (c: AgencyContext) => unitIdsOf(c.actor).includes(c.item.unit_id);

function officeOnly(c: AgencyContext): true | LocalisedText {
  return office(c)
    ? true
    : reason('由人大常委会办事机构安排。', 'The standing committee office arranges this.');
}
function officeOrAgency(c: AgencyContext): true | LocalisedText {
  return office(c) || agency(c)
    ? true
    : reason('只有被约见机关或代表工委可以操作。', 'Only the agency or the office may do this.');
}
function officeOrDeputy(c: AgencyContext): true | LocalisedText {
  return office(c) || requester(c)
    ? true
    : reason('只有约见代表或代表工委可以记录。', 'Only the deputy or the office may record this.');
}
function requesterOnly(c: AgencyContext): true | LocalisedText {
  return requester(c)
    ? true
    : reason('只有提出约见的代表可以撤回。', 'Only the requesting deputy may withdraw.');
}

type Action = ActionDefinition<AgencyStatus, AgencyContext, never>;
const action = <Input>(definition: ActionDefinition<AgencyStatus, AgencyContext, Input>): Action =>
  definition as unknown as Action;

/**
 * A deputy's request to meet the head of a state organ (代表法 art. 29): requested → scheduled by
 * the office (the official may postpone once, by at most a month) → held (minutes) → follow-up →
 * closed. The postponement limits are checked with the new date in the service.
 */
export const agencyAppointmentWorkflow: WorkflowDefinition<AgencyStatus, AgencyContext> = {
  name: 'agency_appointment',
  states: agencyStatusLabels,
  stateOf: (c) => c.item.status as AgencyStatus,
  actions: [
    action({
      name: 'schedule',
      label: reason('安排约见', 'Schedule'),
      from: ['requested'],
      to: 'scheduled',
      who: officeOnly,
      guard: (c, input) =>
        input && input.scheduledOn < c.today
          ? reason('约见日期不能早于今天。', 'The date must not be in the past.')
          : true,
      input: agencyScheduleSchema,
    }),
    action({
      name: 'postpone',
      label: reason('推迟（限一次）', 'Postpone (once)'),
      from: ['scheduled'],
      to: 'scheduled',
      who: officeOrAgency,
      guard: (c) =>
        c.item.postponed_count < 1
          ? true
          : reason('约见已推迟过一次，不能再推迟。', 'The meeting has already been postponed once.'),
      input: agencyPostponeSchema,
    }),
    action({
      name: 'hold',
      label: reason('记录约见情况', 'Record the meeting'),
      from: ['scheduled'],
      to: 'held',
      who: officeOrDeputy,
      guard: (c) =>
        c.item.scheduled_on !== null && c.today >= c.item.scheduled_on
          ? true
          : reason('约见日期尚未到来。', 'The meeting date has not come yet.'),
      input: z.object({ minutes: z.string().trim().min(10).max(5000) }),
    }),
    action({
      name: 'follow_up',
      label: reason('跟踪落实', 'Record follow-up'),
      from: ['held', 'follow_up'],
      to: 'follow_up',
      who: officeOrAgency,
      input: z.object({ followUp: z.string().trim().min(4).max(3000) }),
    }),
    action({
      name: 'close',
      label: reason('办结', 'Close'),
      from: ['held', 'follow_up'],
      to: 'closed',
      who: officeOnly,
      input: z.object({ note: z.string().trim().min(2).max(1000) }),
    }),
    action({
      name: 'withdraw',
      label: reason('撤回申请', 'Withdraw'),
      from: ['requested', 'scheduled'],
      to: 'withdrawn',
      who: requesterOnly,
      input: z.object({ reason: z.string().trim().min(2).max(300) }),
    }),
  ],
};
