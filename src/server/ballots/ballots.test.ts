import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import type { BallotCreateInput } from '../../shared/schemas/ballots.js';
import type { BallotDetail } from '../../shared/schemas/ballot-views.js';
import { ballotCounty, standingCommittee } from './ballots.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof ballotCounty>>;

beforeAll(async () => {
  t = await createTestApp(new Date('2025-06-20T02:00:00Z'));
  county = await ballotCounty(t.services, t.app, { deputies: 40 });
  // The first 26 deputies form the standing committee (海州: 26 members).
  await standingCommittee(
    t.services,
    county.term.id,
    county.body.id,
    county.voters.slice(0, 26).map((v) => v.deputyId),
  );
});
afterAll(async () => t.close());

const reportBallot = (overrides: Partial<BallotCreateInput> = {}): BallotCreateInput => ({
  bodyId: county.body.id,
  termId: county.term.id,
  title: '对《关于环境保护法贯彻实施情况的报告》的满意度测评',
  kind: 'secret',
  questionType: 'grade',
  items: [{ title: '环境保护法贯彻实施情况的报告' }],
  electorate: { kind: 'standing_committee', attendeeDeputyIds: [] },
  passRule: { kind: 'majority_of_all' },
  ...overrides,
});

async function create(input: BallotCreateInput): Promise<BallotDetail> {
  const response = await county.staff.request('POST', '/api/v1/ballots', input);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function act(id: string, action: string, body: object = {}) {
  return county.staff.request('POST', `/api/v1/ballots/${id}/actions/${action}`, body);
}

describe('a satisfaction evaluation by secret ballot (海州 26 members, 25/1/0)', () => {
  it('opens for the 26 members only, counts 25/1/0 and decides 满意 by the 镇海 rule', async () => {
    const ballot = await create(reportBallot());
    expect(ballot.status).toBe('draft');
    expect(ballot.actions.find((a) => a.action === 'open')?.allowed).toBe(true);
    const opened = await act(ballot.id, 'open');
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'open', electorateSize: 26 });
    const itemId = ballot.items[0]?.id ?? '';

    // A deputy outside the committee does not even see the ballot.
    const outsider = county.voters[30];
    const refused = await outsider?.request('POST', `/api/v1/ballots/${ballot.id}/vote`, {
      marks: { [itemId]: 'satisfied' },
    });
    expect(refused?.statusCode).toBe(404);

    const receipts: string[] = [];
    for (const [index, voter] of county.voters.slice(0, 26).entries()) {
      const grade = index === 25 ? 'basically_satisfied' : 'satisfied';
      const voted = await voter.request('POST', `/api/v1/ballots/${ballot.id}/vote`, {
        marks: { [itemId]: grade },
      });
      expect(voted.statusCode, voted.body).toBe(201);
      const result = voted.json();
      expect(result.valid).toBe(true);
      expect(result.receipt).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
      receipts.push(result.receipt);
    }
    // A member's second vote is refused.
    const again = await county.voters[0]?.request('POST', `/api/v1/ballots/${ballot.id}/vote`, {
      marks: { [itemId]: 'unsatisfied' },
    });
    expect(again?.statusCode).toBe(409);
    expect(again?.json().code).toBe('ballot.already_voted');

    // Results are not shown while open.
    expect((await county.staff.request('GET', `/api/v1/ballots/${ballot.id}/results`)).statusCode).toBe(409);
    const closed = await act(ballot.id, 'close');
    expect(closed.statusCode, closed.body).toBe(200);
    const results = closed.json().results;
    expect(results).toMatchObject({
      electorate: 26,
      voted: 26,
      ballotsCast: 26,
      fullyValid: 26,
      consistent: true,
    });
    expect(results.items[0]).toMatchObject({
      counts: { satisfied: 25, basically_satisfied: 1, unsatisfied: 0 },
      invalid: 0,
      outcome: 'satisfied',
      ratePercent: 100,
    });

    // The last voter's receipt finds their own paper, counted.
    const lookup = await county.voters[25]?.request('POST', `/api/v1/ballots/${ballot.id}/receipt`, {
      receipt: (receipts[25] ?? '').toLowerCase(),
    });
    expect(lookup?.json()).toMatchObject({
      found: true,
      ballotStatus: 'closed',
      valid: true,
      paper: { marks: { [itemId]: 'basically_satisfied' } },
    });

    const audit = await t.services.handle.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('target_id', '=', ballot.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['ballot.create', 'ballot.open', 'ballot.close']);
    expect(JSON.parse(audit[2]?.after_json ?? '{}')).toMatchObject({ voted: 26, fullyValid: 26 });
  });
});

