import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { testPassword } from '../testing/factories.js';
import type { DrillPage, IndicatorTable, PublicStats } from '../../shared/schemas/stats.js';
import { statsCounty } from './stats.fixture.js';

/*
 * Hand-counted fixture (today 2025-07-10; assigned 2025-03-20, reply due 2025-06-20 unless noted).
 *
 * item  body     units (class, reply day)            state / rating                 counts for
 * I1    county   E lead A 05-10, f2f contact          closed, satisfied              replied, on time, f2f, sat, A
 * I2    county   E lead B 06-25 (late), promise done  closed, basically satisfied    replied, late, inclusive, B, undisclosed
 * I3    county   H lead B 07-01, extended to 08-20,   closed without feedback        replied, on time (extension), no feedback
 *                promise open
 * I4    county   H lead C 05-01 → re-handled, A 07-05 round 1 unsatisfied,          replied once, on time, sat, A
 *                (due 08-01 after reopening)          round 2 satisfied
 * I5    county   E lead                               withdrawn after assignment     left out of everything
 * I6    county   E lead, phone contact only           handling                       overdue
 * I7    county   H lead, assigned 04-20 due 07-20,     handling                       warning (from 07-01)
 *                meeting (face to face)
 * I8    county   —                                    merged into I1 (never assigned) not counted
 * I9    township W lead A 05-20, reply says f2f       closed, satisfied              replied, on time, f2f, sat, A
 * I10   county   E separate A 05-15, H separate B 06-10 replied, not yet rated      replied, on time, A+B only
 *
 * County with township:  assigned 9, withdrawn 1, total 8, replied 6, on time 5, f2f 3 (I1 I7 I9),
 *   valid feedback 4 (I1 I2 I4 I9), no feedback 1, satisfied 3, sat+basic 4, unsatisfied 0,
 *   A 3 (I1 I4 I9), A+B 6, promises 2 / fulfilled 1, overdue 1, warnings 1,
 *   reply days 51+97+103+107+61+82 = 501 → 83.5.
 *   办结率 6/8 75.0 · 按时 5/8 62.5 · 面商 3/8 37.5 · 满意 3/4 75.0 · 含基本 4/4 100.0 ·
 *   解决 3/6 50.0 · 解决和计划 6/6 100.0 · 落实 1/2 50.0
 * County alone: total 7, replied 5, on time 4 → 57.1, 办结率 71.4, f2f 2 → 28.6, 满意 2/3 66.7.
 * By unit: E assigned 5 (I1 I2 I5 I6 I10), total 4, replied 3, on time 2, f2f 1, feedback 2,
 *   satisfied 1, A 2 (I1, I10), A+B 3, promises 1/1, overdue 1.
 *   H: total 4 (I3 I4 I7 I10), replied 3, on time 3, f2f 1, feedback 1, satisfied 1, A 1,
 *   A+B 3, promises 1/0, warnings 1. W: total 1, everything 1.
 *   All units pooled (a unit user's average): total 9, replied 7 → 77.8.
 * Public (I2 undisclosed), publishing 办结率 and 满意率: total 7, replied 5 → 71.4; feedback 3,
 *   satisfied 3 → 100.0.
 */
