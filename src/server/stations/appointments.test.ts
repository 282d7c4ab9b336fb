import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import { testPassword } from '../testing/factories.js';
import { freshAddress, solve, stationCounty } from './stations.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof stationCounty>>;

beforeAll(async () => {
  t = await createTestApp();
  county = await stationCounty(t.services, t.app);
  const generated = await county.townOffice.client.request('POST', '/api/v1/stations/roster/generate', {
    bodyId: county.township.id,
    from: '2025-04-01',
    to: '2025-06-30',
  });
  if (generated.statusCode !== 200) throw new Error(generated.body);
});
afterAll(async () => t.close());

async function book(body: Record<string, unknown>) {
  const address = freshAddress();
  const challenge = (
    await t.app.inject({ method: 'GET', url: '/api/v1/public/challenge', remoteAddress: address })
  ).json();
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/public/appointments',
    remoteAddress: address,
    payload: { challengeToken: challenge.token, challengeAnswer: solve(challenge.question), ...body },
  });
}

describe('citizen appointments (约见卡)', () => {
  it('offers the roster’s slots, books one, and lets the deputy accept, propose or decline', async () => {
    const slots = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/public/slots?stationCode=${county.station.publicCode}`,
      })
    ).json();
    // From tomorrow for 60 days: 2025-04-21 and 05-20 (06-20 is too far); two deputies a day,
    // 09:00-12:00 in half hours.
    expect(new Set(slots.map((s: { date: string }) => s.date))).toEqual(
      new Set(['2025-04-21', '2025-05-20']),
    );
    expect(slots.filter((s: { date: string }) => s.date === '2025-04-21')).toHaveLength(2 * 6);
    const slot = slots[0];
    const booked = await book({
      deputyCode: slot.deputyCode,
      receptionDayId: slot.receptionDayId,
      startTime: slot.startTime,
      name: '孙女士',
      contact: '13300000001',
      matter: '想当面反映小区物业收费不透明的问题。',
    });
    expect(booked.statusCode).toBe(201);
    const receipt = booked.json();
    expect(receipt).toMatchObject({
      date: '2025-04-21',
      startTime: '09:00',
      stationName: '测试镇人大代表联络站',
    });
    const again = await book({
      deputyCode: slot.deputyCode,
      receptionDayId: slot.receptionDayId,
      startTime: slot.startTime,
      contact: '13300000002',
      matter: '同一时段再约一次试试看能不能约上。',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('appointment.slot_unavailable');
    const offHours = await book({
      deputyCode: slot.deputyCode,
      receptionDayId: slot.receptionDayId,
      startTime: '15:00',
      contact: '13300000003',
      matter: '下午的时段不在接待时间内的预约。',
    });
    expect(offHours.statusCode).toBe(409);
    const slotsAfter = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/slots?deputyCode=${slot.deputyCode}` })
    ).json();
    expect(
      slotsAfter.some(
        (s: { date: string; startTime: string }) => s.date === slot.date && s.startTime === slot.startTime,
      ),
    ).toBe(false);

    const deputy = [...county.townDeputies, county.countyDeputy].find(
      (d) => d.deputy.name === slot.deputyName,
    );
    if (!deputy) throw new Error('fixture');
    const list = (await deputy.client.request('GET', '/api/v1/appointments?view=mine')).json();
    expect(list.items).toHaveLength(1);
    const id = list.items[0].id;
    expect((await county.otherDeputy.client.request('GET', `/api/v1/appointments/${id}`)).statusCode).toBe(
      404,
    );
    const proposed = await deputy.client.request('POST', `/api/v1/appointments/${id}/actions/propose`, {
      date: '2025-04-22',
      startTime: '10:00',
      note: '21 日上午要参加会议，改到次日可以吗？',
    });
    expect(proposed.json()).toMatchObject({ status: 'proposed', proposedDate: '2025-04-22' });
    const tracked = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/appointments/${receipt.trackingCode}` })
    ).json();
    expect(tracked).toMatchObject({
      status: 'proposed',
      statusLabel: '代表提议改期，待您确认',
      actions: ['confirm', 'cancel'],
    });
    expect(JSON.stringify(tracked)).not.toContain('13300000001');
    const confirmed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/appointments/${receipt.trackingCode}/actions/confirm`,
    });
    expect(confirmed.json()).toMatchObject({ status: 'accepted', date: '2025-04-22', startTime: '10:00' });
    // Not yet the day: "held" waits for it.
    const early = await deputy.client.request('POST', `/api/v1/appointments/${id}/actions/hold`, {});
    expect(early.statusCode).toBe(409);

    t.clock.set(new Date('2025-04-22T03:00:00Z'));
    const fresh = await signIn(t.app, deputy.user.username, testPassword);
    const held = await fresh.request('POST', `/api/v1/appointments/${id}/actions/hold`, {
      summary: '了解了收费明细，答应向住建部门反映。',
    });
    expect(held.statusCode).toBe(200);
    const receptionId = held.json().receptionId;
    const reception = (await fresh.request('GET', `/api/v1/receptions/${receptionId}`)).json();
    expect(reception).toMatchObject({
      channel: 'appointment',
      status: 'open',
      trackingCode: receipt.trackingCode,
      appointmentId: id,
    });
    expect(reception.matter).toContain('了解了收费明细');
    const duty = (await fresh.request('GET', '/api/v1/duty-activities')).json();
    expect(duty).toEqual([expect.objectContaining({ kind: 'appointment', sourceId: id })]);
    // The citizen follows the outcome with the same code.
    const outcome = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/messages/${receipt.trackingCode}` })
    ).json();
    expect(outcome).toMatchObject({ channel: 'appointment', status: 'open' });
    t.clock.set(new Date('2025-03-20T02:00:00Z'));
  });

  it('lets the deputy decline with a reason and the citizen cancel', async () => {
    const slots = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/public/slots?stationCode=${county.station.publicCode}`,
      })
    ).json();
    const pick = slots.filter((s: { date: string }) => s.date === '2025-05-20');
    const [a, b] = pick;
    const first = (
      await book({
        deputyCode: a.deputyCode,
        receptionDayId: a.receptionDayId,
        startTime: a.startTime,
        contact: '13300000011',
        matter: '咨询低保申请的条件和流程。',
      })
    ).json();
    const second = (
      await book({
        deputyCode: b.deputyCode,
        receptionDayId: b.receptionDayId,
        startTime: b.startTime,
        contact: '13300000012',
        matter: '反映村里饮用水水质的问题。',
      })
    ).json();
    const deputy = [...county.townDeputies, county.countyDeputy].find((d) => d.deputy.name === a.deputyName);
    if (!deputy) throw new Error('fixture');
    const items = (
      await deputy.client.request('GET', '/api/v1/appointments?view=mine&status=requested')
    ).json().items;
    const target = items.find((i: { trackingCode: string }) => i.trackingCode === first.trackingCode);
    const noReason = await deputy.client.request(
      'POST',
      `/api/v1/appointments/${target.id}/actions/decline`,
      {},
    );
    expect(noReason.statusCode).toBe(400);
    const declined = await deputy.client.request(
      'POST',
      `/api/v1/appointments/${target.id}/actions/decline`,
      { reason: '该事项请到民政办咨询。' },
    );
    expect(declined.json().status).toBe('declined');
    const seen = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/appointments/${first.trackingCode}` })
    ).json();
    expect(seen).toMatchObject({ status: 'declined', deputyNote: '该事项请到民政办咨询。', actions: [] });
    // A declined slot is free again.
    const reopened = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/slots?deputyCode=${a.deputyCode}` })
    ).json();
    expect(
      reopened.some(
        (s: { receptionDayId: string; startTime: string }) =>
          s.receptionDayId === a.receptionDayId && s.startTime === a.startTime,
      ),
    ).toBe(true);
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/appointments/${second.trackingCode}/actions/cancel`,
    });
    expect(cancelled.json().status).toBe('cancelled');
    const confirmCancelled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/appointments/${second.trackingCode}/actions/confirm`,
    });
    expect(confirmCancelled.statusCode).toBe(409);
  });
});

