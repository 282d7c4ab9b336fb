import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import { testPassword } from '../testing/factories.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { leaveMessage, stationCounty } from './stations.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof stationCounty>>;

beforeAll(async () => {
  t = await createTestApp();
  county = await stationCounty(t.services, t.app);
});
afterAll(async () => t.close());

const deputyOf = (index: number) => {
  const deputy = county.townDeputies[index];
  if (!deputy) throw new Error('fixture');
  return deputy;
};

/** A message to a deputy's QR code; returns the reception id as the deputy sees it. */
async function messageTo(index: number, matter: string, contact = '13600000001') {
  const deputy = deputyOf(index);
  const code = await county.codeOf(deputy.deputy.id);
  const sent = await leaveMessage(t.app, {
    deputyCode: code,
    contact,
    category: 'infrastructure',
    matter,
    name: '王女士',
  });
  expect(sent.statusCode).toBe(201);
  const trackingCode: string = sent.json().trackingCode;
  const inbox = (await deputy.client.request('GET', '/api/v1/receptions?view=mine')).json();
  const item = inbox.items.find((i: { trackingCode: string }) => i.trackingCode === trackingCode);
  return { id: item.id as string, trackingCode };
}

async function act(client: Client, id: string, action: string, body: unknown = {}) {
  return client.request('POST', `/api/v1/receptions/${id}/actions/${action}`, body);
}

describe('who sees which matters', () => {
  it('shows a deputy only what was addressed to them, station staff their station’s, offices their subtree', async () => {
    const mine = await messageTo(0, '镇东头垃圾清运不及时，夏天气味很大，影响居民生活。');
    const theirs = await messageTo(1, '学校门口缺少减速带，上下学时段车速过快存在安全隐患。');
    const first = deputyOf(0);
    const second = deputyOf(1);
    const firstInbox = (await first.client.request('GET', '/api/v1/receptions?view=mine')).json();
    expect(firstInbox.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    expect((await first.client.request('GET', `/api/v1/receptions/${theirs.id}`)).statusCode).toBe(404);
    const detail = (await first.client.request('GET', `/api/v1/receptions/${mine.id}`)).json();
    expect(detail).toMatchObject({
      visitorContact: '13600000001',
      visitorName: '王女士',
      status: 'new',
      daysOpen: 0,
    });
    expect((await second.client.request('GET', `/api/v1/receptions/${mine.id}`)).statusCode).toBe(404);

    // A message to the station's QR code goes to its staff, not to every deputy of the station.
    const toStation = await leaveMessage(t.app, {
      stationCode: county.station.publicCode,
      contact: '13600000002',
      category: 'environment',
      matter: '河道里有人倾倒建筑垃圾，希望有关部门处理。',
    });
    expect(toStation.statusCode).toBe(201);
    const clerkList = (await county.clerk.client.request('GET', '/api/v1/receptions')).json();
    expect(clerkList.items.map((i: { trackingCode: string }) => i.trackingCode)).toEqual([
      toStation.json().trackingCode,
    ]);
    expect((await first.client.request('GET', '/api/v1/receptions')).json().total).toBe(1);

    const office = (await county.townOffice.client.request('GET', '/api/v1/receptions')).json();
    expect(office.total).toBe(3);
    expect((await county.countyOffice.client.request('GET', '/api/v1/receptions')).json().total).toBe(3);
    expect((await county.otherOffice.client.request('GET', '/api/v1/receptions')).json().total).toBe(0);
    expect((await county.otherOffice.client.request('GET', `/api/v1/receptions/${mine.id}`)).statusCode).toBe(
      404,
    );
    // The station's clerk assigns the station's message to one of its deputies.
    const stationItem = clerkList.items[0];
    expect(
      (await act(first.client, stationItem.id, 'assign', { deputyId: first.deputy.id })).statusCode,
    ).toBe(404);
    const assigned = await act(county.clerk.client, stationItem.id, 'assign', { deputyId: second.deputy.id });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ status: 'open', deputyName: '镇代表二' });
    expect((await second.client.request('GET', `/api/v1/receptions/${stationItem.id}`)).statusCode).toBe(200);
  });
});

