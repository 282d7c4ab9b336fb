import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import { suggestionCounty } from './suggestions.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof suggestionCounty>>;

beforeAll(async () => {
  t = await createTestApp(new Date('2025-03-20T02:00:00Z'));
  county = await suggestionCounty(t.services, t.app);
});
afterAll(async () => t.close());

/** Assigns a fresh item to the education bureau on 2025-03-20 (a Thursday). */
async function assigned() {
  t.clock.set(new Date('2025-03-20T02:00:00Z'));
  const office = await county.staff('office_staff');
  const item = await county.acceptedItem('关于农村学校校车安全的建议');
  const response = await office.request('POST', `/api/v1/suggestions/${item.id}/actions/assign`, {
    assignedOn: '2025-03-20',
    units: [{ unitId: county.units.education.id, role: 'lead' }],
  });
  expect(response.statusCode, response.body).toBe(200);
  const [assignment] = response.json().assignments;
  // 10 working days after 03-20: 21, 24, 25, 26, 27, 28, 31, 04-01, 04-02, 04-03.
  expect(assignment).toMatchObject({
    replyDueOn: '2025-06-20',
    adjustmentWindowEndsOn: '2025-04-03',
    status: 'pending_receipt',
  });
  return { office, item, assignmentId: assignment.id as string };
}

describe('adjustment requests', () => {
  it('accepts a request on working day 10 and the office re-assigns with a new deadline', async () => {
    const { item, assignmentId } = await assigned();
    // Sessions end after 30 idle minutes: everyone signs in again on the later days.
    t.clock.set(new Date('2025-04-03T02:00:00Z'));
    const handler = await county.unitUser(county.units.education.id);
    const requested = await handler.request(
      'POST',
      `/api/v1/assignments/${assignmentId}/actions/request_adjustment`,
      {
        reason: '校车运营属交通运输部门职责，建议调整交办',
      },
    );
    expect(requested.statusCode, requested.body).toBe(200);
    expect(requested.json().assignments[0]).toMatchObject({ status: 'adjustment_requested' });

    // A unit never forwards by itself: only the office decides.
    const self = await handler.request(
      'POST',
      `/api/v1/assignments/${assignmentId}/actions/approve_adjustment`,
      { newUnitId: county.units.transport.id },
    );
    expect(self.statusCode).toBe(403);

    t.clock.set(new Date('2025-04-08T02:00:00Z'));
    const office = await county.staff('office_staff');
    const approved = await office.request(
      'POST',
      `/api/v1/assignments/${assignmentId}/actions/approve_adjustment`,
      {
        newUnitId: county.units.transport.id,
        note: '同意调整',
      },
    );
    expect(approved.statusCode, approved.body).toBe(200);
    const assignments = approved.json().assignments;
    expect(assignments).toEqual([
      expect.objectContaining({ unitName: '县教育局', status: 'reassigned', adjustmentDecision: 'approved' }),
      expect.objectContaining({
        unitName: '县交通运输局',
        status: 'pending_receipt',
        assignedOn: '2025-04-08',
        replyDueOn: '2025-07-08',
      }),
    ]);
    // The old unit no longer sees the item; the new one does.
    const handlerAgain = await county.unitUser(county.units.education.id);
    expect((await handlerAgain.request('GET', `/api/v1/suggestions/${item.id}`)).statusCode).toBe(404);
    const transport = await county.unitUser(county.units.transport.id);
    expect(
      (await transport.request('GET', '/api/v1/assignments/inbox'))
        .json()
        .items.map((i: { suggestionId: string }) => i.suggestionId),
    ).toContain(item.id);
  });

  it('refuses a request on working day 11 with the date the window closed', async () => {
    const { assignmentId } = await assigned();
    const handler = await county.unitUser(county.units.education.id);
    const received = await handler.request('POST', `/api/v1/assignments/${assignmentId}/actions/receive`, {});
    expect(received.json().assignments[0].status).toBe('handling');
    // 04-04 is Qingming, 04-05/06 the weekend: 04-07 is working day 11.
    t.clock.set(new Date('2025-04-07T02:00:00Z'));
    const lateHandler = await county.unitUser(county.units.education.id);
    const late = await lateHandler.request(
      'POST',
      `/api/v1/assignments/${assignmentId}/actions/request_adjustment`,
      { reason: '不属于我单位职责范围' },
    );
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('2025-04-03 届满');
  });

  it('lets the office refuse: the unit must handle it', async () => {
    const { office, assignmentId } = await assigned();
    const handler = await county.unitUser(county.units.education.id);
    await handler.request('POST', `/api/v1/assignments/${assignmentId}/actions/request_adjustment`, {
      reason: '不属于我单位职责范围',
    });
    const refused = await office.request(
      'POST',
      `/api/v1/assignments/${assignmentId}/actions/refuse_adjustment`,
      { note: '属于教育局职责' },
    );
    expect(refused.json().assignments[0]).toMatchObject({
      status: 'handling',
      adjustmentDecision: 'refused',
    });
    const notes = (await handler.request('GET', '/api/v1/notifications')).json();
    expect(notes.items[0]).toMatchObject({ kind: 'assignment.adjustment_refused' });
  });
});
