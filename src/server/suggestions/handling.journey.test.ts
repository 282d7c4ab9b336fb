import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';
import { suggestionCounty } from './suggestions.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof suggestionCounty>>;

beforeAll(async () => {
  t = await createTestApp(new Date('2025-03-20T02:00:00Z'));
  county = await suggestionCounty(t.services, t.app);
});
afterAll(async () => t.close());

/** Signs in again (sessions end after 30 idle minutes, and the test moves the clock by days). */
async function as(role: 'unit_handler' | 'unit_leader', unitId: string, name: string): Promise<Client> {
  const username = `${name}_${unitId.slice(-6)}`.toLowerCase();
  const existing = await t.services.users.findByUsername(username);
  if (!existing)
    await factories(t.services).user({ username, roles: [{ role, bodyId: county.body.id, unitId }] });
  return signIn(t.app, username, testPassword);
}

function at(day: string) {
  t.clock.set(new Date(`${day}T02:00:00Z`));
}

async function signChain(replyId: string, unitId: string) {
  const handler = await as('unit_handler', unitId, 'handler');
  const head = await as('unit_handler', unitId, 'head');
  const leader = await as('unit_leader', unitId, 'leader');
  const first = await handler.request('POST', `/api/v1/replies/${replyId}/sign`, {});
  expect(first.json()).toMatchObject({ status: 'signing', nextStepName: '科室负责人' });
  // The same person cannot sign two steps.
  expect((await handler.request('POST', `/api/v1/replies/${replyId}/sign`, {})).statusCode).toBe(403);
  expect((await head.request('POST', `/api/v1/replies/${replyId}/sign`, {})).json()).toMatchObject({
    nextStepName: '单位负责人',
  });
  return leader.request('POST', `/api/v1/replies/${replyId}/sign`, {});
}

describe('a whole case: handling, co-unit opinion, reply, 不满意, re-handling, 满意', () => {
  it('runs from receipt to closing', async () => {
    const item = await county.acceptedItem('关于农村学校校车安全的建议');
    const office = await county.staff('office_staff');
    const assigned = await office.request('POST', `/api/v1/suggestions/${item.id}/actions/assign`, {
      assignedOn: '2025-03-20',
      units: [
        { unitId: county.units.education.id, role: 'lead' },
        { unitId: county.units.transport.id, role: 'co' },
      ],
    });
    const [lead, co] = assigned.json().assignments;
    expect(co).toMatchObject({ coOpinionDueOn: '2025-05-20' });

    at('2025-03-24');
    const handler = await as('unit_handler', county.units.education.id, 'handler');
    await handler.request('POST', `/api/v1/assignments/${lead.id}/actions/receive`, {});
    const plan = await handler.request('PUT', `/api/v1/assignments/${lead.id}/plan`, {
      handlerName: '林静',
      handlerPhone: '13800001111',
      plan: '会同交通部门排查全县校车线路，更新车辆，配备随车照管员。',
      plannedFinishOn: '2025-06-10',
    });
    expect(plan.statusCode, plan.body).toBe(200);
    expect(
      (
        await handler.request('POST', `/api/v1/assignments/${lead.id}/contacts`, {
          stage: 'before',
          method: 'face_to_face',
          contactOn: '2025-03-24',
          participants: '林静、代表1',
          summary: '当面听取代表对校车安全的具体意见。',
        })
      ).statusCode,
    ).toBe(201);
    const draft = await handler.request('PUT', `/api/v1/assignments/${lead.id}/reply`, {
      outcomeClass: 'B',
      documentNo: '青教函〔2025〕12号',
      body: '经研究，我局已会同交通运输部门对全县校车进行排查，计划年内更新校车 20 辆。',
    });
    expect(draft.statusCode, draft.body).toBe(200);

    // The lead unit's letter waits for the co-unit's opinion.
    const waiting = await signChain(draft.json().id, county.units.education.id);
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json().detail).toContain('县交通运输局（期限 2025-05-20）');

    const transport = await as('unit_handler', county.units.transport.id, 'handler');
    await transport.request('POST', `/api/v1/assignments/${co.id}/actions/receive`, {});
    const opinion = await transport.request('POST', `/api/v1/assignments/${co.id}/actions/submit_opinion`, {
      opinion: '我局将配合开展校车线路安全评估。',
    });
    expect(opinion.statusCode, opinion.body).toBe(200);

    const leader = await as('unit_leader', county.units.education.id, 'leader');
    const sent = await leader.request('POST', `/api/v1/replies/${draft.json().id}/sign`, {});
    expect(sent.json()).toMatchObject({
      status: 'sent',
      outcomeLabel: '正在解决或列入计划解决',
      signoffs: [{ stepName: '经办人' }, { stepName: '科室负责人' }, { stepName: '单位负责人' }],
    });

    // Replied: off the unit's to-do list (the default), on its done list, and never counted overdue.
    at('2025-09-01');
    const inboxOf = await as('unit_handler', county.units.education.id, 'handler');
    const open = (await inboxOf.request('GET', '/api/v1/assignments/inbox')).json();
    expect(open.items.map((i: { id: string }) => i.id)).not.toContain(lead.id);
    const done = (await inboxOf.request('GET', '/api/v1/assignments/inbox?state=done')).json();
    expect(done.items.find((i: { id: string }) => i.id === lead.id)).toMatchObject({
      status: 'replied',
      overdue: false,
    });
    at('2025-03-24');

    const deputy = await county.deputyClient(0);
    let detail = (await deputy.request('GET', `/api/v1/suggestions/${item.id}`)).json();
    expect(detail).toMatchObject({
      status: 'replied',
      feedbackDueOn: '2025-04-08',
      allowedActions: ['rate'],
    });
    const replies = (await deputy.request('GET', `/api/v1/suggestions/${item.id}/replies`)).json();
    expect(replies).toHaveLength(1);

    const noReason = await deputy.request('POST', `/api/v1/suggestions/${item.id}/actions/rate`, {
      attitude: 'satisfied',
      result: 'unsatisfied',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().detail).toContain('须填写理由');
    const unsatisfied = await deputy.request('POST', `/api/v1/suggestions/${item.id}/actions/rate`, {
      attitude: 'satisfied',
      result: 'unsatisfied',
      reason: '答复笼统，没有明确完成时间。',
    });
    expect(unsatisfied.statusCode, unsatisfied.body).toBe(200);
    detail = unsatisfied.json();
    expect(detail).toMatchObject({ status: 'rehandling', handlingRound: 2 });
    // Re-handling: one month from the rating day (2025-03-24 → 2025-04-24).
    expect(detail.assignments.find((a: { role: string }) => a.role === 'lead')).toMatchObject({
      status: 'rehandling',
      replyDueOn: '2025-04-24',
    });

    // Back to back: the unit does not see the rating.
    const unitView = (await leader.request('GET', `/api/v1/suggestions/${item.id}`)).json();
    expect(unitView).toMatchObject({ ratings: [], ratingsHidden: true });

    at('2025-04-10');
    const second = await (
      await as('unit_handler', county.units.education.id, 'handler')
    ).request('PUT', `/api/v1/assignments/${lead.id}/reply`, {
      outcomeClass: 'A',
      documentNo: '青教函〔2025〕30号',
      body: '已更新校车 20 辆并全部配备随车照管员，校车线路安全评估已完成。',
    });
    expect(second.statusCode, second.body).toBe(200);
    expect((await signChain(second.json().id, county.units.education.id)).json().status).toBe('sent');
    const deputyAgain = await signIn(t.app, county.deputies[0]?.username ?? '', testPassword);
    const satisfied = await deputyAgain.request('POST', `/api/v1/suggestions/${item.id}/actions/rate`, {
      attitude: 'satisfied',
      result: 'satisfied',
    });
    expect(satisfied.json()).toMatchObject({ status: 'closed', closeReason: 'rated', escalated: false });
    expect(satisfied.json().ratings).toHaveLength(2);
    expect((await t.services.audit.verify()).ok).toBe(true);
  });
});