describe('deputy → agency head appointments (代表法第二十九条)', () => {
  it('runs request → schedule → one postponement of at most a month → held → follow-up → closed', async () => {
    const { countyDeputy, countyOffice, unitClient, county: body, unit } = county;
    const requested = await countyDeputy.client.request('POST', '/api/v1/agency-appointments', {
      bodyId: body.id,
      unitId: unit.id,
      officialTitle: '局长',
      matter: '农村公路养护资金使用情况',
      reasons: '多个乡镇反映农村公路养护不到位，需当面了解资金安排和养护计划。',
    });
    expect(requested.statusCode).toBe(201);
    const id = requested.json().id;
    const byUnit = await unitClient.request('POST', `/api/v1/agency-appointments/${id}/actions/schedule`, {
      scheduledOn: '2025-04-10',
      scheduledTime: '09:30',
      place: '县交通运输局三楼会议室',
    });
    expect(byUnit.statusCode).toBe(403);
    const scheduled = await countyOffice.client.request(
      'POST',
      `/api/v1/agency-appointments/${id}/actions/schedule`,
      {
        scheduledOn: '2025-04-10',
        scheduledTime: '09:30',
        place: '县交通运输局三楼会议室',
        officialName: '钱局长',
      },
    );
    expect(scheduled.json()).toMatchObject({
      status: 'scheduled',
      firstScheduledOn: '2025-04-10',
      latestPostponeOn: '2025-05-10',
    });
    const tooLate = await unitClient.request('POST', `/api/v1/agency-appointments/${id}/actions/postpone`, {
      scheduledOn: '2025-05-12',
      scheduledTime: '09:30',
      reason: '局长出差',
    });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json().code).toBe('postpone_too_late');
    const postponed = await unitClient.request('POST', `/api/v1/agency-appointments/${id}/actions/postpone`, {
      scheduledOn: '2025-05-09',
      scheduledTime: '15:00',
      reason: '局长参加市里会议',
    });
    expect(postponed.json()).toMatchObject({
      status: 'scheduled',
      scheduledOn: '2025-05-09',
      postponedCount: 1,
    });
    const secondTime = await unitClient.request(
      'POST',
      `/api/v1/agency-appointments/${id}/actions/postpone`,
      {
        scheduledOn: '2025-05-10',
        scheduledTime: '15:00',
        reason: '再推一次',
      },
    );
    expect(secondTime.statusCode).toBe(409);
    expect(secondTime.json().detail).toContain('已推迟过一次');

    t.clock.set(new Date('2025-05-09T08:00:00Z'));
    const deputy = await signIn(t.app, countyDeputy.user.username, testPassword);
    const held = await deputy.request('POST', `/api/v1/agency-appointments/${id}/actions/hold`, {
      minutes: '钱局长介绍了今年养护资金 1200 万元的安排，承诺一个月内完成重点路段修补。',
    });
    expect(held.json()).toMatchObject({ status: 'held', heldOn: '2025-05-09' });
    const unit2 = await signIn(t.app, county.unitUser.username, testPassword);
    const followed = await unit2.request('POST', `/api/v1/agency-appointments/${id}/actions/follow_up`, {
      followUp: '重点路段已修补 8.6 公里。',
    });
    expect(followed.json().status).toBe('follow_up');
    const office = await signIn(t.app, countyOffice.user.username, testPassword);
    const closed = await office.request('POST', `/api/v1/agency-appointments/${id}/actions/close`, {
      note: '代表满意，办结。',
    });
    expect(closed.json().status).toBe('closed');
    expect(closed.json().timeline.map((e: { action: string }) => e.action)).toEqual([
      'request',
      'schedule',
      'postpone',
      'hold',
      'follow_up',
      'close',
    ]);
    const duty = (await deputy.request('GET', '/api/v1/duty-activities')).json();
    expect(duty).toEqual([expect.objectContaining({ kind: 'agency_appointment', sourceId: id })]);
    t.clock.set(new Date('2025-03-20T02:00:00Z'));
  });

  it('is requested only by a deputy of the body, of one of its own agencies', async () => {
    const { townDeputies, countyOffice, county: body, unit } = county;
    const deputy = townDeputies[0];
    if (!deputy) throw new Error('fixture');
    const notSeated = await deputy.client.request('POST', '/api/v1/agency-appointments', {
      bodyId: body.id,
      unitId: unit.id,
      officialTitle: '局长',
      matter: '道路问题',
      reasons: '镇代表想约见县局长，但不是县人大代表。',
    });
    expect(notSeated.statusCode).toBe(400);
    const byStaff = await countyOffice.client.request('POST', '/api/v1/agency-appointments', {
      bodyId: body.id,
      unitId: unit.id,
      officialTitle: '局长',
      matter: '道路问题',
      reasons: '工作人员不能以自己的名义约见。',
    });
    expect(byStaff.statusCode).toBe(403);
  });
});
