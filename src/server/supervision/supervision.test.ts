import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import type { SuggestionRow } from '../db/schema.js';
import { newId } from '../platform/ids.js';
import { oversightCounty, setDay } from './cases.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof oversightCounty>>;
let school: SuggestionRow;
let parking: SuggestionRow;
let roads: SuggestionRow;
const assignments: Record<string, string> = {};
let leaderA: { id: string; username: string };
let leaderB: { id: string; username: string };

interface Item {
  suggestionId: string;
  stage: string;
  daysLeft: number | null;
  overdue: boolean;
  warnings: { code: string }[];
  myRoles?: string[];
  lastProgress: { text: string } | null;
  lastActivity: { kind: string } | null;
}

async function leaders(itemId: string) {
  const detail = await (
    await county.staff('office_staff')
  ).request('GET', `/api/v1/supervision/items/${itemId}`);
  return detail.json().leaders as { id: string; kind: string; name: string; linked: boolean }[];
}

async function overview(client: Client, query = ''): Promise<{ items: Item[]; total: number }> {
  const response = await client.request(
    'GET',
    `/api/v1/supervision/overview?bodyId=${county.body.id}&${query}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const ids = (page: { items: Item[] }) => page.items.map((i) => i.suggestionId);

beforeAll(async () => {
  t = await createTestApp(new Date('2025-03-20T02:00:00Z'));
  county = await oversightCounty(t);
  const { education, housing, transport } = county.units;
  school = await county.acceptedItem('关于农村学校校车安全的建议');
  parking = await county.acceptedItem('关于城区停车难的建议');
  roads = await county.acceptedItem('关于乡村道路维修的建议');
  const office = await county.staff('office_staff');
  for (const [item, body] of [
    [
      school,
      {
        sponsors: [{ name: '张副县长', title: '副县长' }],
        supervisors: [{ name: '李主任', groupName: '第一督办组' }],
      },
    ],
    [parking, { sponsors: [{ name: '王副县长', title: '副县长' }], supervisors: [] }],
  ] as const) {
    const response = await office.request('PUT', `/api/v1/suggestions/${item.id}/key`, body);
    expect(response.statusCode, response.body).toBe(200);
  }
  for (const [item, unitId] of [
    [school, education.id],
    [parking, housing.id],
    [roads, transport.id],
  ] as const) {
    const [assignment] = await county.assign(item.id, [{ unitId, role: 'lead' }], '2025-03-20');
    assignments[item.id] = assignment?.id ?? '';
  }
  for (const name of ['leader_a', 'leader_b']) {
    const user = await county.make.user({
      username: `${name}_${county.body.id.slice(-6)}`.toLowerCase(),
      roles: [{ role: 'leader', bodyId: county.body.id }],
    });
    if (name === 'leader_a') leaderA = user;
    else leaderB = user;
  }
});
afterAll(async () => t.close());

describe('linking leaders to accounts', () => {
  it('lets the office link a sponsor or supervisor entry to a user, and no one else', async () => {
    const office = await county.staff('office_staff');
    const [sponsor, supervisor] = await leaders(school.id);
    expect(sponsor).toMatchObject({ kind: 'sponsor', name: '张副县长', linked: false });
    const unit = await county.unitUser('unit_handler', county.units.education.id, 'handler');
    const url = (id: string) => `/api/v1/supervision/leaders/${id}/user`;
    expect((await unit.request('PUT', url(sponsor?.id ?? ''), { userId: leaderA.id })).statusCode).toBe(403);
    expect((await office.request('PUT', url(sponsor?.id ?? ''), { userId: newId() })).statusCode).toBe(400);
    expect((await office.request('PUT', url(newId()), { userId: leaderA.id })).statusCode).toBe(404);
    for (const [entry, user] of [
      [sponsor, leaderA],
      [supervisor, leaderB],
    ] as const) {
      const linked = await office.request('PUT', url(entry?.id ?? ''), { userId: user.id });
      expect(linked.statusCode, linked.body).toBe(200);
    }
    const [parkingSponsor] = await leaders(parking.id);
    await office.request('PUT', url(parkingSponsor?.id ?? ''), { userId: leaderB.id });
    expect((await leaders(school.id)).every((l) => l.linked)).toBe(true);
  });
});

describe("a leader's board", () => {
  it('shows only the signed-in leader’s own key items, with stage, days left and warnings', async () => {
    const boardA = (
      await (await county.userClient(leaderA.username)).request('GET', '/api/v1/supervision/board')
    ).json();
    expect(boardA.map((i: Item) => i.suggestionId)).toEqual([school.id]);
    expect(boardA[0]).toMatchObject({
      myRoles: ['sponsor'],
      stage: 'handling',
      daysLeft: 92,
      overdue: false,
      warnings: [{ code: 'not_received', text: '承办单位尚未签收' }],
      units: [{ unitName: '县教育局', role: 'lead', replyDueOn: '2025-06-20' }],
    });
    const boardB = (
      await (await county.userClient(leaderB.username)).request('GET', '/api/v1/supervision/board')
    ).json();
    expect(boardB.map((i: Item) => [i.suggestionId, i.myRoles])).toEqual([
      [school.id, ['supervisor']],
      [parking.id, ['sponsor']],
    ]);
    const office = (
      await (await county.staff('office_staff')).request('GET', '/api/v1/supervision/board')
    ).json();
    expect(office).toEqual([]);
  });

  it('records the leaders’ supervision activities and the units’ progress reports', async () => {
    setDay(t, '2025-03-24');
    const leader = await county.userClient(leaderA.username);
    const meeting = await leader.request('POST', `/api/v1/supervision/items/${school.id}/activities`, {
      kind: 'meeting',
      activityOn: '2025-03-24',
      summary: '召开校车安全督办会，听取教育局工作安排。',
      participants: '张副县长、县教育局',
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    expect(meeting.json().activities).toMatchObject([{ kind: 'meeting', leaderKind: 'sponsor' }]);
    // Not linked to this item: a leader may read it, but not record supervision of it.
    const notMine = await leader.request('POST', `/api/v1/supervision/items/${parking.id}/activities`, {
      kind: 'site_visit',
      activityOn: '2025-03-24',
      summary: '实地察看停车场选址。',
    });
    expect(notMine.statusCode).toBe(403);
    const future = await leader.request('POST', `/api/v1/supervision/items/${school.id}/activities`, {
      kind: 'site_visit',
      activityOn: '2025-03-25',
      summary: '实地察看校车停放点。',
    });
    expect(future.statusCode).toBe(400);
    const notKey = await (
      await county.staff('office_staff')
    ).request('POST', `/api/v1/supervision/items/${roads.id}/activities`, {
      kind: 'report_heard',
      activityOn: '2025-03-24',
      summary: '听取交通局汇报。',
    });
    expect(notKey.statusCode).toBe(409);

    const education = await county.unitUser('unit_handler', county.units.education.id, 'handler');
    await education.request(
      'POST',
      `/api/v1/assignments/${assignments[school.id] ?? ''}/actions/receive`,
      {},
    );
    const report = await education.request('POST', `/api/v1/supervision/items/${school.id}/progress`, {
      reportOn: '2025-03-24',
      text: '已完成全县校车线路排查。',
      percent: 30,
    });
    expect(report.statusCode, report.body).toBe(201);
    const housing = await county.unitUser('unit_handler', county.units.housing.id, 'handler');
    const otherUnit = await housing.request('POST', `/api/v1/supervision/items/${school.id}/progress`, {
      reportOn: '2025-03-24',
      text: '不相干单位的报告。',
    });
    expect(otherUnit.statusCode).toBe(404);
    const told = await t.handle.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'supervision.progress')
      .execute();
    expect(told.map((n) => n.user_id).sort()).toEqual([leaderA.id, leaderB.id].sort());

    const board = (await leader.request('GET', '/api/v1/supervision/board')).json();
    expect(board[0]).toMatchObject({
      lastProgress: { text: '已完成全县校车线路排查。', percent: 30, unitName: '县教育局' },
      lastActivity: { kind: 'meeting' },
      warnings: [{ code: 'no_plan' }],
      daysLeft: 88,
    });
  });
});

describe("the offices' overview and reminders", () => {
  it('shows every item’s stage, days left and warnings to the office and the supervision office', async () => {
    const housing = await county.unitUser('unit_handler', county.units.housing.id, 'handler');
    await housing.request('POST', `/api/v1/assignments/${assignments[parking.id] ?? ''}/actions/receive`, {});
    await housing.request('PUT', `/api/v1/assignments/${assignments[parking.id] ?? ''}/plan`, {
      handlerName: '周明',
      handlerPhone: '13900002222',
      plan: '利用闲置地块建设立体停车场。',
      plannedFinishOn: '2025-06-15',
    });
    const office = await county.staff('office_staff');
    const all = await overview(office);
    expect(ids(all)).toEqual([school.id, parking.id, roads.id]);
    expect(ids(await overview(office, 'key=true'))).toEqual([school.id, parking.id]);
    expect(ids(await overview(office, 'warning=no_plan'))).toEqual([school.id]);
    expect(ids(await overview(office, 'warning=not_received'))).toEqual([roads.id]);
    expect(ids(await overview(office, `unitId=${county.units.housing.id}`))).toEqual([parking.id]);

    // 80 % of the 92 days to 06-20 has passed on 06-01.
    setDay(t, '2025-06-05');
    const supervisionOffice = await county.staff('supervision_office');
    expect(ids(await overview(supervisionOffice, 'warning=due_soon'))).toEqual([
      school.id,
      parking.id,
      roads.id,
    ]);
    await county.sendReply(
      assignments[parking.id] ?? '',
      county.units.housing.id,
      'B',
      '立体停车场已开工建设，预计年底前投入使用。',
      { receive: false },
    );
    setDay(t, '2025-06-21');
    const late = await overview(await county.staff('supervision_office'), 'overdue=true');
    expect(ids(late)).toEqual([school.id, roads.id]);
    expect(late.items[0]).toMatchObject({
      daysLeft: -1,
      overdue: true,
      warnings: expect.arrayContaining([{ code: 'overdue', text: '已超过答复期限' }]),
    });
    expect(ids(await overview(await county.staff('office_staff'), 'stage=replied'))).toEqual([parking.id]);

    for (const client of [
      await county.userClient(leaderA.username),
      await county.unitUser('unit_handler', county.units.education.id, 'handler'),
    ]) {
      const response = await client.request('GET', `/api/v1/supervision/overview?bodyId=${county.body.id}`);
      expect(response.statusCode).toBe(403);
    }
  });

  it('sends reminders to units that still owe a reply, with a notification and an audit entry', async () => {
    const supervisionOffice = await county.staff('supervision_office');
    const sent = await supervisionOffice.request('POST', `/api/v1/supervision/items/${school.id}/remind`, {
      note: '已超过答复期限，请于三日内答复代表。',
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toEqual({ reminded: 1 });
    const notices = await t.handle.db
      .selectFrom('notifications')
      .innerJoin('user_roles', 'user_roles.user_id', 'notifications.user_id')
      .select('user_roles.unit_id')
      .where('notifications.kind', '=', 'supervision.reminder')
      .execute();
    expect(new Set(notices.map((n) => n.unit_id))).toEqual(new Set([county.units.education.id]));
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'supervision.remind')
      .execute();
    expect(audit).toHaveLength(1);
    const detail = (await supervisionOffice.request('GET', `/api/v1/supervision/items/${school.id}`)).json();
    expect(detail.reminders).toMatchObject([
      { unitName: '县教育局', note: '已超过答复期限，请于三日内答复代表。' },
    ]);

    const replied = await supervisionOffice.request(
      'POST',
      `/api/v1/supervision/items/${parking.id}/remind`,
      {
        note: '请抓紧办理。',
      },
    );
    expect(replied.statusCode).toBe(409);
    const wrongUnit = await supervisionOffice.request(
      'POST',
      `/api/v1/supervision/items/${school.id}/remind`,
      {
        note: '请抓紧办理。',
        unitIds: [county.units.transport.id],
      },
    );
    expect(wrongUnit.statusCode).toBe(400);
    const unit = await county.unitUser('unit_handler', county.units.education.id, 'handler');
    const byUnit = await unit.request('POST', `/api/v1/supervision/items/${school.id}/remind`, {
      note: '请抓紧办理。',
    });
    expect(byUnit.statusCode).toBe(403);
    expect((await t.services.audit.verify()).ok).toBe(true);
  });
});
