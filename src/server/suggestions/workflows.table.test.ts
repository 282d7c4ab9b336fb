import { describe, expect, it } from 'vitest';
import type { Actor, RoleGrant } from '../auth/actor.js';
import type { AssignmentRow, SuggestionRow } from '../db/schema.js';
import { DomainError } from '../platform/errors.js';
import { henanDefaults } from '../../shared/schemas/settings.js';
import { assignmentStatusSchema, suggestionStatusValues } from '../../shared/schemas/suggestions.js';
import type { AssignmentStatus, SuggestionStatus } from '../../shared/schemas/suggestions.js';
import { availability, check } from '../workflow/workflow.js';
import { suggestionWorkflow } from './suggestion.workflow.js';
import { assignmentWorkflow } from './assignment.workflow.js';
import { checkSubmission } from './submission-checks.js';
import { systemActor } from './handling.jobs.js';
import { goodDraft } from './suggestions.fixture.js';
import { laterAssignmentColumns, laterSuggestionColumns } from './row-defaults.js';

const bodyPath = '/B/';
const grant = (role: RoleGrant['role'], path = bodyPath, unitId: string | null = null): RoleGrant => ({
  role,
  bodyId: 'B',
  bodyPath: path,
  unitId,
  committeeId: null,
});
const actor = (roles: RoleGrant[], deputyId: string | null = null): Actor => ({
  userId: 'U',
  username: 'u',
  displayName: 'u',
  roles,
  deputyId,
  via: 'session',
  sessionId: null,
  ip: null,
});

/** Everyone who might try an action. */
const actors = {
  lead: actor([grant('deputy')], 'D1'),
  otherDeputy: actor([grant('deputy')], 'D2'),
  office: actor([grant('office_staff')]),
  committee: actor([grant('committee_staff')]),
  leader: actor([grant('leader')]),
  admin: actor([grant('admin')]),
  supervision: actor([grant('supervision_office')]),
  ownUnit: actor([grant('unit_handler', bodyPath, 'U1')]),
  otherUnit: actor([grant('unit_handler', bodyPath, 'U2')]),
  officeElsewhere: actor([grant('office_staff', '/X/')]),
  /** Office staff who entered the item for the lead deputy (代录). */
  clerk: { ...actor([grant('office_staff')]), userId: 'CLERK' },
  system: { ...systemActor },
} as const;
type Who = keyof typeof actors;

/** Review tiers of the Henan profile and who serves on each. */
const reviewers: Who[][] = [
  ['office', 'clerk', 'committee'],
  ['office', 'clerk'],
  ['office', 'clerk', 'leader'],
];

/** The expected rules, written out by hand: state(s) and who, per action. */
const suggestionRules: Record<string, { states: SuggestionStatus[]; who: (tier: number) => Who[] }> = {
  submit: { states: ['draft', 'returned'], who: () => ['lead', 'clerk'] },
  withdraw: { states: ['draft', 'in_review', 'returned', 'accepted', 'handling'], who: () => ['lead'] },
  review_pass: { states: ['in_review'], who: (tier) => reviewers[tier] ?? [] },
  review_return: { states: ['in_review'], who: (tier) => reviewers[tier] ?? [] },
  review_reject: { states: ['in_review'], who: (tier) => reviewers[tier] ?? [] },
  review_merge: { states: ['in_review'], who: (tier) => reviewers[tier] ?? [] },
  review_convert: { states: ['in_review'], who: (tier) => reviewers[tier] ?? [] },
  assign: { states: ['accepted'], who: () => ['office', 'clerk', 'admin'] },
  rate: { states: ['replied'], who: () => ['lead'] },
  mark_replied: { states: ['handling', 'rehandling'], who: () => ['system'] },
  close_no_feedback: { states: ['replied'], who: () => ['system'] },
};

function suggestion(status: SuggestionStatus, tier: number): SuggestionRow {
  return {
    ...laterSuggestionColumns,
    id: 'S',
    body_id: 'B',
    session_id: 'SESSION',
    kind: 'suggestion',
    timing: 'session',
    lead_deputy_id: 'D1',
    ...goodDraft,
    category_id: 'C',
    status,
    review_tier: tier,
    serial_scope: null,
    serial_number: null,
    key_status: 'none',
    disclose: 1,
    nondisclosure_reason: null,
    merged_into_id: null,
    submitted_at: null,
    accepted_at: null,
    assigned_at: null,
    version: 0,
    created_by: 'CLERK',
    created_at: '',
    updated_at: '',
  };
}

