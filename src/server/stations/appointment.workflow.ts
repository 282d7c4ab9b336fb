import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { LocalisedText } from '../platform/errors.js';
import type { ActionDefinition, WorkflowDefinition } from '../workflow/workflow.js';
import type { AppointmentStatus } from '../../shared/schemas/appointments.js';
import { appointmentStatusLabels, proposeInputSchema } from '../../shared/schemas/appointments.js';
import type { AppointmentViewRow } from './appointments.repository.js';
import { writesStation } from './stations.access.js';

/**
 * Who acts: a signed-in user, or the citizen holding the tracking code (no account). The citizen
 * is never an `Actor`; they can only confirm a proposed time or cancel.
 */
export interface AppointmentContext {
  appointment: AppointmentViewRow;
  actor: Actor | null;
  citizen: boolean;
  staffStationIds: string[];
  today: string;
}

const reason = (zh: string, en: string): LocalisedText => ({ zh, en });

function deputyOrStaff(c: AppointmentContext): true | LocalisedText {
  const actor = c.actor;
  if (
    actor &&
    (actor.deputyId === c.appointment.deputy_id ||
      writesStation(actor, c.appointment.body_path) ||
      c.staffStationIds.includes(c.appointment.station_id))
  )
    return true;
  return reason(
    '只有被约见的代表或联络站工作人员可以处理。',
    'Only the deputy or station staff may do this.',
  );
}

function citizen(c: AppointmentContext): true | LocalisedText {
  return c.citizen
    ? true
    : reason('只有预约的群众可以进行此操作。', 'Only the citizen who booked may do this.');
}

function dayReached(c: AppointmentContext): true | LocalisedText {
  return c.today >= c.appointment.date
    ? true
    : reason(
        `约见日期（${c.appointment.date}）尚未到来。`,
        `The meeting (${c.appointment.date}) has not happened yet.`,
      );
}

type Action = ActionDefinition<AppointmentStatus, AppointmentContext, never>;
const action = <Input>(definition: ActionDefinition<AppointmentStatus, AppointmentContext, Input>): Action =>
  definition as unknown as Action;

/** 约见卡: booked → the deputy accepts, proposes another time or declines → held (or missed). */
export const appointmentWorkflow: WorkflowDefinition<AppointmentStatus, AppointmentContext> = {
  name: 'appointment',
  states: appointmentStatusLabels,
  stateOf: (c) => c.appointment.status as AppointmentStatus,
  actions: [
    action({
      name: 'accept',
      label: reason('接受约见', 'Accept'),
      from: ['requested'],
      to: 'accepted',
      who: deputyOrStaff,
      input: z.object({ note: z.string().trim().max(300).optional() }),
    }),
    action({
      name: 'propose',
      label: reason('提议改期', 'Propose another time'),
      from: ['requested'],
      to: 'proposed',
      who: deputyOrStaff,
      guard: (c, input) =>
        input && input.date <= c.today
          ? reason('新的时间须在今天以后。', 'The new time must be after today.')
          : true,
      input: proposeInputSchema,
    }),
    action({
      name: 'decline',
      label: reason('婉拒', 'Decline'),
      from: ['requested', 'proposed', 'accepted'],
      to: 'declined',
      who: deputyOrStaff,
      input: z.object({ reason: z.string().trim().min(2).max(300) }),
    }),
    action({
      name: 'confirm',
      label: reason('同意新时间', 'Confirm the new time'),
      from: ['proposed'],
      to: 'accepted',
      who: citizen,
      input: z.object({}).strict(),
    }),
    action({
      name: 'cancel',
      label: reason('取消预约', 'Cancel'),
      from: ['requested', 'proposed', 'accepted'],
      to: 'cancelled',
      who: citizen,
      input: z.object({}).strict(),
    }),
    action({
      name: 'hold',
      label: reason('已见面', 'Held'),
      from: ['accepted'],
      to: 'held',
      who: deputyOrStaff,
      guard: dayReached,
      input: z.object({ summary: z.string().trim().max(2000).optional() }),
    }),
    action({
      name: 'miss',
      label: reason('群众未到场', 'Citizen did not come'),
      from: ['accepted'],
      to: 'missed',
      who: deputyOrStaff,
      guard: dayReached,
      input: z.object({}).strict(),
    }),
  ],
};
