import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';
import type { EvaluationCreateInput, EvaluationDetail } from '../../shared/schemas/evaluations.js';
import { ballotCounty, standingCommittee } from '../ballots/ballots.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof ballotCounty>>;
const units: { id: string; name: string }[] = [];
let unitClient: Client;

beforeAll(async () => {
  t = await createTestApp(new Date('2025-10-15T02:00:00Z'));
  county = await ballotCounty(t.services, t.app, { deputies: 40 });
  await standingCommittee(
    t.services,
    county.term.id,
    county.body.id,
    county.voters.slice(0, 26).map((v) => v.deputyId),
  );
  const make = factories(t.services);
  for (const name of ['县教育局', '县交通运输局', '县卫生健康委员会'])
    units.push(await make.unit({ body: county.body, name }));
  const account = await make.user({
    roles: [{ role: 'unit_handler', bodyId: county.body.id, unitId: units[1]?.id }],
  });
  unitClient = await signIn(t.app, account.username, testPassword);
});
afterAll(async () => t.close());

async function run(input: EvaluationCreateInput, vote: (voter: number, itemIds: string[]) => object | null) {
  const created = await county.staff.request('POST', '/api/v1/evaluations', input);
  expect(created.statusCode, created.body).toBe(201);
  const evaluation: EvaluationDetail = created.json();
  const ballotId = evaluation.ballotId ?? '';
  const opened = await county.staff.request('POST', `/api/v1/ballots/${ballotId}/actions/open`, {});
  expect(opened.statusCode, opened.body).toBe(200);
  const itemIds = (opened.json().items as { id: string }[]).map((item) => item.id);
  for (const [index, voter] of county.voters.entries()) {
    const paper = vote(index, itemIds);
    if (paper)
      expect((await voter.request('POST', `/api/v1/ballots/${ballotId}/vote`, paper)).statusCode).toBe(201);
  }
  await county.staff.request('POST', `/api/v1/ballots/${ballotId}/actions/close`, {});
  return (
    await county.staff.request('GET', `/api/v1/evaluations/${evaluation.id}`)
  ).json() as EvaluationDetail;
}

const base = () => ({ bodyId: county.body.id, termId: county.term.id, year: 2025 });

describe('work reports (海州: 26 members, 25/1/0, 镇海 rule)', () => {
  it('rates both reports 满意 and opens no rectification', async () => {
    const detail = await run(
      {
        ...base(),
        title: '区人大常委会（扩大）会议专项工作报告满意度测评',
        kind: 'work_report',
        subjects: [
          { title: '上半年国民经济和社会发展计划执行情况的报告', reporter: '常务副区长' },
          { title: '环境保护法贯彻实施情况的报告', reporter: '副区长' },
        ],
        electorate: { kind: 'standing_committee' },
        passRule: { kind: 'majority_of_all' },
      },
      (voter, [first, second]) =>
        voter < 26
          ? {
              marks: {
                [first ?? '']: 'satisfied',
                [second ?? '']: voter === 25 ? 'basically_satisfied' : 'satisfied',
              },
            }
          : null,
    );
    expect(detail.subjects.map((s) => [s.outcome, s.result?.counts])).toEqual([
      ['satisfied', { satisfied: 26, basically_satisfied: 0, unsatisfied: 0 }],
      ['satisfied', { satisfied: 25, basically_satisfied: 1, unsatisfied: 0 }],
    ]);
    expect(detail.subjects.every((s) => s.rectificationId === null)).toBe(true);
  });
});