describe('suggestion workflow, every state × tier × action × role', () => {
  const rows: [SuggestionStatus, number][] = suggestionStatusValues.flatMap((s) =>
    s === 'in_review'
      ? [0, 1, 2].map((t) => [s, t] as [SuggestionStatus, number])
      : [[s, 0] as [SuggestionStatus, number]],
  );
  it.each(rows)('%s at tier %i', (status, tier) => {
    for (const [who, current] of Object.entries(actors) as [Who, Actor][]) {
      const row = suggestion(status, tier);
      const context = {
        suggestion: row,
        actor: current,
        bodyPath,
        profile: henanDefaults,
        confirmedSigners: 0,
        motionThreshold: 10,
        submission: checkSubmission({ ...goodDraft, categoryId: 'C' }, henanDefaults),
      };
      for (const entry of availability(suggestionWorkflow, context)) {
        const rule = suggestionRules[entry.action];
        if (!rule) throw new Error(`no rule written for ${entry.action}`);
        const expected = rule.states.includes(status) && rule.who(tier).includes(who);
        expect(entry.allowed, `${entry.action} by ${who} in ${status}/${tier}`).toBe(expected);
        if (!expected) {
          expect(entry.reason?.zh, `${entry.action} by ${who} gives a reason`).toBeTruthy();
          const input = {
            reason: '理由充分',
            targetId: 'T',
            units: [{ unitId: 'U1', role: 'lead' }],
            attitude: 'satisfied',
            result: 'satisfied',
            feedbackDueOn: '2025-07-01',
          };
          try {
            check(suggestionWorkflow, entry.action, context, input);
            throw new Error(`check allowed ${entry.action} by ${who} in ${status}`);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).kind).toBe(
              rule.states.includes(status) ? 'forbidden' : 'invalid_transition',
            );
          }
        }
      }
    }
  });

  it('has a rule for every action and no rule for a missing action', () => {
    expect(suggestionWorkflow.actions.map((a) => a.name).sort()).toEqual(Object.keys(suggestionRules).sort());
  });

  it('refuses submitting a motion short of the co-signer threshold, and accepts at the threshold', () => {
    const row = { ...suggestion('draft', 0), kind: 'motion' };
    const base = {
      suggestion: row,
      actor: actors.lead,
      bodyPath,
      profile: henanDefaults,
      motionThreshold: 10,
      submission: checkSubmission({ ...goodDraft, categoryId: 'C' }, henanDefaults),
    };
    const short = availability(suggestionWorkflow, { ...base, confirmedSigners: 8 }).find(
      (a) => a.action === 'submit',
    );
    expect(short?.allowed).toBe(false);
    expect(short?.reason?.zh).toContain('10 名以上代表联名');
    expect(
      availability(suggestionWorkflow, { ...base, confirmedSigners: 9 }).find((a) => a.action === 'submit')
        ?.allowed,
    ).toBe(true);
  });
});

type Variant = { role: 'lead' | 'co'; extension: 'requested' | null };
/** Who may act on one unit's assignment, by its role (lead or co) and whether an extension is pending. */
const assignmentRules: Record<string, { states: AssignmentStatus[]; who: (v: Variant) => Who[] }> = {
  receive: { states: ['pending_receipt'], who: () => ['ownUnit'] },
  request_adjustment: { states: ['pending_receipt', 'handling'], who: () => ['ownUnit'] },
  approve_adjustment: { states: ['adjustment_requested'], who: () => ['office', 'clerk', 'admin'] },
  refuse_adjustment: { states: ['adjustment_requested'], who: () => ['office', 'clerk', 'admin'] },
  submit_opinion: { states: ['handling'], who: (v) => (v.role === 'co' ? ['ownUnit'] : []) },
  request_extension: {
    states: ['handling', 'rehandling'],
    who: (v) => (v.role === 'lead' && !v.extension ? ['ownUnit'] : []),
  },
  approve_extension: {
    states: ['handling', 'rehandling'],
    who: (v) => (v.extension ? ['office', 'clerk', 'admin'] : []),
  },
  refuse_extension: {
    states: ['handling', 'rehandling'],
    who: (v) => (v.extension ? ['office', 'clerk', 'admin'] : []),
  },
  mark_replied: { states: ['handling', 'rehandling'], who: () => ['system'] },
  lapse_opinion: { states: ['pending_receipt', 'handling'], who: () => ['system'] },
  reopen: { states: ['replied'], who: () => ['system'] },
};

