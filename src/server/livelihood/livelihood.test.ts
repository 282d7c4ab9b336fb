import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';
import { multipartFile } from '../testing/multipart.js';
import type { RoundDetail } from '../../shared/schemas/livelihood.js';
import { ballotCounty } from '../ballots/ballots.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof ballotCounty>>;
let staff: Client;
let roundId: string;
const units: { id: string; name: string }[] = [];

beforeAll(async () => {
  t = await createTestApp(new Date('2025-09-01T02:00:00Z'));
  county = await ballotCounty(t.services, t.app, { deputies: 10 });
  staff = county.staff;
  const make = factories(t.services);
  for (const name of ['县教育局', '县交通运输局', '县卫生健康委员会'])
    units.push(await make.unit({ body: county.body, name }));
});
afterAll(async () => t.close());

// Each request from another address: the route's own rate limit (5 a minute) is not under test here.
let address = 0;
const publicPost = (url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, payload, remoteAddress: `203.0.113.${(address += 1)}` });

async function round(): Promise<RoundDetail> {
  return (await staff.request('GET', `/api/v1/livelihood-projects/rounds/${roundId}`)).json();
}
async function act(action: string, body: object = {}) {
  return staff.request('POST', `/api/v1/livelihood-projects/rounds/${roundId}/actions/${action}`, body);
}
async function ballotAction(id: string, action: string) {
  const response = await staff.request('POST', `/api/v1/ballots/${id}/actions/${action}`, {});
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('群众提、代表决、政府办、人大评', () => {
  it('collects proposals from the public for at least 30 days, with anti-abuse', async () => {
    const base = {
      bodyId: county.body.id,
      termId: county.term.id,
      year: 2026,
      title: '2026 年县级民生实事项目',
      seats: 3,
      candidateRatioPercent: 150,
      requireMajority: false,
      nominationStartsOn: '2025-09-01',
    };
    const short = await staff.request('POST', '/api/v1/livelihood-projects/rounds', {
      ...base,
      nominationEndsOn: '2025-09-30',
    });
    expect(short.json().code).toBe('livelihood.period_too_short');
    const created = await staff.request('POST', '/api/v1/livelihood-projects/rounds', {
      ...base,
      nominationEndsOn: '2025-10-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    roundId = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', minimumCandidates: 5 });
    // Not open yet: the public cannot propose.
    expect((await publicPost(`/api/v1/public/livelihood-rounds/${roundId}/form`, {})).statusCode).toBe(404);
    expect((await act('open_nomination')).statusCode).toBe(200);

    const form = (await publicPost(`/api/v1/public/livelihood-rounds/${roundId}/form`, {})).json();
    const proposal = (title: string, phone = '13912345678') => ({
      title,
      description: `建议${title}，方便周边群众。`,
      location: '城关镇',
      name: '王先生',
      phone,
      token: form.token,
    });
    const url = `/api/v1/public/livelihood-rounds/${roundId}/nominations`;
    expect((await publicPost(url, proposal('新建城东幼儿园'))).json().code).toBe('livelihood.too_fast');
    t.clock.advanceMinutes(1);
    expect((await publicPost(url, proposal('新建城东幼儿园'))).statusCode).toBe(201);
    expect((await publicPost(url, proposal('新建 城东幼儿园！'))).json().code).toBe('livelihood.duplicate');
    expect((await publicPost(url, { ...proposal('改造老旧小区'), website: 'http://spam' })).json().code).toBe(
      'livelihood.automated',
    );
    expect(
      (await publicPost(url, { ...proposal('改造老旧小区'), token: `${form.token}x` })).json().code,
    ).toBe('livelihood.form_expired');
    expect((await publicPost(url, proposal('改造老旧小区'))).statusCode).toBe(201);
    expect((await publicPost(url, proposal('增设公交线路'))).statusCode).toBe(201);
    expect((await publicPost(url, proposal('修建农村道路'))).json().code).toBe('livelihood.contact_limit');
    expect((await publicPost(url, proposal('修建农村道路', '13800001111'))).statusCode).toBe(201);

    // Staff see the phone; the audit log keeps the proposal, not the person.
    const list = (
      await staff.request('GET', `/api/v1/livelihood-projects/rounds/${roundId}/nominations`)
    ).json();
    expect(list).toHaveLength(4);
    expect(list[0].nominatorPhone).toBe('13912345678');
    const audit = await t.services.handle.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'livelihood.nomination_submitted')
      .execute();
    expect(audit).toHaveLength(4);
    expect(audit.some((row) => row.after_json?.includes('1391234'))).toBe(false);

    // Collection cannot end before the period is over.
    expect((await act('close_nomination')).json().code).toBe('livelihood_round.guard_failed');
    t.clock.set(new Date('2025-10-02T02:00:00Z'));
    staff = await county.staffAgain();
    expect((await act('close_nomination')).statusCode).toBe(200);
  });

  it('screens proposals and fixes more candidates than seats', async () => {
    const list = (
      await staff.request('GET', `/api/v1/livelihood-projects/rounds/${roundId}/nominations`)
    ).json();
    const screen = (id: string, body: object) =>
      staff.request('POST', `/api/v1/livelihood-projects/nominations/${id}/screen`, body);
    expect((await screen(list[0].id, { decision: 'exclude' })).statusCode).toBe(400);
    expect((await screen(list[0].id, { decision: 'accept' })).statusCode).toBe(200);
    expect((await screen(list[1].id, { decision: 'accept' })).statusCode).toBe(200);
    expect((await screen(list[2].id, { decision: 'accept' })).statusCode).toBe(200);
    const excluded = await screen(list[3].id, {
      decision: 'exclude',
      reason: 'debt_risk',
      note: '需举债建设',
    });
    expect(excluded.json()).toMatchObject({ status: 'excluded', exclusionReason: 'debt_risk' });

    const candidate = (title: string, unit: number, nominationIds: string[] = []) =>
      staff.request('POST', `/api/v1/livelihood-projects/rounds/${roundId}/candidates`, {
        title,
        description: `${title}，惠及群众。`,
        investmentFen: 1_200_000_000,
        unitId: units[unit]?.id,
        completionDate: '2026-12-31',
        nominationIds,
      });
    expect((await candidate('新建城东幼儿园', 0, [list[0].id])).statusCode).toBe(201);
    for (const [title, unit] of [
      ['老旧小区改造', 1],
      ['增设公交线路', 1],
      ['乡镇卫生院提升', 2],
    ] as const)
      expect((await candidate(title, unit)).statusCode).toBe(201);
    const detail = await round();
    expect(detail.actions.find((a) => a.action === 'fix_candidates')).toMatchObject({ allowed: false });
    expect(detail.actions.find((a) => a.action === 'fix_candidates')?.reason).toContain('至少 5 个');
    expect((await candidate('农村饮水安全', 2)).statusCode).toBe(201);
    expect((await act('fix_candidates')).statusCode).toBe(200);
  });

  it('puts them to a secret vote; a tie at the last seat goes to a run-off', async () => {
    const started = await act('start_vote');
    expect(started.statusCode, started.body).toBe(200);
    const detail = await round();
    const ballotId = detail.voteBallotId ?? '';
    const ballot = await ballotAction(ballotId, 'open');
    expect(ballot).toMatchObject({
      kind: 'secret',
      questionType: 'select',
      maxSelections: 3,
      electorateSize: 10,
    });
    const [a, b, c, d, e] = ballot.items.map((item: { id: string }) => item.id);
    const papers = [
      [a, b, c],
      [a, b, c],
      [a, b, c],
      [a, b, d],
      [a, b, d],
      [a, b, d],
      [a, b, e],
      [a, c, d],
      [c, d, e],
      [],
    ];
    for (const [i, selected] of papers.entries())
      expect(
        (await county.voters[i]?.request('POST', `/api/v1/ballots/${ballotId}/vote`, { selected }))
          ?.statusCode,
      ).toBe(201);
    await ballotAction(ballotId, 'close');
    const tied = await round();
    expect(tied.status).toBe('voting');
    expect(tied.runoff?.seatsLeft).toBe(1);
    expect(tied.projects.map((p) => [p.title, p.status, p.votes])).toEqual([
      ['新建城东幼儿园', 'selected', 8],
      ['老旧小区改造', 'selected', 7],
      ['增设公交线路', 'candidate', 5],
      ['乡镇卫生院提升', 'candidate', 5],
      ['农村饮水安全', 'not_selected', 2],
    ]);

    expect((await act('runoff')).statusCode).toBe(200);
    const runoffId = (await round()).voteBallotId ?? '';
    const runoff = await ballotAction(runoffId, 'open');
    expect(runoff.items).toHaveLength(2);
    for (const [i, voter] of county.voters.entries())
      await voter.request('POST', `/api/v1/ballots/${runoffId}/vote`, {
        selected: [runoff.items[i < 6 ? 0 : 1].id],
      });
    await ballotAction(runoffId, 'close');
    const decided = await round();
    expect(decided.status).toBe('implementing');
    expect(decided.projects.filter((p) => p.status === 'selected').map((p) => p.title)).toEqual([
      '新建城东幼儿园',
      '老旧小区改造',
      '增设公交线路',
    ]);
    // The session vote's count stays on the project.
    expect(decided.projects.find((p) => p.title === '增设公交线路')?.votes).toBe(5);
  });

  it('the unit plans and reports progress with photos; a deputy group supervises', async () => {
    const project = (await round()).projects[0];
    const make = factories(t.services);
    const account = await make.user({
      roles: [{ role: 'unit_handler', bodyId: county.body.id, unitId: units[0]?.id }],
    });
    const unit = await signIn(t.app, account.username, testPassword);
    const other = await make.user({
      roles: [{ role: 'unit_handler', bodyId: county.body.id, unitId: units[2]?.id }],
    });
    const otherUnit = await signIn(t.app, other.username, testPassword);
    const plan = {
      unitId: units[0]?.id,
      targets: '新建 12 个班的幼儿园一所',
      milestones: [
        { title: '完成立项', dueOn: '2026-03-31' },
        { title: '主体完工', dueOn: '2026-09-30' },
      ],
      fundsFen: 1_200_000_000,
      fundingSource: '县级财政',
    };
    const url = `/api/v1/livelihood-projects/${project?.id}`;
    expect((await otherUnit.request('PUT', `${url}/plan`, plan)).statusCode).toBe(403);
    expect((await unit.request('PUT', `${url}/plan`, plan)).statusCode).toBe(200);
    const supervised = await staff.request('PUT', `${url}/supervisors`, {
      leaderDeputyId: county.voters[0]?.deputyId,
      memberDeputyIds: [county.voters[1]?.deputyId, county.voters[2]?.deputyId],
    });
    expect(supervised.json().supervisors).toHaveLength(3);
    const reported = await unit.request('POST', `${url}/progress`, {
      reportedOn: '2025-10-02',
      percent: 35,
      summary: '已完成立项和设计招标',
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const progressId = reported.json().progress[0].id;
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 1),
    ]);
    const upload = multipartFile('site.png', png, 'image/png');
    const photo = await t.app.inject({
      method: 'POST',
      url: `/api/v1/livelihood-projects/progress/${progressId}/photos`,
      headers: { ...upload.headers, cookie: unit.cookie, 'x-csrf-token': unit.csrfToken },
      payload: upload.payload,
    });
    expect(photo.statusCode, photo.body).toBe(201);
    const detail = photo.json();
    expect(detail).toMatchObject({ progressPercent: 35, plan: { unitName: '县教育局' } });
    expect(detail.progress[0].photoIds).toHaveLength(1);
    // Supervisors were told of the progress.
    const told = await t.services.handle.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'livelihood.progress')
      .execute();
    expect(told).toHaveLength(3);
  });

  it('ends with a year-end satisfaction vote and published results', async () => {
    expect((await act('start_evaluation')).statusCode).toBe(200);
    const ballotId = (await round()).satisfactionBallotId ?? '';
    const ballot = await ballotAction(ballotId, 'open');
    const [first, second, third] = ballot.items.map((item: { id: string }) => item.id);
    for (const [i, voter] of county.voters.entries())
      await voter.request('POST', `/api/v1/ballots/${ballotId}/vote`, {
        marks: {
          [first]: 'satisfied',
          [second]: i < 7 ? 'satisfied' : 'unsatisfied',
          [third]: 'basically_satisfied',
        },
      });
    await ballotAction(ballotId, 'close');
    const evaluated = await round();
    expect(evaluated.status).toBe('evaluated');
    const outcomes = evaluated.projects
      .filter((p) => p.status === 'selected')
      .map((p) => [p.satisfaction?.outcome, p.satisfaction?.ratePercent]);
    expect(outcomes).toEqual([
      ['passed', 100],
      ['failed', 70],
      ['passed', 100],
    ]);
    expect((await act('publish')).statusCode).toBe(200);
    const published = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/livelihood-rounds/${roundId}` })
    ).json();
    expect(published).toMatchObject({ published: true, voteResults: { electorate: 10, voted: 10 } });
    expect(published.projects).toHaveLength(3);
    const photoId = published.projects[0].photoIds[0];
    const photo = await t.app.inject({ method: 'GET', url: `/api/v1/public/livelihood-photos/${photoId}` });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
  });
});
