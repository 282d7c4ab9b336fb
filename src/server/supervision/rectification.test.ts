import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import type { UnitRow } from '../db/schema.js';
import { tenthsOfPercent } from '../followups/percent.js';
import { oversightCounty, setDay } from './cases.fixture.js';
import { belowThreshold } from './rectification.service.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof oversightCounty>>;
let water: UnitRow;

interface UnitRate {
  unitName: string;
  valid: number;
  rate: number | null;
  strictRate: number | null;
  belowThreshold: boolean;
  rectificationId: string | null;
}

async function satisfaction(year = 2025): Promise<{ thresholdPercent: number; units: UnitRate[] }> {
  const office = await county.staff('office_staff');
  const response = await office.request(
    'GET',
    `/api/v1/supervision/satisfaction?bodyId=${county.body.id}&year=${year}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const byName = (units: UnitRate[], name: string) => units.find((u) => u.unitName === name);

beforeAll(async () => {
  t = await createTestApp(new Date('2026-01-05T02:00:00Z'));
  county = await oversightCounty(t);
  const { education, housing, transport } = county.units;
  water = await county.make.unit({ body: county.body, name: '县水利局' });
  const closedIn2025 = '2025-09-01T02:00:00Z';
  // Education: 4 of 5 satisfied or basically satisfied = 80.0 %, exactly the threshold.
  for (const result of [
    'satisfied',
    'satisfied',
    'basically_satisfied',
    'basically_satisfied',
    'unsatisfied',
  ] as const)
    await county.closedItem(education.id, result, closedIn2025);
  // Housing: 3 of 4 = 75.0 %, below. One closed at 00:30 Beijing time on 1 January 2025 counts for 2025.
  for (const result of ['satisfied', 'satisfied', 'unsatisfied'] as const)
    await county.closedItem(housing.id, result, closedIn2025);
  await county.closedItem(housing.id, 'basically_satisfied', '2024-12-31T16:30:00Z');
  // Closed at 23:30 Beijing time on 31 December 2024: a 2024 item, not counted.
  await county.closedItem(housing.id, 'unsatisfied', '2024-12-31T15:30:00Z');
  // Transport: two good ratings; two items without feedback are left out of the rate.
  for (const result of ['satisfied', 'basically_satisfied', 'no_feedback', 'no_feedback'] as const)
    await county.closedItem(transport.id, result, closedIn2025);
  // Water: only a co-handling unit on an unsatisfied item; co units are not rated.
  await county.closedItem(water.id, 'unsatisfied', closedIn2025, 'co');
});
afterAll(async () => t.close());

describe('satisfaction per unit', () => {
  it('counts closed items with a lead rating, by the closing year in Beijing time', async () => {
    const result = await satisfaction();
    expect(result.thresholdPercent).toBe(80);
    expect(byName(result.units, '县教育局')).toMatchObject({
      valid: 5,
      rate: 80,
      strictRate: 40,
      belowThreshold: false,
    });
    expect(byName(result.units, '县住房和城乡建设局')).toMatchObject({
      valid: 4,
      rate: 75,
      strictRate: 50,
      belowThreshold: true,
    });
    expect(byName(result.units, '县交通运输局')).toMatchObject({
      valid: 2,
      rate: 100,
      belowThreshold: false,
    });
    expect(byName(result.units, '县水利局')).toBeUndefined();
    expect(byName((await satisfaction(2024)).units, '县住房和城乡建设局')).toMatchObject({
      valid: 1,
      rate: 0,
    });
  });

  it('compares the published one-decimal rate with the threshold: 80.0 % is not below 80 %', () => {
    expect(belowThreshold(tenthsOfPercent(4, 5), 80)).toBe(false);
    expect(belowThreshold(tenthsOfPercent(799, 1000), 80)).toBe(true);
    // 79.96 % is published as 80.0 %: not below.
    expect(belowThreshold(tenthsOfPercent(7996, 10000), 80)).toBe(false);
    expect(belowThreshold(tenthsOfPercent(7994, 10000), 80)).toBe(true);
    expect(belowThreshold(tenthsOfPercent(3, 4), 75)).toBe(false);
    expect(belowThreshold(null, 80)).toBe(false);
  });

  it('is readable by the supervision office, not by units', async () => {
    const supervisionOffice = await county.staff('supervision_office');
    const url = `/api/v1/supervision/satisfaction?bodyId=${county.body.id}&year=2025`;
    expect((await supervisionOffice.request('GET', url)).statusCode).toBe(200);
    const unit = await county.unitUser('unit_handler', county.units.housing.id, 'handler');
    expect((await unit.request('GET', url)).statusCode).toBe(403);
  });
});

describe('rectification tasks', () => {
  let taskId = '';

  it('are set by the office for units below the threshold, due in one month, once per year', async () => {
    const supervisionOffice = await county.staff('supervision_office');
    const refused = await supervisionOffice.request('POST', '/api/v1/supervision/rectifications', {
      bodyId: county.body.id,
      year: 2025,
    });
    expect(refused.statusCode).toBe(403);
    const office = await county.staff('office_staff');
    const created = await office.request('POST', '/api/v1/supervision/rectifications', {
      bodyId: county.body.id,
      year: 2025,
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body.existing).toBe(0);
    expect(body.created).toHaveLength(1);
    expect(body.created[0]).toMatchObject({
      unitName: '县住房和城乡建设局',
      year: 2025,
      valid: 4,
      satisfiedCount: 3,
      rate: 75,
      thresholdPercent: 80,
      dueOn: '2026-02-05',
      status: 'open',
      overdue: false,
      allowedActions: [],
    });
    taskId = body.created[0].id;
    const again = (
      await office.request('POST', '/api/v1/supervision/rectifications', {
        bodyId: county.body.id,
        year: 2025,
      })
    ).json();
    expect(again).toEqual({ created: [], existing: 1 });
    expect(byName((await satisfaction()).units, '县住房和城乡建设局')?.rectificationId).toBe(taskId);
    const notices = await t.handle.db
      .selectFrom('notifications')
      .select('title')
      .where('kind', '=', 'rectification.created')
      .execute();
    expect(notices.length).toBeGreaterThan(0);
  });

  it('follow the threshold of the rule profile (75 %: 75.0 % is not below)', async () => {
    await county.setProfile({ satisfactionThresholdPercent: 75 });
    try {
      expect(byName((await satisfaction()).units, '县住房和城乡建设局')?.belowThreshold).toBe(false);
    } finally {
      await county.setProfile({});
    }
  });

  it('go open → submitted (report and explanation) → returned → submitted → accepted', async () => {
    const housing = await county.unitUser('unit_handler', county.units.housing.id, 'handler');
    const education = await county.unitUser('unit_handler', county.units.education.id, 'handler');
    const office = await county.staff('office_staff');
    const list = (
      await housing.request('GET', `/api/v1/supervision/rectifications?bodyId=${county.body.id}`)
    ).json();
    expect(list.map((r: { id: string }) => r.id)).toEqual([taskId]);
    expect(list[0].allowedActions).toEqual(['submit']);
    expect((await education.request('GET', `/api/v1/supervision/rectifications/${taskId}`)).statusCode).toBe(
      404,
    );
    const act = (client: typeof office, action: string, body: Record<string, unknown>) =>
      client.request('POST', `/api/v1/supervision/rectifications/${taskId}/actions/${action}`, body);
    const report = {
      reportText: '针对满意率偏低的问题，我局逐件回访代表，完善了办理流程。',
      explanation: '个别建议涉及资金缺口较大，未能在年内解决，已列入明年计划。',
    };
    expect((await act(office, 'submit', report)).statusCode).toBe(403);
    expect((await act(housing, 'accept', {})).statusCode).toBe(409);
    const tooShort = await act(housing, 'submit', { reportText: '已整改', explanation: '无' });
    expect(tooShort.statusCode).toBe(400);
    const submitted = await act(housing, 'submit', report);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', ...report });
    expect((await act(housing, 'accept', {})).statusCode).toBe(403);
    expect((await act(office, 'return', { note: '请补充逐件回访情况。' })).json()).toMatchObject({
      status: 'open',
      reviewNote: '请补充逐件回访情况。',
    });
    expect((await act(housing, 'submit', report)).json().status).toBe('submitted');
    const accepted = await act(office, 'accept', { note: '整改到位' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', reviewNote: '整改到位', allowedActions: [] });
    const actions = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', taskId)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'rectification.create',
      'rectification.submit',
      'rectification.return',
      'rectification.submit',
      'rectification.accept',
    ]);
    setDay(t, '2026-02-06');
    const later = await county.staff('office_staff');
    expect((await later.request('GET', `/api/v1/supervision/rectifications/${taskId}`)).json().overdue).toBe(
      false,
    );
    expect((await t.services.audit.verify()).ok).toBe(true);
  });
});