describe('handling a message', () => {
  it('answers it, counts it for the deputy, and shows the answer to the citizen', async () => {
    const item = await messageTo(2, '小区门口的公交站没有遮雨棚，雨天候车很不方便。');
    const deputy = deputyOf(2);
    const detail = (await deputy.client.request('GET', `/api/v1/receptions/${item.id}`)).json();
    expect(
      detail.actions.filter((a: { allowed: boolean }) => a.allowed).map((a: { action: string }) => a.action),
    ).toEqual(['accept', 'answer', 'refer', 'escalate', 'to_suggestion', 'dismiss']);
    t.clock.advanceMinutes(20);
    const answered = await act(deputy.client, item.id, 'answer', {
      answer: '已联系县交通运输局，计划下月加装遮雨棚。',
      outcome: 'explained',
      version: detail.version,
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({
      status: 'closed',
      outcome: 'explained',
      responseMinutes: 20,
      daysOpen: null,
    });
    const stale = await act(deputy.client, item.id, 'dismiss', { reason: '重复', version: detail.version });
    expect(stale.statusCode).toBe(409);
    const tracked = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/messages/${item.trackingCode}` })
    ).json();
    expect(tracked).toMatchObject({
      status: 'closed',
      statusLabel: '已答复',
      answer: '已联系县交通运输局，计划下月加装遮雨棚。',
    });
    const duty = (await deputy.client.request('GET', '/api/v1/duty-activities')).json();
    expect(duty).toEqual([
      expect.objectContaining({
        kind: 'message_answered',
        sourceType: 'reception',
        sourceId: item.id,
        points: null,
      }),
    ]);
  });

  it('turns it into the deputy’s suggestion draft, prefilled and linked both ways, once', async () => {
    const matter =
      '我村到镇上的道路坑洼严重，雨天泥泞，农产品运不出去。\n希望纳入今年的农村公路提档升级计划。';
    const item = await messageTo(0, matter);
    const deputy = deputyOf(0);
    const staffTry = await act(county.clerk.client, item.id, 'to_suggestion');
    expect(staffTry.statusCode).toBe(404);
    const converted = await act(deputy.client, item.id, 'to_suggestion', {});
    expect(converted.statusCode).toBe(200);
    const reception = converted.json();
    expect(reception).toMatchObject({ status: 'open', outcome: 'suggestion' });
    const suggestion = (
      await deputy.client.request('GET', `/api/v1/suggestions/${reception.suggestionId}`)
    ).json();
    expect(suggestion).toMatchObject({
      status: 'draft',
      bodyId: county.township.id,
      leadDeputyId: deputy.deputy.id,
    });
    expect(suggestion.title).toContain('我村到镇上的道路坑洼严重');
    expect(suggestion.grounds).toContain(matter);
    expect(suggestion.grounds).toContain(item.trackingCode);
    const fromReception = suggestion.timeline.find((e: { action: string }) => e.action === 'from_reception');
    expect(fromReception.note).toContain(item.trackingCode);
    const linked = (
      await deputy.client.request('GET', `/api/v1/receptions?suggestionId=${reception.suggestionId}`)
    ).json();
    expect(linked.items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    const twice = await act(deputy.client, item.id, 'to_suggestion', {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toContain('已转为代表建议');
    const answered = await act(deputy.client, item.id, 'answer', {
      answer: '您反映的问题我已写成代表建议提交。',
    });
    expect(answered.json().outcome).toBe('suggestion');
  });

  it('converts once when the deputy sends the conversion twice at the same moment, leaving no stray draft', async () => {
    const item = await messageTo(2, '村口路灯损坏已有半年，夜间出行不便，希望尽快修复。', '13600000077');
    const deputy = deputyOf(2);
    const draftsOf = async () =>
      Number(
        (
          await t.services.handle.db
            .selectFrom('suggestions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('lead_deputy_id', '=', deputy.deputy.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await draftsOf();
    const results = await Promise.all([
      act(deputy.client, item.id, 'to_suggestion', {}),
      act(deputy.client, item.id, 'to_suggestion', {}),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await draftsOf()).toBe(before + 1);
    const winner = results.find((r) => r.statusCode === 200)?.json();
    const linked = (
      await t.services.handle.db
        .selectFrom('suggestions')
        .select('id')
        .where('lead_deputy_id', '=', deputy.deputy.id)
        .where('title', 'like', '%路灯%')
        .execute()
    ).map((r) => r.id);
    expect(linked).toEqual([winner.suggestionId]);
  });

  it('refers it to an agency, which answers in the system without seeing the citizen’s contact', async () => {
    const item = await messageTo(
      1,
      '路口红绿灯时间太短，老人过马路来不及，请求延长绿灯时间。',
      '13600000009',
    );
    const deputy = deputyOf(1);
    const foreignUnit = await county.make.unit({ body: county.otherTownship, name: '邻镇城建办' });
    const wrongUnit = await act(deputy.client, item.id, 'refer', { unitId: foreignUnit.id });
    expect(wrongUnit.statusCode).toBe(400);
    expect(wrongUnit.json().code).toBe('unit_not_eligible');
    const referred = await act(deputy.client, item.id, 'refer', {
      unitId: county.unit.id,
      note: '请交警部门研究',
    });
    expect(referred.json()).toMatchObject({ status: 'referred', referredUnitName: '县交通运输局' });
    const asUnit = await county.unitClient.request('GET', `/api/v1/receptions/${item.id}`);
    expect(asUnit.statusCode).toBe(200);
    expect(asUnit.json().visitorContact).toBeNull();
    expect(asUnit.body).not.toContain('13600000009');
    expect(
      asUnit
        .json()
        .actions.filter((a: { allowed: boolean }) => a.allowed)
        .map((a: { action: string }) => a.action),
    ).toEqual(['unit_answer']);
    const unitAnswer = await act(county.unitClient, item.id, 'unit_answer', {
      answer: '已将该路口绿灯时长由 20 秒调整为 35 秒。',
    });
    expect(unitAnswer.json()).toMatchObject({
      status: 'open',
      referralAnswer: '已将该路口绿灯时长由 20 秒调整为 35 秒。',
    });
    const closed = await act(deputy.client, item.id, 'answer', { answer: '交警部门已调整，感谢您的反映。' });
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'referred' });
    const tracked = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/messages/${item.trackingCode}` })
    ).json();
    expect(tracked.referralAnswer).toContain('35 秒');
  });

  it('passes it to a deputy of a higher level only', async () => {
    const item = await messageTo(2, '县城到本镇的班车太少，希望增加早晚班次，方便群众出行。');
    const deputy = deputyOf(2);
    const sameLevel = await act(deputy.client, item.id, 'escalate', { deputyId: deputyOf(0).deputy.id });
    expect(sameLevel.json().code).toBe('deputy_not_higher');
    const escalated = await act(deputy.client, item.id, 'escalate', {
      deputyId: county.countyDeputy.deputy.id,
      note: '涉及县级公交线路',
    });
    expect(escalated.json()).toMatchObject({ status: 'escalated', escalatedToName: '县代表甲' });
    const countyInbox = (
      await county.countyDeputy.client.request('GET', '/api/v1/receptions?view=mine')
    ).json();
    expect(countyInbox.items.map((i: { id: string }) => i.id)).toContain(item.id);
    const answered = await act(county.countyDeputy.client, item.id, 'answer', {
      answer: '已向县交通运输局提出，春节后增开两班。',
    });
    expect(answered.json()).toMatchObject({
      status: 'closed',
      outcome: 'escalated',
      answeredByName: expect.any(String),
    });
    const duty = (await county.countyDeputy.client.request('GET', '/api/v1/duty-activities')).json();
    expect(duty.map((d: { kind: string }) => d.kind)).toEqual(['message_answered']);
  });
});

