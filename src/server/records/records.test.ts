import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import { suggestionCounty } from '../suggestions/suggestions.fixture.js';
import type { HandlingRecord } from '../../shared/schemas/records.js';
import { at, closedCase, deputyClient, staffClient, unitClient } from './records.fixture.js';
import type { County } from './records.fixture.js';

let t: TestApp;
let county: County;

beforeAll(async () => {
  t = await createTestApp(new Date('2025-03-20T02:00:00Z'));
  county = await suggestionCounty(t.services, t.app);
});
afterAll(async () => t.close());

const recordUrl = (id: string) => `/api/v1/suggestions/${id}/record`;
const actionUrl = (id: string, action: string) => `/api/v1/suggestions/${id}/record/actions/${action}`;

async function notificationsOf(kind: string, link: string) {
  return t.handle.db
    .selectFrom('notifications')
    .select(['user_id', 'body'])
    .where('kind', '=', kind)
    .where('link', '=', link)
    .execute();
}

describe('the handling record (全程纪实表)', () => {
  it('is generated from the timeline and signed in order: deputy, unit leader, government leader', async () => {
    const { item, deputy, office } = await closedCase(t, county, '关于全程纪实表签字顺序的建议');
    const education = county.units.education.id;
    const unitLeader = await unitClient(t, county, 'unit_leader', education, 'leader');
    const governmentLeader = await staffClient(t, county, 'leader');

    const record = (await office.request('GET', recordUrl(item.id))).json<HandlingRecord>();
    expect(record).toMatchObject({
      status: 'open',
      handlingEnded: true,
      leadDeputyName: '代表1',
      units: [
        { unitName: '县教育局', role: 'lead', handlerName: '林静' },
        { unitName: '县交通运输局', role: 'co' },
      ],
      contacts: [{ method: 'face_to_face', summary: '当面听取代表对校车安全的具体意见。' }],
      opinions: [{ unitName: '县交通运输局', opinion: '我局将配合开展校车线路安全评估。', lapsed: false }],
      replies: [{ documentNo: '青教函〔2025〕12号', outcomeClass: 'B', signoffs: [{}, {}, {}] }],
      ratings: [{ attitude: 'satisfied', result: 'satisfied', isLead: true }],
      signatures: [
        { step: 'deputy', signed: false },
        { step: 'unit_leader', signed: false, unitName: '县教育局' },
        { step: 'government_leader', signed: false },
      ],
    });
    expect(record.actions.find((a) => a.action === 'sign_deputy')).toMatchObject({
      allowed: false,
      reason: '只有领衔代表本人可以在纪实表上签字。',
    });
    expect(record.allowedActions).toEqual(['return']);

    // The unit leader may not sign before the deputy: a Chinese reason names the step it waits for.
    const early = await unitLeader.request('POST', actionUrl(item.id, 'sign_unit'), {});
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('待领衔代表签字');
    const earlyLeader = await governmentLeader.request('POST', actionUrl(item.id, 'sign_government'), {});
    expect(earlyLeader.statusCode).toBe(409);
    // Nor may anyone else sign in the deputy's place.
    expect((await unitLeader.request('POST', actionUrl(item.id, 'sign_deputy'), {})).statusCode).toBe(403);

    const asDeputy = await deputy.request('GET', recordUrl(item.id));
    expect(asDeputy.json().allowedActions).toEqual(['sign_deputy']);
    const signed = await deputy.request('POST', actionUrl(item.id, 'sign_deputy'), {
      note: '对办理结果满意。',
      version: 0,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({
      status: 'deputy_signed',
      version: 1,
      signatures: [
        { step: 'deputy', signed: true, userName: expect.any(String), note: '对办理结果满意。' },
        {},
        {},
      ],
    });
    // The unit hears it is its turn.
    expect((await notificationsOf('record.sign', `/suggestions/${item.id}`)).length).toBeGreaterThan(0);
    // Twice is refused: the record has moved on.
    expect((await deputy.request('POST', actionUrl(item.id, 'sign_deputy'), {})).statusCode).toBe(409);
    // A stale version is refused too.
    const stale = await unitLeader.request('POST', actionUrl(item.id, 'sign_unit'), { version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('handling_record.concurrent_change');
    // The government leader still waits for the unit.
    const tooEarly = await governmentLeader.request('POST', actionUrl(item.id, 'sign_government'), {});
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().detail).toContain('待承办单位负责人签字');

    const unitSigned = await unitLeader.request('POST', actionUrl(item.id, 'sign_unit'), {});
    expect(unitSigned.statusCode, unitSigned.body).toBe(200);
    expect(unitSigned.json()).toMatchObject({
      status: 'unit_signed',
      signatures: [{ signed: true }, { signed: true, unitName: '县教育局' }, { signed: false }],
    });
    const complete = await governmentLeader.request('POST', actionUrl(item.id, 'sign_government'), {});
    expect(complete.statusCode, complete.body).toBe(200);
    expect(complete.json()).toMatchObject({
      status: 'complete',
      allowedActions: [],
      signatures: [{ signed: true }, { signed: true }, { signed: true }],
    });
    // Complete records cannot be returned.
    const late = await office.request('POST', actionUrl(item.id, 'return'), {
      dueOn: '2025-07-10',
      reason: '办理结果与代表反映不一致',
    });
    expect(late.statusCode).toBe(409);

    // The timeline and the audit chain carry every step.
    const detail = (await office.request('GET', `/api/v1/suggestions/${item.id}`)).json();
    const actions = detail.timeline.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['record.sign_deputy', 'record.sign_unit', 'record.sign_government']),
    );
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', item.id)
      .where('target_type', '=', 'handling_record')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'handling_record.sign_deputy',
      'handling_record.sign_unit',
      'handling_record.sign_government',
    ]);
    expect((await t.services.audit.verify()).ok).toBe(true);
  });

  it('is refused before handling ends, and hidden from units that do not handle the item', async () => {
    at(t, '2025-03-20');
    const item = await county.acceptedItem('关于尚未办结的建议');
    const office = await staffClient(t, county, 'office_staff');
    await office.request('POST', `/api/v1/suggestions/${item.id}/actions/assign`, {
      assignedOn: '2025-03-20',
      units: [{ unitId: county.units.housing.id, role: 'lead' }],
    });
    const deputy = await deputyClient(t, county, 0);
    const early = await deputy.request('POST', actionUrl(item.id, 'sign_deputy'), {});
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('建议尚未办结');
    const record = (await deputy.request('GET', recordUrl(item.id))).json<HandlingRecord>();
    expect(record).toMatchObject({ handlingEnded: false, status: 'open', replies: [], allowedActions: [] });
    const stranger = await unitClient(t, county, 'unit_handler', county.units.education.id, 'handler');
    expect((await stranger.request('GET', recordUrl(item.id))).statusCode).toBe(404);
    expect((await stranger.request('POST', actionUrl(item.id, 'sign_unit'), {})).statusCode).toBe(404);
    expect((await office.request('POST', actionUrl(item.id, 'no_such_action'), {})).statusCode).toBe(404);
  });

  it('hides individual ratings from the unit (back to back)', async () => {
    const { item } = await closedCase(t, county, '关于背靠背评价的建议');
    const unit = await unitClient(t, county, 'unit_leader', county.units.education.id, 'leader');
    expect((await unit.request('GET', recordUrl(item.id))).json()).toMatchObject({
      ratings: [],
      ratingsHidden: true,
    });
  });

  it('is returned by the office with a time limit, notifying the lead unit, and reopened', async () => {
    const { item, deputy, office } = await closedCase(t, county, '关于退回重新办理的建议');
    expect((await deputy.request('POST', actionUrl(item.id, 'sign_deputy'), {})).statusCode).toBe(200);
    const unit = await unitClient(t, county, 'unit_handler', county.units.education.id, 'handler');
    const byUnit = await unit.request('POST', actionUrl(item.id, 'return'), {
      dueOn: '2025-07-10',
      reason: '办理结果与代表反映不一致',
    });
    expect(byUnit.statusCode).toBe(403);
    expect(byUnit.json().detail).toContain('代表工委');
    const past = await office.request('POST', actionUrl(item.id, 'return'), {
      dueOn: '2025-06-01',
      reason: '办理结果与代表反映不一致',
    });
    expect(past.statusCode).toBe(409);
    expect(past.json().detail).toContain('重新办理期限须晚于今天');
    const noReason = await office.request('POST', actionUrl(item.id, 'return'), { dueOn: '2025-07-10' });
    expect(noReason.statusCode).toBe(400);
    const returned = await office.request('POST', actionUrl(item.id, 'return'), {
      dueOn: '2025-07-10',
      reason: '办理结果与代表反映不一致',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({
      status: 'returned',
      returns: [{ dueOn: '2025-07-10', reason: '办理结果与代表反映不一致', cycle: 1 }],
      allowedActions: ['reopen'],
    });
    const told = await notificationsOf('record.returned', `/suggestions/${item.id}`);
    expect(told.length).toBeGreaterThan(0);
    expect(told[0]?.body).toContain('2025-07-10');

    // Listed as missing signatures, with the re-handling deadline.
    const missing = await office.request(
      'GET',
      `/api/v1/records?bodyId=${county.body.id}&missing=true&pageSize=100`,
    );
    expect(missing.statusCode, missing.body).toBe(200);
    expect(
      missing.json().items.find((i: { suggestionId: string }) => i.suggestionId === item.id),
    ).toMatchObject({
      status: 'returned',
      returnDueOn: '2025-07-10',
      leadUnitNames: ['县教育局'],
      missingSteps: [{ step: 'unit_leader' }, { step: 'government_leader' }],
    });

    const reopened = await office.request('POST', actionUrl(item.id, 'reopen'), { note: '已重新办理' });
    expect(reopened.json()).toMatchObject({
      status: 'open',
      cycle: 2,
      signatures: [{ signed: false }, { signed: false }, { signed: false }],
    });
    // Two signatures at once (a double click): one wins, the other is told to reload.
    const both = await Promise.all([
      deputy.request('POST', actionUrl(item.id, 'sign_deputy'), {}),
      deputy.request('POST', actionUrl(item.id, 'sign_deputy'), {}),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const signatures = await t.handle.db
      .selectFrom('handling_record_signatures')
      .select(['cycle', 'step'])
      .where('suggestion_id', '=', item.id)
      .orderBy('cycle')
      .execute();
    expect(signatures).toEqual([
      { cycle: 1, step: 'deputy' },
      { cycle: 2, step: 'deputy' },
    ]);
  });

  it('lists closed items missing signatures for appraisal, by body and unit', async () => {
    const office = await staffClient(t, county, 'office_staff');
    const url = `/api/v1/records?bodyId=${county.body.id}&missing=true&pageSize=100`;
    const all = (await office.request('GET', url)).json();
    expect(all.total).toBe(all.items.length);
    for (const entry of all.items) expect(entry.status).not.toBe('complete');
    const everything = (
      await office.request('GET', `/api/v1/records?bodyId=${county.body.id}&pageSize=100`)
    ).json();
    expect(everything.items.some((i: { status: string }) => i.status === 'complete')).toBe(true);
    expect(everything.total).toBeGreaterThan(all.total);
    const neverStarted = all.items.find((i: { missingSteps: unknown[] }) => i.missingSteps.length === 3);
    expect(neverStarted).toMatchObject({ status: 'open' });
    // A unit sees only its own items; a deputy may not list.
    const housing = await unitClient(t, county, 'unit_leader', county.units.housing.id, 'leader');
    expect((await housing.request('GET', url)).json().items).toEqual([]);
    const deputy = await deputyClient(t, county, 1);
    expect((await deputy.request('GET', url)).statusCode).toBe(403);
  });
});