describe('department review (博爱 80%): below the threshold means rectification within a month', () => {
  let taskId: string;
  it('opens a task for the unit below 80%, due one month later', async () => {
    const detail = await run(
      {
        ...base(),
        title: '2025 年度部门工作评议',
        kind: 'department',
        subjects: units.map((u) => ({ title: u.name, unitId: u.id })),
        electorate: { kind: 'deputies' },
        passRule: { kind: 'threshold', percent: 80, countBasic: true },
      },
      // 40 deputies: unit 2 gets 31 favourable of 40 (77.5%), the others 100%; one deputy skips unit 3.
      (voter, [a, b, c]) => ({
        marks: {
          [a ?? '']: 'satisfied',
          [b ?? '']: voter < 31 ? 'basically_satisfied' : 'unsatisfied',
          ...(voter === 39 ? {} : { [c ?? '']: 'satisfied' }),
        },
      }),
    );
    expect(detail.subjects.map((s) => [s.outcome, s.result?.ratePercent])).toEqual([
      ['passed', 100],
      ['failed', 77.5],
      ['passed', 100],
    ]);
    // The skipped grade is counted as invalid, not dropped.
    expect(detail.subjects[2]?.result).toMatchObject({ valid: 39, invalid: 1 });
    taskId = detail.subjects[1]?.rectificationId ?? '';
    const task = (await unitClient.request('GET', `/api/v1/evaluations/rectifications/${taskId}`)).json();
    expect(task).toMatchObject({
      status: 'open',
      unitName: '县交通运输局',
      dueOn: '2025-11-17',
      overdue: false,
    });
    // 2025-11-15 is a Saturday: the one-month deadline moves to Monday.
    const listed = (await unitClient.request('GET', '/api/v1/evaluations/rectifications')).json();
    expect(listed.map((r: { id: string }) => r.id)).toEqual([taskId]);
  });

  it('the unit reports and explains; the office returns, then accepts', async () => {
    const url = `/api/v1/evaluations/rectifications/${taskId}/actions`;
    const report = {
      report: '已制定整改方案，完成三项整改措施。',
      explanation: '评议不达标的原因是道路维修进度滞后。',
    };
    expect((await unitClient.request('POST', `${url}/accept`, {})).statusCode).toBe(409);
    expect((await unitClient.request('POST', `${url}/submit`, report)).json().status).toBe('submitted');
    expect((await unitClient.request('POST', `${url}/accept`, {})).statusCode).toBe(403);
    expect(
      (await county.staff.request('POST', `${url}/return`, { reason: '请补充整改时间表' })).json().status,
    ).toBe('returned');
    expect((await unitClient.request('POST', `${url}/submit`, report)).json().status).toBe('submitted');
    const closed = (await county.staff.request('POST', `${url}/accept`, { note: '同意销号' })).json();
    expect(closed).toMatchObject({ status: 'closed', overdue: false });
    const audit = await t.services.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', taskId)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'evaluation_rectification.submit',
      'evaluation_rectification.return',
      'evaluation_rectification.submit',
      'evaluation_rectification.accept',
    ]);
  });
});

describe('固始: members 60% + attending deputies 40%, scored; sampling for site checks', () => {
  it('weights the two groups and flags the unit below the threshold', async () => {
    const attendees = county.voters.slice(26, 36).map((v) => v.deputyId);
    const detail = await run(
      {
        ...base(),
        title: '一府一委两院代表建议办理情况测评',
        kind: 'department',
        questionType: 'score',
        scoreMax: 100,
        subjects: [
          { title: units[0]?.name ?? '', unitId: units[0]?.id },
          { title: units[1]?.name ?? '', unitId: units[1]?.id },
        ],
        electorate: { kind: 'members_and_attendees', attendeeDeputyIds: attendees },
        passRule: { kind: 'weighted', percent: 80, weights: { members: 60, attendees: 40 } },
      },
      (voter, [a, b]) =>
        voter < 36 ? { scores: { [a ?? '']: voter < 26 ? 100 : 70, [b ?? '']: voter < 26 ? 90 : 60 } } : null,
    );
    // Unit 1: 0.6 × 100 + 0.4 × 70 = 88; unit 2: 0.6 × 90 + 0.4 × 60 = 78.
    expect(detail.subjects.map((s) => [s.outcome, s.result?.ratePercent])).toEqual([
      ['passed', 88],
      ['failed', 78],
    ]);
    expect(detail.subjects[1]?.result?.groups.map((g) => [g.key, g.ratePercent])).toEqual([
      ['members', 90],
      ['attendees', 60],
    ]);

    const subject = detail.subjects[0];
    const items = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ itemRef: `S${i + 1}`, label: `第 ${i + 1} 号建议` }));
    const sampled = await county.staff.request('POST', `/api/v1/evaluations/subjects/${subject?.id}/sample`, {
      items: items(25),
    });
    expect(sampled.json().subjects[0]).toMatchObject({ population: 25, sampleSize: 13 });
    expect(sampled.json().subjects[0].samples).toHaveLength(13);
    const few = await county.staff.request('POST', `/api/v1/evaluations/subjects/${subject?.id}/sample`, {
      items: items(8),
    });
    expect(few.json().subjects[0].samples).toHaveLength(8);
    const sampleId = few.json().subjects[0].samples[0].id;
    const found = await county.staff.request('POST', `/api/v1/evaluations/samples/${sampleId}/finding`, {
      finding: '现场查看，已按答复落实。',
    });
    expect(found.json().subjects[0].samples.find((s: { id: string }) => s.id === sampleId)).toMatchObject({
      finding: '现场查看，已按答复落实。',
    });
    // Without a list, the unit's suggestions of the last two years (none in this county).
    const fromUnit = await county.staff.request(
      'POST',
      `/api/v1/evaluations/subjects/${subject?.id}/sample`,
      {},
    );
    expect(fromUnit.json().subjects[0]).toMatchObject({ population: 0, samples: [] });
    // A unit being evaluated sees the evaluation but may not draw samples.
    expect(
      (await unitClient.request('POST', `/api/v1/evaluations/subjects/${subject?.id}/sample`, {})).statusCode,
    ).toBe(403);
  });
});