describe('statistics: indicators against a hand-counted fixture', () => {
  let t: TestApp;
  let c: Awaited<ReturnType<typeof statsCounty>>;
  let office: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    c = await statsCounty(t);
    const { education: E, housing: H } = c.units;
    const W = c.townUnit;
    ids.I1 = await c.item({
      title: '关于学校周边交通安全的建议',
      status: 'closed',
      units: [
        { unitId: E.id, replies: [{ round: 1, on: '2025-05-10', outcome: 'A' }], contact: 'face_to_face' },
      ],
      ratings: [{ round: 1, result: 'satisfied' }],
    });
    ids.I2 = await c.item({
      title: '关于增加学位供给的建议',
      status: 'closed',
      disclose: false,
      units: [
        { unitId: E.id, replies: [{ round: 1, on: '2025-06-25', outcome: 'B' }], promise: 'fulfilled' },
      ],
      ratings: [{ round: 1, result: 'basically_satisfied' }],
    });
    ids.I3 = await c.item({
      title: '关于老旧小区改造的建议',
      status: 'closed',
      closeReason: 'no_feedback',
      units: [
        {
          unitId: H.id,
          extendedTo: '2025-08-20',
          replies: [{ round: 1, on: '2025-07-01', outcome: 'B' }],
          promise: 'open',
        },
      ],
    });
    ids.I4 = await c.item({
      title: '关于治理违章建筑的建议',
      status: 'closed',
      round: 2,
      units: [
        {
          unitId: H.id,
          dueOn: '2025-08-01',
          replies: [
            { round: 1, on: '2025-05-01', outcome: 'C' },
            { round: 2, on: '2025-07-05', outcome: 'A' },
          ],
        },
      ],
      ratings: [
        { round: 1, result: 'unsatisfied' },
        { round: 2, result: 'satisfied' },
      ],
    });
    ids.I5 = await c.item({ title: '关于已撤回事项的建议', status: 'withdrawn', units: [{ unitId: E.id }] });
    ids.I6 = await c.item({
      title: '关于校车配备的建议',
      status: 'handling',
      units: [{ unitId: E.id, contact: 'phone' }],
    });
    ids.I7 = await c.item({
      title: '关于物业管理的建议',
      status: 'handling',
      assignedOn: '2025-04-20',
      units: [{ unitId: H.id, dueOn: '2025-07-20', contact: 'meeting' }],
    });
    ids.I8 = await c.item({
      title: '关于学校周边交通的建议（并案）',
      status: 'merged',
      mergedIntoId: ids.I1,
      assignedOn: null,
      units: [],
    });
    ids.I9 = await c.item({
      title: '关于集镇道路硬化的建议',
      status: 'closed',
      bodyId: c.township.id,
      units: [{ unitId: W.id, replies: [{ round: 1, on: '2025-05-20', outcome: 'A', faceToFace: true }] }],
      ratings: [{ round: 1, result: 'satisfied' }],
    });
    ids.I10 = await c.item({
      title: '关于城乡公交和校车衔接的建议',
      status: 'replied',
      units: [
        { unitId: E.id, role: 'separate', replies: [{ round: 1, on: '2025-05-15', outcome: 'A' }] },
        { unitId: H.id, role: 'separate', replies: [{ round: 1, on: '2025-06-10', outcome: 'B' }] },
      ],
    });
    t.clock.set(new Date('2025-07-10T02:00:00Z'));
    const account = await c.make.user({ roles: [{ role: 'office_staff', bodyId: c.body.id }] });
    office = await signIn(t.app, account.username, testPassword);
  });
  afterAll(async () => t?.close());

  const get = async (client: Client, url: string, status = 200) => {
    const response = await client.request('GET', url);
    expect(response.statusCode, response.body).toBe(status);
    return response;
  };
  const table = async (client: Client, query: string) =>
    (await get(client, `/api/v1/stats/indicators?bodyId=${c.body.id}&${query}`)).json() as IndicatorTable;
  const values = (set: IndicatorTable['totals']['indicators']) =>
    Object.fromEntries(
      Object.entries(set.rates).map(([k, r]) => [k, `${r.numerator}/${r.denominator}=${r.value}`]),
    );

  it('counts the county with its township by the formulas of DOMAIN §5', async () => {
    const result = await table(office, 'groupBy=none');
    expect(values(result.totals.indicators)).toEqual({
      closure: '6/8=75',
      onTime: '5/8=62.5',
      faceToFace: '3/8=37.5',
      satisfiedStrict: '3/4=75',
      satisfiedInclusive: '4/4=100',
      solved: '3/6=50',
      solvedOrPlanned: '6/6=100',
      fulfilment: '1/2=50',
    });
    expect(result.totals.indicators.counts).toMatchObject({
      assigned: 9,
      withdrawn: 1,
      total: 8,
      noFeedback: 1,
      unsatisfied: 0,
      overdue: 1,
      warnings: 1,
    });
    expect(result.totals.indicators.averageDaysToReply).toBe(83.5);
    expect(result.asOf).toBe('2025-07-10');
  });

  it('leaves the township out when lower levels are not included, and rolls it up by body', async () => {
    const own = await table(office, 'includeLowerLevels=false');
    expect(values(own.totals.indicators)).toMatchObject({
      closure: '5/7=71.4',
      onTime: '4/7=57.1',
      faceToFace: '2/7=28.6',
      satisfiedStrict: '2/3=66.7',
    });
    const byBody = await table(office, 'groupBy=body');
    expect(byBody.rows.map((r) => [r.label, r.indicators.counts.total, r.indicators.counts.replied])).toEqual(
      [
        [`${c.body.name}（本级）`, 7, 5],
        ['城关镇人大', 1, 1],
      ],
    );
    // The township's own table is its row of the county's.
    const town = (
      await get(office, `/api/v1/stats/indicators?bodyId=${c.township.id}`)
    ).json() as IndicatorTable;
    expect(town.totals.indicators.counts.total).toBe(1);
  });

  it('counts each replying unit by its own reply', async () => {
    const byUnit = await table(office, 'groupBy=unit');
    const row = (id: string) => byUnit.rows.find((r) => r.key === id)?.indicators;
    expect(row(c.units.education.id)?.counts).toMatchObject({
      assigned: 5,
      total: 4,
      replied: 3,
      onTime: 2,
      faceToFace: 1,
      validFeedback: 2,
      satisfied: 1,
      solved: 2,
      solvedOrPlanned: 3,
      promises: 1,
      promisesFulfilled: 1,
      overdue: 1,
      warnings: 0,
    });
    expect(row(c.units.housing.id)?.counts).toMatchObject({
      total: 4,
      replied: 3,
      onTime: 3,
      faceToFace: 1,
      validFeedback: 1,
      noFeedback: 1,
      solved: 1,
      solvedOrPlanned: 3,
      promises: 1,
      promisesFulfilled: 0,
      warnings: 1,
    });
    expect(row(c.townUnit.id)?.rates.closure.value).toBe(100);
    // The totals row counts each item once, not once per unit.
    expect(byUnit.totals.indicators.counts.total).toBe(8);
    const bySession = await table(office, 'groupBy=session');
    expect(bySession.rows.map((r) => [r.key, r.indicators.counts.total])).toEqual([[c.session.id, 8]]);
    const byCategory = await table(office, 'groupBy=category');
    expect(byCategory.rows.map((r) => [r.label, r.indicators.rates.closure.value])).toEqual([
      [c.category.name, 75],
    ]);
    const byYear = await table(office, 'groupBy=year');
    expect(byYear.rows.map((r) => [r.label, r.indicators.counts.total])).toEqual([['2025年', 8]]);
  });

  it('drills a cell down to the items behind it', async () => {
    const drill = async (query: string) =>
      (
        (
          await get(office, `/api/v1/stats/indicators/drill?bodyId=${c.body.id}&pageSize=50&${query}`)
        ).json() as DrillPage
      ).items
        .map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0])
        .sort();
    expect(await drill('indicator=closure&part=numerator')).toEqual(['I1', 'I10', 'I2', 'I3', 'I4', 'I9']);
    expect(await drill('indicator=closure&part=denominator')).toEqual(
      ['I1', 'I10', 'I2', 'I3', 'I4', 'I6', 'I7', 'I9'].sort(),
    );
    expect(await drill('indicator=overdue')).toEqual(['I6']);
    expect(await drill('indicator=warnings')).toEqual(['I7']);
    expect(await drill('indicator=satisfiedStrict&part=denominator')).toEqual(['I1', 'I2', 'I4', 'I9']);
    expect(await drill(`indicator=onTime&groupBy=unit&rowKey=${c.units.housing.id}`)).toEqual([
      'I10',
      'I3',
      'I4',
    ]);
    expect(
      await drill(`indicator=closure&groupBy=body&rowKey=${encodeURIComponent(c.township.path)}`),
    ).toEqual(['I9']);
  });

  it('shows a unit user only its own unit and the average over all units', async () => {
    const handler = await c.unitUser(c.units.education.id);
    const result = await table(handler, 'groupBy=unit');
    expect(result.rows.map((r) => r.key)).toEqual([c.units.education.id]);
    expect(result.totals.indicators.counts.total).toBe(4);
    expect(result.unitAverage?.rates.closure).toEqual({ numerator: 7, denominator: 9, value: 77.8 });
    const text = JSON.stringify(result);
    expect(text).not.toContain(c.units.housing.id);
    expect(text).not.toContain(c.units.housing.name);
    await get(handler, `/api/v1/stats/indicators?bodyId=${c.body.id}&unitId=${c.units.housing.id}`, 404);
    await get(
      handler,
      `/api/v1/stats/indicators/drill?bodyId=${c.body.id}&indicator=closure&groupBy=unit&rowKey=${c.units.housing.id}`,
      404,
    );
    const dashboard = (await get(handler, '/api/v1/stats/dashboard/unit?year=2025')).json() as {
      own: IndicatorTable['totals']['indicators'];
      average: IndicatorTable['totals']['indicators'];
    };
    // The unit's own body only (the township's unit is not part of the county's average).
    expect(dashboard.own.counts.total).toBe(4);
    expect(dashboard.average.counts.total).toBe(8);
    await get(handler, `/api/v1/stats/dashboard/office?bodyId=${c.body.id}`, 404);
  });

  it('shows the public only published indicators over disclosed items', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/v1/public/stats' })).json() as PublicStats;
    expect(before.bodies).toEqual([]);
    const put = await office.request('PUT', `/api/v1/stats/publication/${c.body.id}`, {
      indicators: ['satisfiedStrict', 'closure'],
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/public/stats' })).json() as PublicStats;
    expect(after.bodies).toHaveLength(1);
    expect(after.bodies[0]?.indicators.map((i) => [i.key, i.numerator, i.denominator, i.value])).toEqual([
      ['closure', 5, 7, 71.4],
      ['satisfiedStrict', 3, 3, 100],
    ]);
    const handler = await c.unitUser(c.units.housing.id);
    const refused = await handler.request('PUT', `/api/v1/stats/publication/${c.body.id}`, {
      indicators: [],
    });
    // Bodies are not secret (the portal lists them), so this is a plain refusal.
    expect(refused.statusCode).toBe(403);
  });

  it('builds the office and leader dashboards and the Excel table', async () => {
    const office2025 = (
      await get(office, `/api/v1/stats/dashboard/office?bodyId=${c.body.id}&year=2025`)
    ).json() as {
      pipeline: { status: string; count: number }[];
      deadlines: { overdue: number; warnings: number; byUnit: { unitName: string; overdue: number }[] };
      lastYear: { counts: { total: number } };
      unitsRanked: { label: string }[];
    };
    expect(office2025.pipeline.find((p) => p.status === 'handling')?.count).toBe(2);
    expect(office2025.deadlines).toMatchObject({ overdue: 1, warnings: 1 });
    expect(office2025.deadlines.byUnit).toEqual([
      expect.objectContaining({ unitName: '县教育局', overdue: 1 }),
    ]);
    expect(office2025.lastYear.counts.total).toBe(0);
    expect(office2025.unitsRanked.map((u) => u.label)).toEqual([
      '城关镇政府',
      '县住房和城乡建设局',
      '县教育局',
    ]);
    const xlsx = await get(office, `/api/v1/stats/indicators.xlsx?bodyId=${c.body.id}&groupBy=unit`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
