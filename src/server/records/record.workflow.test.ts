import { describe, expect, it } from 'vitest';
import type { Actor, RoleGrant } from '../auth/actor.js';
import type { SuggestionRow } from '../db/schema.js';
import { DomainError } from '../platform/errors.js';
import { availability, check } from '../workflow/workflow.js';
import { laterSuggestionColumns } from '../suggestions/row-defaults.js';
import { goodDraft } from '../suggestions/suggestions.fixture.js';
import { systemActor } from '../suggestions/handling.jobs.js';
import { recordStatusValues } from '../../shared/schemas/records.js';
import type { RecordStatus } from '../../shared/schemas/records.js';
import { recordWorkflow } from './record.workflow.js';
import type { RecordContext } from './record.workflow.js';

const bodyPath = '/P/B/';
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

/** Everyone who might try an action on the record of an item led by 县教育局 (LEAD) with a co-unit (CO). */
const actors = {
  leadDeputy: actor([grant('deputy')], 'D1'),
  coSigner: actor([grant('deputy')], 'D2'),
  leadUnitLeader: actor([grant('unit_leader', bodyPath, 'LEAD')]),
  leadUnitHandler: actor([grant('unit_handler', bodyPath, 'LEAD')]),
  coUnitLeader: actor([grant('unit_leader', bodyPath, 'CO')]),
  otherUnitLeader: actor([grant('unit_leader', bodyPath, 'OTHER')]),
  governmentLeader: actor([grant('leader')]),
  leaderAbove: actor([grant('leader', '/P/')]),
  leaderElsewhere: actor([grant('leader', '/X/')]),
  office: actor([grant('office_staff')]),
  officeElsewhere: actor([grant('office_staff', '/X/')]),
  admin: actor([grant('admin')]),
  committee: actor([grant('committee_staff')]),
  supervision: actor([grant('supervision_office')]),
  system: { ...systemActor },
} as const;
type Who = keyof typeof actors;

/** The expected rules, written out by hand: the record states and who, per action. */
const rules: Record<string, { states: RecordStatus[]; who: Who[]; needsClosed: boolean }> = {
  sign_deputy: { states: ['open'], who: ['leadDeputy'], needsClosed: true },
  sign_unit: { states: ['deputy_signed'], who: ['leadUnitLeader'], needsClosed: true },
  sign_government: {
    states: ['unit_signed'],
    who: ['governmentLeader', 'leaderAbove'],
    needsClosed: true,
  },
  return: { states: ['open', 'deputy_signed', 'unit_signed'], who: ['office', 'admin'], needsClosed: true },
  reopen: { states: ['returned'], who: ['office', 'admin'], needsClosed: false },
};

function suggestion(status: string): SuggestionRow {
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
    review_tier: 0,
    serial_scope: null,
    serial_number: 7,
    key_status: 'none',
    disclose: 1,
    nondisclosure_reason: null,
    merged_into_id: null,
    submitted_at: null,
    accepted_at: null,
    assigned_at: null,
    version: 0,
    created_by: null,
    created_at: '',
    updated_at: '',
  };
}

function context(status: RecordStatus, suggestionStatus: string, who: Actor): RecordContext {
  return {
    suggestion: suggestion(suggestionStatus),
    record: { status, version: 3, cycle: 1 },
    actor: who,
    bodyPath,
    signingUnitIds: ['LEAD'],
    today: '2025-06-20',
  };
}

const validInput = { note: '同意', dueOn: '2025-07-20', reason: '办理结果与代表反映不一致' };

describe('handling record workflow, every record state × suggestion state × action × role', () => {
  const rows = recordStatusValues.flatMap((s) => [
    [s, 'closed'] as const,
    [s, 'replied'] as const,
    [s, 'rehandling'] as const,
  ]);
  it.each(rows)('record %s while the suggestion is %s', (status, suggestionStatus) => {
    for (const [who, current] of Object.entries(actors) as [Who, Actor][]) {
      const c = context(status, suggestionStatus, current);
      for (const entry of availability(recordWorkflow, c)) {
        const rule = rules[entry.action];
        if (!rule) throw new Error(`no rule written for ${entry.action}`);
        const inState = rule.states.includes(status);
        const permitted = rule.who.includes(who);
        const ended = !rule.needsClosed || suggestionStatus === 'closed';
        const expected = inState && permitted && ended;
        expect(entry.allowed, `${entry.action} by ${who} in ${status}/${suggestionStatus}`).toBe(expected);
        if (expected) {
          expect(check(recordWorkflow, entry.action, c, validInput).from).toBe(status);
          continue;
        }
        expect(entry.reason?.zh, `${entry.action} by ${who} gives a Chinese reason`).toMatch(
          /[\u4e00-\u9fff]/,
        );
        try {
          check(recordWorkflow, entry.action, c, validInput);
          throw new Error(`check allowed ${entry.action} by ${who} in ${status}`);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).kind, `${entry.action} by ${who} in ${status}`).toBe(
            !inState ? 'invalid_transition' : !permitted ? 'forbidden' : 'invalid_transition',
          );
        }
      }
    }
  });

  it('has a rule for every action and no rule for a missing action', () => {
    expect(recordWorkflow.actions.map((a) => a.name).sort()).toEqual(Object.keys(rules).sort());
  });

  it('moves the record along the signing order', () => {
    const steps: [RecordStatus, string, Who, RecordStatus][] = [
      ['open', 'sign_deputy', 'leadDeputy', 'deputy_signed'],
      ['deputy_signed', 'sign_unit', 'leadUnitLeader', 'unit_signed'],
      ['unit_signed', 'sign_government', 'governmentLeader', 'complete'],
      ['deputy_signed', 'return', 'office', 'returned'],
      ['returned', 'reopen', 'office', 'open'],
    ];
    for (const [from, name, who, to] of steps)
      expect(check(recordWorkflow, name, context(from, 'closed', actors[who]), validInput).to).toBe(to);
  });

  it('explains the order when the unit leader signs before the deputy', () => {
    const c = context('open', 'closed', actors.leadUnitLeader);
    const entry = availability(recordWorkflow, c).find((a) => a.action === 'sign_unit');
    expect(entry?.reason?.zh).toBe('当前状态为「待领衔代表签字」，不能承办单位负责人签字。');
  });

  it('wants a return deadline after today and a reason', () => {
    const c = context('unit_signed', 'closed', actors.office);
    try {
      check(recordWorkflow, 'return', c, { ...validInput, dueOn: '2025-06-20' });
      throw new Error('a deadline of today passed');
    } catch (error) {
      expect((error as DomainError).kind).toBe('invalid_transition');
      expect((error as DomainError).text.zh).toBe('重新办理期限须晚于今天（2025-06-20）。');
    }
    try {
      check(recordWorkflow, 'return', c, { dueOn: '2025-07-20', reason: '短' });
      throw new Error('a short reason passed');
    } catch (error) {
      expect((error as DomainError).kind).toBe('validation');
      expect((error as DomainError).text.zh).toContain('原因');
    }
  });

  it('lets a separately assigned unit sign when there is no lead unit', () => {
    const c = { ...context('deputy_signed', 'closed', actors.coUnitLeader), signingUnitIds: ['CO', 'OTHER'] };
    expect(check(recordWorkflow, 'sign_unit', c, {}).to).toBe('unit_signed');
  });
});
