import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import { actorOfUser, stationCounty } from './stations.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof stationCounty>>;

beforeAll(async () => {
  // 2025-03-20 10:00 in Beijing: before the year's reception days we check.
  t = await createTestApp(new Date('2025-01-02T02:00:00Z'));
  county = await stationCounty(t.services, t.app);
});
afterAll(async () => t.close());

/**
 * The 20th of each month of 2026, worked out by hand from the State Council's arrangement
 * (国办发明电〔2025〕7号) rather than with the code under test: weekends and holidays move to the next
 * working day; a make-up working day (调休上班) stays.
 */
const twentiethsOf2026 = [
  '2026-01-20', // Tuesday
  '2026-02-24', // Friday the 20th is in the Spring Festival holiday (15th-23rd) → Tuesday the 24th
  '2026-03-20', // Friday
  '2026-04-20', // Monday
  '2026-05-20', // Wednesday
  '2026-06-22', // Saturday the 20th, Dragon Boat holiday (19th-21st) → Monday the 22nd
  '2026-07-20', // Monday
  '2026-08-20', // Thursday
  '2026-09-20', // Sunday, but a make-up working day before National Day → stays
  '2026-10-20', // Tuesday
  '2026-11-20', // Friday
  '2026-12-21', // Sunday the 20th → Monday the 21st
];

/** The 20th of each month of 2025 (东宝: reception on the 20th, moved off rest days). */
const twentiethsOf2025 = [
  '2025-01-20', // Monday
  '2025-02-20', // Thursday
  '2025-03-20', // Thursday
  '2025-04-21', // Sunday the 20th → Monday
  '2025-05-20', // Tuesday
  '2025-06-20', // Friday
  '2025-07-21', // Sunday the 20th → Monday
  '2025-08-20', // Wednesday
  '2025-09-22', // Saturday the 20th → Monday the 22nd
  '2025-10-20', // Monday (National Day holiday ended on the 8th)
  '2025-11-20', // Thursday
  '2025-12-22', // Saturday the 20th → Monday the 22nd
];

