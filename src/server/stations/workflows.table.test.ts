import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.js';
import { availability, check } from '../workflow/workflow.js';
import type { Role } from '../../shared/schemas/roles.js';
import { receptionStatusValues } from '../../shared/schemas/receptions.js';
import { agencyStatusValues, appointmentStatusValues } from '../../shared/schemas/appointments.js';
import { swapStatusValues } from '../../shared/schemas/stations.js';
import type { ReceptionViewRow } from './receptions.repository.js';
import type { AppointmentViewRow, AgencyViewRow } from './appointments.repository.js';
import type { SwapViewRow } from './swaps.repository.js';
import { receptionWorkflow } from './reception.workflow.js';
import { appointmentWorkflow } from './appointment.workflow.js';
import { agencyAppointmentWorkflow } from './agency-appointment.workflow.js';
import { swapWorkflow } from './swap.workflow.js';

const bodyPath = '/county/town/';

function actor(
  name: string,
  roles: { role: Role; unitId?: string }[],
  deputyId: string | null = null,
): Actor {
  return {
    userId: `user-${name}`,
    username: name,
    displayName: name,
    roles: roles.map((r) => ({
      role: r.role,
      bodyId: 'town',
      bodyPath,
      unitId: r.unitId ?? null,
      committeeId: null,
    })),
    deputyId,
    via: 'session',
    sessionId: null,
    ip: null,
  };
}

/** Every kind of person who might act, with the stations they staff. */
const people = {
  owner: { actor: actor('owner', [{ role: 'deputy' }], 'deputy-owner'), staffStationIds: [] as string[] },
  otherDeputy: {
    actor: actor('other', [{ role: 'deputy' }], 'deputy-other'),
    staffStationIds: [] as string[],
  },
  station: { actor: actor('clerk', [{ role: 'collector' }]), staffStationIds: ['station-1'] },
  office: { actor: actor('office', [{ role: 'office_staff' }]), staffStationIds: [] as string[] },
  unit: {
    actor: actor('unit', [{ role: 'unit_handler', unitId: 'unit-1' }]),
    staffStationIds: [] as string[],
  },
};
type Person = keyof typeof people;

/** Expected moves, written out from the issue rather than read from the definitions. */
function walk<State extends string, Context>(
  definition: Parameters<typeof availability<State, Context>>[0],
  states: readonly State[],
  table: Record<string, { from: State[]; who: Person[] }>,
  contextOf: (state: State, person: Person) => Context,
) {
  expect(Object.keys(table).sort()).toEqual(definition.actions.map((a) => a.name).sort());
  const mismatches: string[] = [];
  for (const state of states)
    for (const person of Object.keys(people) as Person[]) {
      const found = availability(definition, contextOf(state, person));
      for (const entry of found) {
        const rule = table[entry.action];
        const expected = rule !== undefined && rule.from.includes(state) && rule.who.includes(person);
        if (entry.allowed !== expected)
          mismatches.push(
            `${entry.action} in ${state} by ${person}: ${entry.allowed} (${entry.reason?.en ?? ''})`,
          );
      }
    }
  expect(mismatches).toEqual([]);
}

describe('reception workflow', () => {
  const row = (status: string): ReceptionViewRow =>
    ({
      id: 'r1',
      status,
      body_path: bodyPath,
      station_id: 'station-1',
      deputy_id: 'deputy-owner',
      escalated_to_deputy_id: null,
      referred_unit_id: 'unit-1',
      suggestion_id: null,
    }) as ReceptionViewRow;
  const handlers: Person[] = ['owner', 'station', 'office'];

  it('allows exactly the moves of the table to exactly the people of the table', () => {
    walk(
      receptionWorkflow,
      receptionStatusValues,
      {
        accept: { from: ['new'], who: handlers },
        answer: { from: ['new', 'open', 'referred', 'escalated'], who: handlers },
        refer: { from: ['new', 'open', 'escalated'], who: handlers },
        unit_answer: { from: ['referred'], who: ['unit'] },
        escalate: { from: ['new', 'open'], who: handlers },
        assign: { from: ['new', 'open'], who: ['station', 'office'] },
        to_suggestion: { from: ['new', 'open', 'escalated', 'closed'], who: ['owner'] },
        dismiss: { from: ['new', 'open'], who: handlers },
      },
      (state, person) => ({ reception: row(state), ...people[person] }),
    );
  });

  it('turns a matter into a suggestion once, and says why not otherwise', () => {
    const linked = { ...row('open'), suggestion_id: 's1' };
    const [entry] = availability(receptionWorkflow, { reception: linked, ...people.owner }).filter(
      (a) => a.action === 'to_suggestion',
    );
    expect(entry).toMatchObject({ allowed: false, reason: { zh: '该事项已转为代表建议。' } });
    expect(() =>
      check(receptionWorkflow, 'answer', { reception: row('closed'), ...people.owner }, { answer: '好的' }),
    ).toThrow(expect.objectContaining({ kind: 'invalid_transition' }));
    expect(() =>
      check(
        receptionWorkflow,
        'answer',
        { reception: row('new'), ...people.otherDeputy },
        { answer: '好的' },
      ),
    ).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    expect(() =>
      check(receptionWorkflow, 'answer', { reception: row('new'), ...people.owner }, { answer: '' }),
    ).toThrow(expect.objectContaining({ kind: 'validation' }));
  });
});

