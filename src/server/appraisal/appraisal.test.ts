import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { oversightCounty, setDay } from '../supervision/cases.fixture.js';
import { appraisalDefaults } from '../../shared/schemas/appraisal.js';
import type { AppraisalResult, UnitAppraisalDetail } from '../../shared/schemas/appraisal.js';
import { insertCase } from './appraisal.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof oversightCounty>>;
let office: Client;
const ids: Record<string, string> = {};

/*
 * Hand count, default settings (weights 30/20/25/10/15; deductions: late reply 2, overdue 4,
 * no contact 2, unsatisfied 5, basically 1, record unsigned 2, promise overdue 3, late 1),
 * appraisal day 2025-12-01, year 2025:
 *
 * 县教育局 (E)
 *   e1 on time, contact before, satisfied, record complete, promise kept on time  → nothing
 *   e2 replied 2025-06-25 after 06-20 (onTime −2), phone contact before (ok),
 *      unsatisfied (−5), record signed by the deputy only (−2), promise due 10-31 open (−3)
 *   e3 not replied, due 06-20                                        → onTime −4
 *   e4 re-handled: round 1 unsatisfied, round 2 satisfied (counted once, satisfied) → nothing
 *   e5 assigned 2024 and overdue                                      → outside year 2025
 *   E: onTime 30−6=24, contact 20, satisfaction 25−5=20, signatures 10−2=8, promises 15−3=12 → 84
 * 县住房和城乡建设局 (H)
 *   h1 on time, no contact (−2), basically satisfied (−1), record complete
 *   h2 withdrawn and overdue                                          → excluded
 *   h3 reassigned away and overdue                                    → excluded
 *   h4 extended to 09-20, replied 08-01 (on time), only an 'after' contact (−2),
 *      closed without feedback (not rated), no record at all (−2)
 *   H: 30, 20−4=16, 25−1=24, 10−2=8, 15 → 93
 * 县交通运输局 (T)
 *   co-unit on e1 (not appraised); 16 separate items replied late (16 × 2 = 32 > 30)
 *   T: onTime 0 (扣完为止), 20, 25, 10, 15 → 70
 * Ranking: H 93 (1), E 84 (2), T 70 (3).
 */
beforeAll(async () => {
  t = await createTestApp(new Date('2025-03-20T02:00:00Z'));
  county = await oversightCounty(t);
  const { education: e, housing: h, transport: tr } = county.units;
  const before = [{ stage: 'before' as const, method: 'face_to_face' as const, on: '2025-03-24' }];
  const complete = ['deputy', 'unit_leader', 'government_leader'] as const;
  ids.e1 = (
    await insertCase(t, county, '关于校车安全的建议', {
      unitId: e.id,
      repliedOn: '2025-06-10',
      status: 'closed',
      contacts: before,
      ratings: ['satisfied'],
      record: [...complete],
      promise: { targetOn: '2025-09-30', fulfilledOn: '2025-09-01' },
    })
  ).item.id;
  ids.e2 = (
    await insertCase(t, county, '关于学校食堂管理的建议', {
      unitId: e.id,
      repliedOn: '2025-06-25',
      status: 'closed',
      contacts: [{ stage: 'before', method: 'phone', on: '2025-04-01' }],
      ratings: ['unsatisfied'],
      record: ['deputy'],
      promise: { targetOn: '2025-10-31' },
    })
  ).item.id;
  ids.e3 = (await insertCase(t, county, '关于乡村教师待遇的建议', { unitId: e.id })).item.id;
  ids.e4 = (
    await insertCase(t, county, '关于课后服务的建议', {
      unitId: e.id,
      repliedOn: '2025-06-15',
      status: 'closed',
      contacts: before,
      ratings: ['unsatisfied', 'satisfied'],
      record: [...complete],
    })
  ).item.id;
  await insertCase(t, county, '关于幼儿园建设的建议', {
    unitId: e.id,
    assignedOn: '2024-03-20',
    dueOn: '2024-06-20',
  });
  ids.h1 = (
    await insertCase(t, county, '关于老旧小区改造的建议', {
      unitId: h.id,
      repliedOn: '2025-06-01',
      status: 'closed',
      ratings: ['basically_satisfied'],
      record: [...complete],
    })
  ).item.id;
  await insertCase(t, county, '关于物业管理的建议', { unitId: h.id, status: 'withdrawn' });
  await insertCase(t, county, '关于城区排水的建议', { unitId: h.id, assignmentStatus: 'reassigned' });
  ids.h4 = (
    await insertCase(t, county, '关于保障性住房的建议', {
      unitId: h.id,
      dueOn: '2025-09-20',
      repliedOn: '2025-08-01',
      status: 'closed',
      closeReason: 'no_feedback',
      contacts: [{ stage: 'after', method: 'face_to_face', on: '2025-08-10' }],
      record: 'none',
    })
  ).item.id;
  await insertCase(t, county, '关于校车线路的建议（协办）', { unitId: tr.id, role: 'co' });
  for (let i = 0; i < 16; i += 1)
    await insertCase(t, county, `关于公交线路调整的建议${i + 1}`, {
      unitId: tr.id,
      role: 'separate',
      repliedOn: '2025-07-01',
      status: 'replied',
      contacts: before,
    });
  setDay(t, '2025-12-01');
  office = await county.staff('office_staff');
});
afterAll(async () => t.close());