describe('reception days from the rule', () => {
  it('gives 38 stations the 20th of every month of 2026, holidays moved, make-up days kept', async () => {
    const { countyOffice, township, townOffice, townDeputies } = county;
    const body = await county.make.body({ level: 'township', parent: county.county, name: '东宝样例镇' });
    const term = await county.make.term({ body, number: 18 });
    const admin = await actorOfUser(t.services, countyOffice.user.id);
    const stationIds: string[] = [];
    for (let i = 0; i < 38; i += 1) {
      // Three deputies of their own per station (编组进站), rotating two a day.
      const deputies = [];
      for (let k = 0; k < 3; k += 1)
        deputies.push((await county.make.deputy({ term, name: `轮值代表${i}-${k}` })).deputy);
      const station = await t.services.stations.create(admin, {
        bodyId: body.id,
        name: `家站${String(i + 1).padStart(2, '0')}`,
        kind: i === 0 ? 'home' : 'station',
        level: 'village',
        address: `样例镇第${i + 1}村`,
      });
      await t.services.stations.setDeputies(
        admin,
        station.id,
        deputies.map((d) => d.id),
      );
      stationIds.push(station.id);
    }
    await t.services.receptionRules.putBodySettings(admin, body.id, {
      labelScheme: 'demonstration',
      rule: {
        kind: 'day_of_month',
        dayOfMonth: 20,
        restDayRule: 'next_working_day',
        startTime: '09:00',
        endTime: '12:00',
        deputiesPerDay: 2,
        slotMinutes: 30,
      },
    });
    const generated = await countyOffice.client.request('POST', '/api/v1/stations/roster/generate', {
      bodyId: body.id,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(generated.statusCode).toBe(200);
    expect(generated.json()).toMatchObject({ stations: 38, days: 38 * 12, duties: 38 * 12 * 2, skipped: [] });

    const rows = await t.services.handle.db
      .selectFrom('reception_days')
      .select(['station_id', 'date'])
      .where('station_id', 'in', stationIds)
      .orderBy('date')
      .execute();
    for (const stationId of stationIds)
      expect(rows.filter((r) => r.station_id === stationId).map((r) => r.date)).toEqual(twentiethsOf2026);

    // Rotation: 3 deputies, 2 a day: 0+1, 2+0, 1+2, …
    const roster = (
      await countyOffice.client.request(
        'GET',
        `/api/v1/stations/${stationIds[5]}/roster?from=2026-01-01&to=2026-03-31`,
      )
    ).json();
    expect(
      roster.map((d: { duties: { deputyName: string }[] }) => d.duties.map((x) => x.deputyName)),
    ).toEqual([
      ['轮值代表5-0', '轮值代表5-1'],
      ['轮值代表5-2', '轮值代表5-0'],
      ['轮值代表5-1', '轮值代表5-2'],
    ]);

    // Generating again adds nothing: existing days are kept as they are.
    const again = await countyOffice.client.request('POST', '/api/v1/stations/roster/generate', {
      bodyId: body.id,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(again.json()).toMatchObject({ days: 0, duties: 0 });
    // Another township's office may not generate this body's roster.
    const foreign = await townOffice.client.request('POST', '/api/v1/stations/roster/generate', {
      bodyId: body.id,
      from: '2027-01-01',
      to: '2027-01-31',
    });
    expect(foreign.statusCode).toBe(403);
    expect(township.id).not.toBe(body.id);
    expect(townDeputies).toHaveLength(3);
  });

  it('follows the 2025 calendar and an administrator’s extra holiday', async () => {
    const { townOffice, station, township, countyOffice } = county;
    const admin = await actorOfUser(
      t.services,
      (await county.make.user({ roles: [{ role: 'admin', bodyId: county.county.id }] })).id,
    );
    // An extra local holiday on Friday 2025-06-20 moves that month's day to Monday the 23rd.
    await t.services.calendar.putOverride(admin, '2025-06-20', {
      kind: 'holiday',
      note: '地方性假日（测试）',
    });
    const generated = await townOffice.client.request('POST', '/api/v1/stations/roster/generate', {
      bodyId: township.id,
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(generated.statusCode).toBe(200);
    const days = (
      await countyOffice.client.request(
        'GET',
        `/api/v1/stations/${station.id}/roster?from=2025-01-01&to=2025-12-31`,
      )
    ).json();
    expect(days.map((d: { date: string }) => d.date)).toEqual(
      twentiethsOf2025.map((date) => (date === '2025-06-20' ? '2025-06-23' : date)),
    );
    expect(days[0]).toMatchObject({ startTime: '09:00', endTime: '12:00', weekday: 1, source: 'rule' });
  });

  it('supports the n-th weekday, moving it off a holiday', async () => {
    const { townOffice, station } = county;
    const rule = await townOffice.client.request('PUT', `/api/v1/stations/${station.id}/reception-rule`, {
      kind: 'nth_weekday',
      weekNumber: 1,
      weekday: 3,
      startTime: '14:00',
      endTime: '17:00',
    });
    expect(rule.statusCode).toBe(200);
    expect(rule.json()).toMatchObject({
      source: 'station',
      description: expect.stringContaining('第1个星期三'),
    });
    const bad = await townOffice.client.request('PUT', `/api/v1/stations/${station.id}/reception-rule`, {
      kind: 'nth_weekday',
      weekday: 3,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('weekNumber');
    const generated = await townOffice.client.request('POST', '/api/v1/stations/roster/generate', {
      bodyId: county.township.id,
      stationIds: [station.id],
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(generated.statusCode).toBe(200);
    const days = (
      await townOffice.client.request(
        'GET',
        `/api/v1/stations/${station.id}/roster?from=2026-09-01&to=2026-11-30`,
      )
    ).json();
    // First Wednesdays: 2026-09-02; 2026-10-07 is the last day of the National Day holiday
    // (1st-7th) → Thursday the 8th; 2026-11-04.
    expect(days.map((d: { date: string }) => d.date)).toEqual(['2026-09-02', '2026-10-08', '2026-11-04']);
    // Removing the station's own rule falls back to the body's (here: the rule profile's 20th).
    const removed = await townOffice.client.request(
      'DELETE',
      `/api/v1/stations/${station.id}/reception-rule`,
    );
    expect(removed.json()).toMatchObject({ source: 'default', dayOfMonth: 20 });
  });

  it('never puts one deputy on duty at two stations on the same day', async () => {
    const { countyOffice } = county;
    const admin = await actorOfUser(t.services, countyOffice.user.id);
    const body = await county.make.body({ level: 'township', parent: county.county, name: '两站镇' });
    const term = await county.make.term({ body, number: 18 });
    const deputies = [];
    for (let i = 0; i < 3; i += 1)
      deputies.push((await county.make.deputy({ term, name: `两站代表${i}` })).deputy);
    for (const name of ['甲站', '乙站']) {
      const station = await t.services.stations.create(admin, {
        bodyId: body.id,
        name,
        kind: 'point',
        level: 'village',
        address: name,
      });
      await t.services.stations.setDeputies(
        admin,
        station.id,
        deputies.map((d) => d.id),
      );
    }
    await t.services.stationRosters.generate(admin, {
      bodyId: body.id,
      from: '2026-01-01',
      to: '2026-06-30',
    });
    const duties = await t.services.handle.db
      .selectFrom('roster_duties')
      .select(['deputy_id', 'date'])
      .where(
        'deputy_id',
        'in',
        deputies.map((d) => d.id),
      )
      .execute();
    const keys = duties.map((d) => `${d.deputy_id}|${d.date}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Three deputies, two stations, two a day: every day someone is on duty at each station.
    expect(duties).toHaveLength(6 * 3);
  });

  it('follows the reception day of the rule profile when no rule is set', async () => {
    const { countyOffice } = county;
    const admin = await actorOfUser(t.services, countyOffice.user.id);
    const body = await county.make.body({ level: 'township', parent: county.county, name: '默认规则镇' });
    const profile = await t.services.settings.ruleProfile(body.id);
    const stored = await t.services.handle.db
      .insertInto('rule_profiles')
      .values({
        body_id: body.id,
        settings: JSON.stringify({ ...profile.settings, receptionDayOfMonth: 15 }),
        updated_at: t.clock.now().toISOString(),
      })
      .execute();
    expect(stored).toBeDefined();
    const settings = await t.services.receptionRules.bodySettings(admin, body.id);
    expect(settings.rule).toMatchObject({ source: 'default', dayOfMonth: 15 });
  });
});

describe('duty swaps', () => {
  it('hands a future duty to another deputy once station staff approve', async () => {
    const { townDeputies, clerk, otherOffice, station } = county;
    const [first, second] = townDeputies;
    if (!first || !second) throw new Error('fixture');
    const mine = (
      await first.client.request('GET', '/api/v1/stations/duties/mine?from=2025-01-01&to=2025-12-31')
    ).json();
    const duty = mine.find(
      (d: { stationId: string; date: string }) => d.stationId === station.id && d.date > '2025-01-02',
    );
    expect(duty).toBeDefined();
    // The replacement must be on the station and free that day.
    const day = (
      await clerk.client.request(
        'GET',
        `/api/v1/stations/${station.id}/roster?from=${duty.date}&to=${duty.date}`,
      )
    ).json()[0];
    const replacement = day.duties.some((d: { deputyId: string }) => d.deputyId === second.deputy.id)
      ? townDeputies[2]
      : second;
    if (!replacement) throw new Error('fixture');
    const requested = await first.client.request('POST', `/api/v1/stations/duties/${duty.id}/swaps`, {
      replacementDeputyId: replacement.deputy.id,
      reason: '当天参加县人大常委会执法检查',
    });
    expect(requested.statusCode).toBe(201);
    const swap = requested.json();
    expect(swap.actions.find((a: { action: string }) => a.action === 'approve').allowed).toBe(false);
    // The replacement deputy sees it but may not approve it; another township's office cannot see it.
    const byReplacement = await replacement.client.request(
      'POST',
      `/api/v1/stations/swaps/${swap.id}/actions/approve`,
      {},
    );
    expect(byReplacement.statusCode).toBe(403);
    expect((await otherOffice.client.request('GET', `/api/v1/stations/swaps/${swap.id}`)).statusCode).toBe(
      404,
    );
    const approved = await clerk.client.request('POST', `/api/v1/stations/swaps/${swap.id}/actions/approve`, {
      note: '同意',
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('approved');
    const after = (
      await clerk.client.request(
        'GET',
        `/api/v1/stations/${station.id}/roster?from=${duty.date}&to=${duty.date}`,
      )
    ).json()[0];
    expect(after.duties.map((d: { deputyId: string }) => d.deputyId)).toContain(replacement.deputy.id);
    expect(after.duties.map((d: { deputyId: string }) => d.deputyId)).not.toContain(first.deputy.id);
    // Approving twice is refused by the workflow.
    const twice = await clerk.client.request('POST', `/api/v1/stations/swaps/${swap.id}/actions/approve`, {});
    expect(twice.statusCode).toBe(409);
  });

  it('refuses to swap a past duty and lets the requester withdraw', async () => {
    const { townDeputies, clerk, station, countyDeputy } = county;
    const [, second] = townDeputies;
    if (!second) throw new Error('fixture');
    const mine = (
      await second.client.request('GET', '/api/v1/stations/duties/mine?from=2025-01-01&to=2025-12-31')
    ).json();
    const future = mine.at(-1);
    const day = (
      await clerk.client.request(
        'GET',
        `/api/v1/stations/${station.id}/roster?from=${future.date}&to=${future.date}`,
      )
    ).json()[0];
    const free = [...townDeputies, countyDeputy].find(
      (d) => !day.duties.some((x: { deputyId: string }) => x.deputyId === d.deputy.id),
    );
    if (!free) throw new Error('fixture');
    const requested = await second.client.request('POST', `/api/v1/stations/duties/${future.id}/swaps`, {
      replacementDeputyId: free.deputy.id,
      reason: '出差',
    });
    expect(requested.statusCode).toBe(201);
    const busy = day.duties.find((x: { deputyId: string }) => x.deputyId !== second.deputy.id);
    const taken = await second.client.request('POST', `/api/v1/stations/duties/${future.id}/swaps`, {
      replacementDeputyId: busy.deputyId,
      reason: '出差',
    });
    expect(taken.statusCode).toBe(409);
    const withdrawn = await second.client.request(
      'POST',
      `/api/v1/stations/swaps/${requested.json().id}/actions/withdraw`,
      {},
    );
    expect(withdrawn.json().status).toBe('withdrawn');
    const rejectLater = await clerk.client.request(
      'POST',
      `/api/v1/stations/swaps/${requested.json().id}/actions/reject`,
      {
        note: '不同意',
      },
    );
    expect(rejectLater.statusCode).toBe(409);
    // On the day itself (the session would have timed out: the service is called directly).
    const actor = await actorOfUser(t.services, second.user.id);
    t.clock.set(new Date(`${future.date}T08:00:00Z`));
    try {
      await expect(
        t.services.rosterSwaps.request(actor, future.id, {
          replacementDeputyId: free.deputy.id,
          reason: '临时有事',
        }),
      ).rejects.toMatchObject({ code: 'swap_past_duty' });
    } finally {
      t.clock.set(new Date('2025-01-02T02:00:00Z'));
    }
  });
});

describe('public roster', () => {
  it('shows who is on duty when, with public codes only', async () => {
    const { station } = county;
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/public/stations/${station.publicCode}` });
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.roster.length).toBeGreaterThan(0);
    expect(body.roster[0].deputies[0]).toEqual({
      code: expect.stringMatching(/^[2-9A-Z]{8}$/),
      name: expect.any(String),
    });
    expect(page.body).not.toContain('13900001111');
    expect(page.body).not.toContain('deputyId');
  });
});