describe('rules that do not fit', () => {
  it.each([
    [
      'select without plurality',
      { questionType: 'select', maxSelections: 1, items: [{ title: 'A' }, { title: 'B' }] },
      'passRule',
    ],
    ['plurality on a grade ballot', { passRule: { kind: 'plurality' } }, 'passRule'],
    [
      'as many seats as candidates',
      {
        questionType: 'select',
        maxSelections: 2,
        items: [{ title: 'A' }, { title: 'B' }],
        passRule: { kind: 'plurality' },
      },
      'maxSelections',
    ],
    [
      'weighted without attending deputies',
      { passRule: { kind: 'weighted', percent: 80, weights: { members: 60, attendees: 40 } } },
      'passRule',
    ],
    [
      'weights that do not add up',
      { passRule: { kind: 'weighted', percent: 80, weights: { members: 60, attendees: 30 } } },
      'passRule.weights',
    ],
  ] as const)('refuses %s', async (_case, overrides, field) => {
    const response = await county.staff.request(
      'POST',
      '/api/v1/ballots',
      reportBallot(overrides as Partial<BallotCreateInput>),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('lets only office staff create and run ballots', async () => {
    const deputy = county.voters[0];
    const response = await deputy?.request('POST', '/api/v1/ballots', reportBallot());
    expect(response?.statusCode).toBe(403);
  });
});

describe('the ballot workflow', () => {
  it.each([
    // [from, action, status]
    ['draft', 'close', 409],
    ['draft', 'cancel', 200],
    ['open', 'open', 409],
    ['open', 'close', 200],
    ['closed', 'close', 409],
    ['closed', 'cancel', 409],
  ] as const)('from %s, %s answers %i', async (from, action, status) => {
    const ballot = await create(reportBallot());
    if (from !== 'draft') expect((await act(ballot.id, 'open')).statusCode).toBe(200);
    if (from === 'closed') expect((await act(ballot.id, 'close')).statusCode).toBe(200);
    const response = await act(ballot.id, action, action === 'cancel' ? { reason: '议程调整' } : {});
    expect(response.statusCode, response.body).toBe(status);
  });

  it('a deputy sees no action and may not open', async () => {
    const ballot = await create(reportBallot());
    expect((await act(ballot.id, 'open')).statusCode).toBe(200);
    const member = county.voters[1];
    const detail = (await member?.request('GET', `/api/v1/ballots/${ballot.id}`))?.json();
    expect(detail).toMatchObject({ canManage: false, actions: [], me: { eligible: true, voted: false } });
    const close = await member?.request('POST', `/api/v1/ballots/${ballot.id}/actions/close`, {});
    expect(close?.statusCode).toBe(403);
  });

  it('opens and closes itself on schedule', async () => {
    const now = t.clock.now().getTime();
    const ballot = await create(
      reportBallot({
        opensAt: new Date(now + 60_000).toISOString(),
        closesAt: new Date(now + 600_000).toISOString(),
      }),
    );
    t.clock.advanceMinutes(2);
    const opened = (await county.staff.request('GET', `/api/v1/ballots/${ballot.id}`)).json();
    expect(opened.status).toBe('open');
    const itemId = ballot.items[0]?.id ?? '';
    expect(
      (
        await county.voters[2]?.request('POST', `/api/v1/ballots/${ballot.id}/vote`, {
          marks: { [itemId]: 'satisfied' },
        })
      )?.statusCode,
    ).toBe(201);
    t.clock.advanceMinutes(10);
    const late = await county.voters[3]?.request('POST', `/api/v1/ballots/${ballot.id}/vote`, {
      marks: { [itemId]: 'satisfied' },
    });
    expect(late?.statusCode).toBe(409);
    const closed = (await county.staff.request('GET', `/api/v1/ballots/${ballot.id}`)).json();
    expect(closed).toMatchObject({ status: 'closed', results: { voted: 1 } });
    expect(closed.results.items[0].outcome).toBe('unsatisfied');
  });
});

describe('presence, changes and named votes', () => {
  it('lets only checked-in deputies vote when presence is required', async () => {
    const ballot = await create(reportBallot({ requirePresence: true, kind: 'named' }));
    await act(ballot.id, 'open');
    const voter = county.voters[4];
    const body = { marks: { [ballot.items[0]?.id ?? '']: 'satisfied' } };
    expect((await voter?.request('POST', `/api/v1/ballots/${ballot.id}/vote`, body))?.json().code).toBe(
      'ballot.not_present',
    );
    const checkIn = await county.staff.request('POST', `/api/v1/ballots/${ballot.id}/attendance`, {
      deputyIds: [voter?.deputyId],
      present: true,
    });
    expect(checkIn.json()).toEqual({ changed: 1 });
    expect((await voter?.request('POST', `/api/v1/ballots/${ballot.id}/vote`, body))?.statusCode).toBe(201);
    const electors = (await county.staff.request('GET', `/api/v1/ballots/${ballot.id}/electors`)).json();
    expect(electors.find((e: { deputyId: string }) => e.deputyId === voter?.deputyId)).toMatchObject({
      present: true,
      voted: true,
    });
  });

  it('changes a secret vote only with the voter’s own receipt', async () => {
    const ballot = await create(reportBallot({ allowChange: true }));
    await act(ballot.id, 'open');
    const itemId = ballot.items[0]?.id ?? '';
    const url = `/api/v1/ballots/${ballot.id}/vote`;
    const [a, b] = [county.voters[5], county.voters[6]];
    const receiptA = (await a?.request('POST', url, { marks: { [itemId]: 'unsatisfied' } }))?.json().receipt;
    const receiptB = (await b?.request('POST', url, { marks: { [itemId]: 'unsatisfied' } }))?.json().receipt;
    expect((await a?.request('POST', url, { marks: { [itemId]: 'satisfied' } }))?.json().code).toBe(
      'ballot.receipt_needed',
    );
    // B's receipt in A's hands changes nothing.
    const stolen = await a?.request('POST', url, {
      marks: { [itemId]: 'satisfied' },
      previousReceipt: receiptB,
    });
    expect(stolen?.json().code).toBe('ballot.receipt_mismatch');
    const changed = await a?.request('POST', url, {
      marks: { [itemId]: 'satisfied' },
      previousReceipt: receiptA,
    });
    expect(changed?.json()).toMatchObject({ changed: true, receipt: receiptA });
    const results = (await act(ballot.id, 'close')).json().results;
    expect(results.items[0].counts).toMatchObject({ satisfied: 1, unsatisfied: 1 });
    expect(results.ballotsCast).toBe(2);
  });

  it('records named votes by name, in the audit log too', async () => {
    const ballot = await create(
      reportBallot({ kind: 'named', questionType: 'approve', passRule: { kind: 'majority_of_all' } }),
    );
    await act(ballot.id, 'open');
    const itemId = ballot.items[0]?.id ?? '';
    for (const voter of county.voters.slice(0, 14))
      await voter.request('POST', `/api/v1/ballots/${ballot.id}/vote`, { marks: { [itemId]: 'approve' } });
    const results = (await act(ballot.id, 'close')).json().results;
    expect(results.items[0]).toMatchObject({ counts: { approve: 14 }, outcome: 'passed' });
    const named = (await county.staff.request('GET', `/api/v1/ballots/${ballot.id}/named-votes`)).json();
    expect(named).toHaveLength(14);
    const votes = await t.services.handle.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('target_id', '=', ballot.id)
      .where('action', '=', 'ballot.vote')
      .execute();
    expect(votes).toHaveLength(14);
  });
});