const rankingUrl = () => `/api/v1/stats/appraisal?bodyId=${county.body.id}&year=2025`;
const unitUrl = (unitId: string, extra = '&year=2025') =>
  `/api/v1/stats/appraisal/${unitId}?bodyId=${county.body.id}${extra}`;

describe('unit appraisal (七台河)', () => {
  it('scores and ranks the units as counted by hand', async () => {
    const response = await office.request('GET', rankingUrl());
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<AppraisalResult>();
    expect(result.scope).toMatchObject({ year: 2025, asOf: '2025-12-01', sessionId: null });
    const table = result.units.map((u) => [u.rank, u.unitName, u.score, u.criteria.map((c) => c.points)]);
    expect(table).toEqual([
      [1, '县住房和城乡建设局', 93, [30, 16, 24, 8, 15]],
      [2, '县教育局', 84, [24, 20, 20, 8, 12]],
      [3, '县交通运输局', 70, [0, 20, 25, 10, 15]],
    ]);
    const education = result.units.find((u) => u.unitName === '县教育局');
    // e1-e4 (e5 is 2024); satisfaction counts e4 once; promises e1 and e2.
    expect(education?.assignmentCount).toBe(4);
    expect(education?.criteria.map((c) => c.itemCount)).toEqual([4, 3, 3, 3, 2]);
    const transport = result.units.find((u) => u.unitName === '县交通运输局');
    expect(transport?.criteria[0]).toMatchObject({ deducted: 32, points: 0, deductionCount: 16 });
  });

  it('lists the deductions item by item: which suggestion, why, how many points', async () => {
    const response = await office.request('GET', unitUrl(county.units.education.id));
    expect(response.statusCode, response.body).toBe(200);
    const detail = response.json<UnitAppraisalDetail>();
    expect(detail.unit.score).toBe(84);
    expect(detail.deductions.map((d) => [d.criterion, d.suggestionId, d.points, d.reason])).toEqual([
      ['onTime', ids.e2, 2, '答复逾期 5 天（期限 2025-06-20，2025-06-25 答复）'],
      ['onTime', ids.e3, 4, '逾期未答复（期限 2025-06-20，已逾期 164 天）'],
      ['satisfaction', ids.e2, 5, '代表评价不满意'],
      ['signatures', ids.e2, 2, '全程纪实表签字不全（缺：承办单位负责人、政府分管领导）'],
      ['promises', ids.e2, 3, '承诺事项逾期未落实（承诺 2025-10-31 前完成：年内完成改造。）'],
    ]);
    expect(detail.deductions[0]?.title).toBe('关于学校食堂管理的建议');
    expect(detail.deductions[0]?.serialLabel).toMatch(/^第\d{4}号$/);

    const housing = (
      await office.request('GET', unitUrl(county.units.housing.id))
    ).json<UnitAppraisalDetail>();
    expect(housing.deductions.map((d) => [d.criterion, d.suggestionId, d.reason])).toEqual([
      ['contact', ids.h1, '答复前未与代表联系沟通'],
      ['contact', ids.h4, '答复前未与代表联系沟通'],
      ['satisfaction', ids.h1, '代表评价基本满意'],
      ['signatures', ids.h4, '全程纪实表签字不全（缺：领衔代表、承办单位负责人、政府分管领导）'],
    ]);
  });

  it('by session includes the 2024 assignment of the same session', async () => {
    const detail = (
      await office.request('GET', unitUrl(county.units.education.id, `&sessionId=${county.session.id}`))
    ).json<UnitAppraisalDetail>();
    expect(detail.scope.sessionName).toBe(county.session.name);
    // e5 overdue: another 4 points off on-time → 84 − 4.
    expect(detail.unit.score).toBe(80);
  });

  it('shows a unit user only their own unit, and hides which item a back-to-back rating came from', async () => {
    const handler = await county.unitUser('unit_handler', county.units.education.id, 'handler');
    const ranking = (await handler.request('GET', rankingUrl())).json<AppraisalResult>();
    expect(ranking.units.map((u) => [u.unitName, u.rank])).toEqual([['县教育局', 2]]);
    const other = await handler.request('GET', unitUrl(county.units.housing.id));
    expect(other.statusCode).toBe(404);
    const own = (
      await handler.request('GET', unitUrl(county.units.education.id))
    ).json<UnitAppraisalDetail>();
    const satisfaction = own.deductions.filter((d) => d.criterion === 'satisfaction');
    expect(satisfaction).toHaveLength(1);
    expect(satisfaction[0]).toMatchObject({ suggestionId: null, title: null, points: 5 });
    expect(own.deductions.find((d) => d.criterion === 'onTime')?.suggestionId).toBe(ids.e2);
    // The government's performance export is for congress staff only.
    expect(
      (await handler.request('GET', `/api/v1/stats/appraisal.xlsx?bodyId=${county.body.id}`)).statusCode,
    ).toBe(403);
    const deputy = await county.userClient(county.deputies[1]?.username ?? '');
    expect((await deputy.request('GET', rankingUrl())).statusCode).toBe(403);
  });

  it('keeps weights summing to 100 and rescores with the office’s settings', async () => {
    const url = `/api/v1/stats/appraisal/settings?bodyId=${county.body.id}`;
    const initial = await office.request('GET', url);
    expect(initial.json()).toMatchObject({ source: 'default', settings: appraisalDefaults });
    const bad = await office.request('PUT', url, {
      ...appraisalDefaults,
      onTime: { ...appraisalDefaults.onTime, weight: 35 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('权重之和须为 100');
    const handler = await county.unitUser('unit_leader', county.units.education.id, 'leader');
    expect((await handler.request('PUT', url, appraisalDefaults)).statusCode).toBe(403);
    // Satisfaction weighs 35, signatures 0; an unsatisfied item now costs 10.
    const next = {
      ...appraisalDefaults,
      satisfaction: { weight: 35, unsatisfied: 10, basicallySatisfied: 1 },
      signatures: { weight: 0, incompleteRecord: 2 },
    };
    const saved = await office.request('PUT', url, next);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ source: 'own' });
    const result = (await office.request('GET', rankingUrl())).json<AppraisalResult>();
    // E: 24 + 20 + (35 − 10) + 0 + 12 = 81; H: 30 + 16 + 34 + 0 + 15 = 95; T: 0 + 20 + 35 + 0 + 15 = 70.
    expect(result.units.map((u) => [u.unitName, u.score])).toEqual([
      ['县住房和城乡建设局', 95],
      ['县教育局', 81],
      ['县交通运输局', 70],
    ]);
    await office.request('PUT', url, appraisalDefaults);
  });

  it('exports the ranking and every deduction to Excel', async () => {
    const response = await office.request(
      'GET',
      `/api/v1/stats/appraisal.xlsx?bodyId=${county.body.id}&year=2025`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const ranking = workbook.getWorksheet('考评得分');
    expect(ranking?.getRow(3).values).toEqual([undefined, 1, '县住房和城乡建设局', 93, 2, 30, 16, 24, 8, 15]);
    const items = workbook.getWorksheet('扣分明细');
    // E 5 + H 4 + T 16, plus the header row.
    expect(items?.rowCount).toBe(1 + 5 + 4 + 16);
  });
});