describe('recording visits', () => {
  it('records a visit solved on the spot, counts it for the deputy and in the workload', async () => {
    const deputy = deputyOf(0);
    const visit = await deputy.client.request('POST', '/api/v1/receptions', {
      channel: 'visit',
      stationId: county.station.id,
      visitorName: '赵大爷',
      visitorContact: '13500000000',
      category: 'social_security',
      matter: '咨询城乡居民养老保险缴费档次。',
      receivedOn: '2025-03-20',
      solvedAnswer: '已当场讲解缴费档次和补贴政策。',
    });
    expect(visit.statusCode).toBe(201);
    expect(visit.json()).toMatchObject({
      channel: 'visit',
      status: 'closed',
      outcome: 'solved',
      deputyName: '镇代表一',
    });
    const future = await deputy.client.request('POST', '/api/v1/receptions', {
      channel: 'phone',
      category: 'other',
      matter: '明天的来电',
      receivedOn: '2025-03-21',
    });
    expect(future.statusCode).toBe(400);
    const foreign = await county.otherDeputy.client.request('POST', '/api/v1/receptions', {
      channel: 'visit',
      stationId: county.station.id,
      category: 'other',
      matter: '不属于本站的代表登记',
      receivedOn: '2025-03-20',
    });
    expect(foreign.statusCode).toBe(403);
    const duty = (await deputy.client.request('GET', '/api/v1/duty-activities')).json();
    expect(duty.map((d: { kind: string }) => d.kind).sort()).toEqual(['message_answered', 'reception']);
    // Duty records are published within the body (DBF art. 58), not to another township's deputies.
    expect(
      (await county.otherDeputy.client.request('GET', `/api/v1/duty-activities?deputyId=${deputy.deputy.id}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await county.townOffice.client.request('GET', `/api/v1/duty-activities?deputyId=${deputy.deputy.id}`))
        .statusCode,
    ).toBe(200);

    // Three days later (a fresh sign-in: the old session has timed out by then).
    t.clock.advanceMinutes(60 * 24 * 3);
    const office = await signIn(t.app, county.townOffice.user.username, testPassword);
    const stats = (
      await office.request('GET', `/api/v1/receptions/stats?bodyId=${county.township.id}`)
    ).json();
    expect(stats.overall.total).toBeGreaterThanOrEqual(8);
    const first = stats.byDeputy.find((d: { name: string }) => d.name === '镇代表一');
    expect(first).toMatchObject({ total: 3, closed: 2, open: 1 });
    expect(stats.byStation).toEqual([expect.objectContaining({ name: '测试镇人大代表联络站' })]);
    const open = (await office.request('GET', '/api/v1/receptions?open=true')).json();
    expect(open.total).toBeGreaterThan(0);
    expect(open.items.every((i: { daysOpen: number }) => i.daysOpen >= 3)).toBe(true);
  });
});