describe('appointment workflow', () => {
  const row = (status: string): AppointmentViewRow =>
    ({
      id: 'a1',
      status,
      body_path: bodyPath,
      station_id: 'station-1',
      deputy_id: 'deputy-owner',
      date: '2025-04-21',
    }) as AppointmentViewRow;
  const handlers: Person[] = ['owner', 'station', 'office'];

  it('lets the deputy side accept, propose, decline, hold; the citizen confirm and cancel', () => {
    walk(
      appointmentWorkflow,
      appointmentStatusValues,
      {
        accept: { from: ['requested'], who: handlers },
        propose: { from: ['requested'], who: handlers },
        decline: { from: ['requested', 'proposed', 'accepted'], who: handlers },
        confirm: { from: [], who: [] },
        cancel: { from: [], who: [] },
        hold: { from: ['accepted'], who: handlers },
        miss: { from: ['accepted'], who: handlers },
      },
      (state, person) => ({
        appointment: row(state),
        citizen: false,
        today: '2025-04-21',
        ...people[person],
      }),
    );
    const citizen = (status: string) =>
      availability(appointmentWorkflow, {
        appointment: row(status),
        actor: null,
        citizen: true,
        staffStationIds: [],
        today: '2025-04-01',
      })
        .filter((a) => a.allowed)
        .map((a) => a.action);
    expect(citizen('requested')).toEqual(['cancel']);
    expect(citizen('proposed')).toEqual(['confirm', 'cancel']);
    expect(citizen('accepted')).toEqual(['cancel']);
    for (const status of ['declined', 'cancelled', 'held', 'missed']) expect(citizen(status)).toEqual([]);
  });
});

describe('agency appointment workflow', () => {
  const row = (status: string, postponed = 0): AgencyViewRow =>
    ({
      id: 'g1',
      status,
      body_path: bodyPath,
      deputy_id: 'deputy-owner',
      unit_id: 'unit-1',
      scheduled_on: '2025-04-10',
      postponed_count: postponed,
    }) as AgencyViewRow;

  it('gives the office, the agency and the deputy each their own steps', () => {
    walk(
      agencyAppointmentWorkflow,
      agencyStatusValues,
      {
        schedule: { from: ['requested'], who: ['office'] },
        postpone: { from: ['scheduled'], who: ['office', 'unit'] },
        hold: { from: ['scheduled'], who: ['office', 'owner'] },
        follow_up: { from: ['held', 'follow_up'], who: ['office', 'unit'] },
        close: { from: ['held', 'follow_up'], who: ['office'] },
        withdraw: { from: ['requested', 'scheduled'], who: ['owner'] },
      },
      (state, person) => ({ item: row(state), today: '2025-04-10', actor: people[person].actor }),
    );
  });

  it('allows one postponement only', () => {
    const [entry] = availability(agencyAppointmentWorkflow, {
      item: row('scheduled', 1),
      today: '2025-04-01',
      actor: people.office.actor,
    }).filter((a) => a.action === 'postpone');
    expect(entry).toMatchObject({ allowed: false, reason: { zh: '约见已推迟过一次，不能再推迟。' } });
  });
});

describe('swap workflow', () => {
  const row = (status: string): SwapViewRow =>
    ({
      id: 'w1',
      status,
      body_path: bodyPath,
      station_id: 'station-1',
      requester_deputy_id: 'deputy-owner',
    }) as SwapViewRow;

  it('is approved by station or office staff and withdrawn by the requester', () => {
    walk(
      swapWorkflow,
      swapStatusValues,
      {
        approve: { from: ['requested'], who: ['station', 'office'] },
        reject: { from: ['requested'], who: ['station', 'office'] },
        withdraw: { from: ['requested'], who: ['owner'] },
      },
      (state, person) => ({ swap: row(state), ...people[person] }),
    );
  });
});