describe('deadlines and jobs', () => {
  it('refuses an extension past six months and moves a Saturday deadline to Monday', async () => {
    at('2025-03-20');
    const item = await county.acceptedItem('关于延期办理的建议');
    const office = await county.staff('office_staff');
    const assigned = (
      await office.request('POST', `/api/v1/suggestions/${item.id}/actions/assign`, {
        assignedOn: '2025-03-20',
        units: [{ unitId: county.units.housing.id, role: 'lead' }],
      })
    ).json();
    const id = assigned.assignments[0].id as string;
    const handler = await as('unit_handler', county.units.housing.id, 'handler');
    await handler.request('POST', `/api/v1/assignments/${id}/actions/receive`, {});
    // Six months from 2025-03-20 is Saturday 2025-09-20: the limit is Monday 2025-09-22.
    const tooLong = await handler.request('POST', `/api/v1/assignments/${id}/actions/request_extension`, {
      newDueOn: '2025-09-23',
      reason: '涉及多部门协调，需要更多时间',
    });
    expect(tooLong.statusCode).toBe(409);
    expect(tooLong.json().detail).toContain('2025-09-22');
    const ok = await handler.request('POST', `/api/v1/assignments/${id}/actions/request_extension`, {
      newDueOn: '2025-09-22',
      reason: '涉及多部门协调，需要更多时间',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const approved = await office.request('POST', `/api/v1/assignments/${id}/actions/approve_extension`, {
      note: '同意',
    });
    expect(approved.json().assignments[0]).toMatchObject({
      replyDueOn: '2025-09-22',
      extensionStatus: 'approved',
    });
  });

  it('fires the warning and the overdue notice once each, and lapses a missing co-unit opinion', async () => {
    at('2025-03-20');
    const item = await county.acceptedItem('关于期限提醒的建议');
    const office = await county.staff('office_staff');
    await office.request('POST', `/api/v1/suggestions/${item.id}/actions/assign`, {
      assignedOn: '2025-03-20',
      units: [
        { unitId: county.units.housing.id, role: 'lead' },
        { unitId: county.units.transport.id, role: 'co' },
      ],
    });
    const kinds = async () =>
      (
        await t.handle.db
          .selectFrom('notifications')
          .select('kind')
          .where('link', '=', `/suggestions/${item.id}`)
          .execute()
      ).map((n) => n.kind);
    // 80 % of the 92 days from 03-20 to 06-20 is day 73, 06-01; the day after the deadline is 06-21.
    at('2025-05-31');
    await t.services.jobs.runDue();
    expect(await kinds()).not.toContain('assignment.warning');
    at('2025-06-01');
    await t.services.jobs.runDue();
    await t.services.jobs.runDue();
    expect((await kinds()).filter((k) => k === 'assignment.warning')).toHaveLength(1);
    // The co-unit's window (05-20) has lapsed: recorded, and the lead unit told.
    const co = (
      await t.handle.db
        .selectFrom('assignments')
        .select(['status'])
        .where('suggestion_id', '=', item.id)
        .where('role', '=', 'co')
        .executeTakeFirstOrThrow()
    ).status;
    expect(co).toBe('opinion_lapsed');
    expect(await kinds()).toContain('assignment.opinion_lapsed');
    at('2025-06-21');
    await t.services.jobs.runDue();
    await t.services.jobs.runDue();
    expect((await kinds()).filter((k) => k === 'assignment.overdue')).toHaveLength(1);
  });
});