function assignment(status: AssignmentStatus): AssignmentRow {
  return {
    ...laterAssignmentColumns,
    id: 'A',
    suggestion_id: 'S',
    unit_id: 'U1',
    role: 'lead',
    status,
    batch_id: null,
    assigned_on: '2025-03-20',
    reply_due_on: '2025-06-20',
    co_opinion_due_on: null,
    adjustment_window_ends_on: '2025-04-03',
    received_at: null,
    adjustment_reason: null,
    adjustment_requested_at: null,
    adjustment_decision: null,
    adjustment_note: null,
    adjustment_decided_at: null,
    replaced_by_id: null,
    version: 0,
    created_at: '',
    updated_at: '',
  };
}

const variants: Variant[] = [
  { role: 'lead', extension: null },
  { role: 'lead', extension: 'requested' },
  { role: 'co', extension: null },
];

describe('assignment workflow, every state × role of unit × action × actor', () => {
  it.each(assignmentStatusSchema.options)('%s', (status) => {
    for (const variant of variants)
      for (const [who, current] of Object.entries(actors) as [Who, Actor][]) {
        const row = { ...assignment(status), role: variant.role, extension_status: variant.extension };
        const context = {
          assignment: row,
          actor: current,
          bodyPath,
          today: '2025-04-03',
          maxDueOn: '2025-09-22',
        };
        for (const entry of availability(assignmentWorkflow, context)) {
          const rule = assignmentRules[entry.action];
          if (!rule) throw new Error(`no rule written for ${entry.action}`);
          expect(entry.allowed, `${entry.action} by ${who} in ${status} (${JSON.stringify(variant)})`).toBe(
            rule.states.includes(status) && rule.who(variant).includes(who),
          );
        }
      }
  });

  it('has a rule for every assignment action', () => {
    expect(assignmentWorkflow.actions.map((a) => a.name).sort()).toEqual(Object.keys(assignmentRules).sort());
  });

  it('refuses an extension past six months from assignment, with the limit named', () => {
    const context = {
      assignment: assignment('handling'),
      actor: actors.ownUnit,
      bodyPath,
      today: '2025-05-01',
      maxDueOn: '2025-09-22',
    };
    expect(() =>
      check(assignmentWorkflow, 'request_extension', context, {
        newDueOn: '2025-09-23',
        reason: '涉及多个部门协调',
      }),
    ).toThrow(/2025-09-22/);
    expect(
      check(assignmentWorkflow, 'request_extension', context, {
        newDueOn: '2025-09-22',
        reason: '涉及多个部门协调',
      }).to,
    ).toBe('handling');
  });

  it('closes the adjustment window the day after it ends, saying when it closed', () => {
    const context = {
      assignment: assignment('handling'),
      actor: actors.ownUnit,
      bodyPath,
      today: '2025-04-07',
      maxDueOn: '2025-09-22',
    };
    const entry = availability(assignmentWorkflow, context).find((a) => a.action === 'request_adjustment');
    expect(entry).toMatchObject({ allowed: false });
    expect(entry?.reason?.zh).toContain('2025-04-03');
  });
});

describe('submission checks', () => {
  it('hints at several matters when the proposals number four or more points, inline or on new lines', () => {
    const inline = checkSubmission(
      {
        ...goodDraft,
        categoryId: 'C',
        proposals: '一、加强治理。二、加强巡查。三、加强宣传。四、建立长效机制。',
      },
      henanDefaults,
    );
    expect(inline.hints[0]?.zh).toContain('4 条');
    const lines = checkSubmission(
      { ...goodDraft, categoryId: 'C', proposals: '1. 修路\n2. 建桥\n3. 通车\n4. 设站' },
      henanDefaults,
    );
    expect(lines.hints).toHaveLength(1);
    expect(checkSubmission({ ...goodDraft, categoryId: 'C' }, henanDefaults).hints).toHaveLength(0);
  });
});
