import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';
import type { Period } from '../../shared/schemas/settings.js';
import { WorkingCalendar } from './calendar.rules.js';

let t: TestApp;
let make: ReturnType<typeof factories>;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  make = factories(t.services);
  const { user } = await make.adminOf();
  admin = await signIn(t.app, user.username, testPassword);
});
afterAll(async () => t.close());

const months = (amount: number): Period => ({ amount, unit: 'months' });
const days = (amount: number): Period => ({ amount, unit: 'days' });
const workingDays = (amount: number): Period => ({ amount, unit: 'workingDays' });

/**
 * 2025 official data (chinese-days 1.5.7, checked against the State Council notice 国办发明电
 * 〔2024〕12号): 春节 2025-01-28…02-04 off, make-up days Sun 01-26 and Sat 02-08; 清明 04-04…06;
 * 劳动节 05-01…05 with Sun 04-27 worked; 端午 05-31…06-02; 国庆+中秋 10-01…10-08 with
 * Sun 09-28 and Sat 10-11 worked.
 */
const official2025: [date: string, working: boolean, why: string][] = [
  ['2025-01-24', true, 'Friday before the festival'],
  ['2025-01-25', false, 'Saturday, not a make-up day'],
  ['2025-01-26', true, 'Sunday make-up day for 春节'],
  ['2025-01-27', true, 'Monday, the eve is a working day in 2025'],
  ['2025-01-28', false, '春节 starts (除夕)'],
  ['2025-02-04', false, '春节 ends'],
  ['2025-02-05', true, 'first Wednesday back'],
  ['2025-02-08', true, 'Saturday make-up day for 春节'],
  ['2025-02-09', false, 'plain Sunday'],
  ['2025-09-28', true, 'Sunday make-up day for 国庆'],
  ['2025-10-01', false, '国庆 starts'],
  ['2025-10-06', false, '中秋 inside the 国庆 block'],
  ['2025-10-08', false, '国庆 ends'],
  ['2025-10-09', true, 'first Thursday back'],
  ['2025-10-11', true, 'Saturday make-up day for 国庆'],
];

interface Case {
  from: string;
  period: Period;
  nominal: string;
  due: string;
  why: string;
}

const cases: Case[] = [
  // Months: the same day-number of the final month (art. 202), then the rest-day rule (art. 203).
  {
    from: '2025-03-20',
    period: months(3),
    nominal: '2025-06-20',
    due: '2025-06-20',
    why: 'DOMAIN §3 example: 06-20 is a Friday',
  },
  {
    from: '2025-03-20',
    period: months(6),
    nominal: '2025-09-20',
    due: '2025-09-22',
    why: '09-20 Sat and 09-21 Sun rest (the make-up Sunday is 09-28), so Monday',
  },
  {
    from: '2025-01-31',
    period: months(1),
    nominal: '2025-02-28',
    due: '2025-02-28',
    why: 'February 2025 has no 31st: its last day, a Friday',
  },
  {
    from: '2024-01-31',
    period: months(1),
    nominal: '2024-02-29',
    due: '2024-02-29',
    why: 'leap year: 02-29, a Thursday after the 2024 春节 (02-10…02-17)',
  },
  {
    from: '2025-02-28',
    period: months(1),
    nominal: '2025-03-28',
    due: '2025-03-28',
    why: 'the corresponding day-number (28), not the month end (31)',
  },
  {
    from: '2025-07-01',
    period: months(3),
    nominal: '2025-10-01',
    due: '2025-10-09',
    why: 'lands in 国庆 10-01…10-08; 10-09 Thursday is the next working day',
  },
  {
    from: '2024-12-28',
    period: months(1),
    nominal: '2025-01-28',
    due: '2025-02-05',
    why: 'across the year end into 春节 01-28…02-04',
  },
  // Calendar days: the start day does not count.
  {
    from: '2025-03-20',
    period: days(5),
    nominal: '2025-03-25',
    due: '2025-03-25',
    why: '03-21 is day 1, 03-25 Tuesday day 5',
  },
  {
    from: '2025-09-01',
    period: days(30),
    nominal: '2025-10-01',
    due: '2025-10-09',
    why: '30 days end on 国庆 day; moved past the holiday',
  },
  {
    from: '2025-09-26',
    period: days(2),
    nominal: '2025-09-28',
    due: '2025-09-28',
    why: 'ends on the make-up Sunday 09-28, a working day: no move',
  },
  // Working days: count only working days after the start day; the last one is never a rest day.
  {
    from: '2025-01-24',
    period: workingDays(1),
    nominal: '2025-01-26',
    due: '2025-01-26',
    why: 'Sat 01-25 rests; Sun 01-26 is a make-up working day',
  },
  {
    from: '2025-01-26',
    period: workingDays(1),
    nominal: '2025-01-27',
    due: '2025-01-27',
    why: 'Monday 01-27 (除夕 is 01-28)',
  },
  {
    from: '2025-01-27',
    period: workingDays(1),
    nominal: '2025-02-05',
    due: '2025-02-05',
    why: '01-28…02-04 holiday; Wednesday 02-05',
  },
  {
    from: '2025-01-27',
    period: workingDays(5),
    nominal: '2025-02-10',
    due: '2025-02-10',
    why: '02-05 (1), 02-06 (2), 02-07 (3), Sat 02-08 make-up (4), Sun 02-09 rests, Mon 02-10 (5)',
  },
  {
    from: '2025-03-20',
    period: workingDays(10),
    nominal: '2025-04-03',
    due: '2025-04-03',
    why: '03-21, 03-24…28, 03-31, 04-01…03: ten working days, before 清明 04-04',
  },
  {
    from: '2025-09-30',
    period: workingDays(1),
    nominal: '2025-10-09',
    due: '2025-10-09',
    why: 'the whole 国庆 block is skipped',
  },
  {
    from: '2025-10-09',
    period: workingDays(2),
    nominal: '2025-10-11',
    due: '2025-10-11',
    why: 'Fri 10-10 (1), make-up Sat 10-11 (2)',
  },
];

describe('legal deadlines on the official calendar', () => {
  it.each(official2025)('%s working=%s (%s)', async (date, working) => {
    expect(await t.services.calendar.isWorkingDay(date)).toBe(working);
  });

  it.each(cases)('$from + $period.amount $period.unit → $due ($why)', async (c) => {
    expect(await t.services.calendar.dueDate(c.from, c.period)).toEqual({
      due: c.due,
      nominal: c.nominal,
      movedForRestDay: c.due !== c.nominal,
      officialData: true,
    });
  });

  it('offers the same rules through the add* shortcuts and nextWorkingDay', async () => {
    const calendar = t.services.calendar;
    expect(await calendar.addMonths('2025-03-20', 6)).toBe('2025-09-22');
    expect(await calendar.addDays('2025-09-01', 30)).toBe('2025-10-09');
    expect(await calendar.addWorkingDays('2025-01-27', 5)).toBe('2025-02-10');
    expect(await calendar.nextWorkingDay('2025-10-01')).toBe('2025-10-09');
    expect(await calendar.nextWorkingDay('2025-10-09')).toBe('2025-10-09');
    expect(await calendar.nextWorkingDay('2025-01-26')).toBe('2025-01-26');
  });

  it('counts years without official data by weekends only, and says so', async () => {
    // 2030 is beyond the package's data: 2030-02-01 + 1 month = 03-01, a Friday.
    expect(await t.services.calendar.dueDate('2030-02-01', months(1))).toEqual({
      due: '2030-03-01',
      nominal: '2030-03-01',
      movedForRestDay: false,
      officialData: false,
    });
    expect(await t.services.calendar.isWorkingDay('2030-03-02')).toBe(false);
    const deadline = await t.services.calendar.deadline('2030-02-01', months(1));
    expect(deadline.rule).toContain('尚无官方节假日安排');
  });

  it('refuses dates that do not exist', async () => {
    await expect(t.services.calendar.dueDate('2025-02-30', months(1))).rejects.toMatchObject({
      code: 'invalid_date',
    });
    await expect(t.services.calendar.isWorkingDay('1800-01-01')).rejects.toMatchObject({
      code: 'date_out_of_range',
    });
  });

  it('does not depend on the server time zone', async () => {
    const saved = process.env.TZ;
    const calendar = await t.services.calendar.snapshot();
    try {
      // West of UTC is where `new Date('YYYY-MM-DD')` read back with local getters slips a day.
      for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai', 'UTC']) {
        process.env.TZ = zone;
        expect(calendar.isWorkingDay('2025-01-25'), zone).toBe(false);
        expect(calendar.isWorkingDay('2025-01-26'), zone).toBe(true);
        expect(calendar.dueDate('2025-03-20', months(6)).due, zone).toBe('2025-09-22');
        expect(calendar.dueDate('2025-01-27', workingDays(5)).due, zone).toBe('2025-02-10');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('month view', () => {
  it('classifies each day and names the festival', async () => {
    const october = await t.services.calendar.month(2025, 10);
    expect(october).toMatchObject({ year: 2025, month: 10, officialData: true });
    expect(october.days).toHaveLength(31);
    const day = (date: string) => october.days.find((d) => d.date === date);
    expect(day('2025-10-01')).toMatchObject({
      weekday: 3,
      working: false,
      kind: 'holiday',
      holidayName: '国庆节',
    });
    expect(day('2025-10-04')).toMatchObject({ weekday: 6, working: false, kind: 'holiday' });
    expect(day('2025-10-06')).toMatchObject({ working: false, kind: 'holiday', holidayName: '中秋' });
    expect(day('2025-10-09')).toMatchObject({ working: true, kind: 'workday', holidayName: null });
    expect(day('2025-10-11')).toMatchObject({
      weekday: 6,
      working: true,
      kind: 'makeup_workday',
      holidayName: '国庆节',
    });
    expect(day('2025-10-12')).toMatchObject({ weekday: 7, working: false, kind: 'weekend', override: null });

    const february = await t.services.calendar.month(2024, 2);
    expect(february.days).toHaveLength(29);
    expect((await t.services.calendar.month(2030, 2)).officialData).toBe(false);
  });
});

describe('overrides', () => {
  it('shifts deadlines, shows in the month, is audited, and can be removed again', async () => {
    const put = await admin.request('PUT', '/api/v1/calendar/overrides/2025-06-20', {
      kind: 'holiday',
      note: '地方性放假（测试）',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ date: '2025-06-20', kind: 'holiday', note: '地方性放假（测试）' });

    // 06-20 (Fri) is now a holiday: 06-21 Sat, 06-22 Sun, so Monday 06-23.
    expect(await t.services.calendar.dueDate('2025-03-20', months(3))).toMatchObject({
      nominal: '2025-06-20',
      due: '2025-06-23',
      movedForRestDay: true,
    });
    const june = await t.services.calendar.month(2025, 6);
    expect(june.days.find((d) => d.date === '2025-06-20')).toMatchObject({
      working: false,
      kind: 'holiday',
      override: { kind: 'holiday', note: '地方性放假（测试）' },
    });

    const [entry] = (
      await t.services.audit.list({ targetType: 'calendar_override', targetId: '2025-06-20' }, 1, 10, null)
    ).items;
    expect(entry).toMatchObject({ action: 'calendar_override.put', target_id: '2025-06-20' });

    const list = await admin.request('GET', '/api/v1/calendar/overrides?year=2025');
    expect(list.json()).toEqual([expect.objectContaining({ date: '2025-06-20', kind: 'holiday' })]);
    expect((await admin.request('GET', '/api/v1/calendar/overrides?year=2024')).json()).toEqual([]);

    expect((await admin.request('DELETE', '/api/v1/calendar/overrides/2025-06-20')).statusCode).toBe(200);
    expect((await t.services.calendar.dueDate('2025-03-20', months(3))).due).toBe('2025-06-20');
    expect((await admin.request('DELETE', '/api/v1/calendar/overrides/2025-06-20')).statusCode).toBe(404);
  });

  it('turns working days into holidays for working-day counts, and rest days into working days', async () => {
    const { body } = await make.adminOf();
    const office = await make.user({ roles: [{ role: 'office_staff', bodyId: body.id }] });
    const staff = await signIn(t.app, office.username, testPassword);
    expect(
      (await staff.request('PUT', '/api/v1/calendar/overrides/2025-03-24', { kind: 'holiday' })).statusCode,
    ).toBe(200);
    expect(
      (await staff.request('PUT', '/api/v1/calendar/overrides/2025-09-20', { kind: 'workday', note: '补班' }))
        .statusCode,
    ).toBe(200);
    // 03-21 (1), 03-24 now off, 03-25…28 (2-5), 03-31 (6), 04-01…03 (7-9), 清明 04-04…06, 04-07 (10).
    expect(await t.services.calendar.addWorkingDays('2025-03-20', 10)).toBe('2025-04-07');
    // Saturday 09-20 is now worked: the six-month deadline no longer moves.
    expect(await t.services.calendar.dueDate('2025-03-20', months(6))).toMatchObject({
      due: '2025-09-20',
      movedForRestDay: false,
    });
    const september = await t.services.calendar.month(2025, 9);
    expect(september.days.find((d) => d.date === '2025-09-20')).toMatchObject({
      working: true,
      kind: 'makeup_workday',
    });
    await staff.request('DELETE', '/api/v1/calendar/overrides/2025-03-24');
    await staff.request('DELETE', '/api/v1/calendar/overrides/2025-09-20');
    expect(await t.services.calendar.addWorkingDays('2025-03-20', 10)).toBe('2025-04-03');
  });

  it("sees another process's change within a minute, and its own at once", async () => {
    // Loads the snapshot now (the test clock stands still until moved).
    expect(await t.services.calendar.addWorkingDays('2025-03-20', 10)).toBe('2025-04-03');
    // Written straight to the table, as another server process sharing the database would.
    await t.services.repositories.calendar.upsert({
      date: '2025-04-03',
      kind: 'holiday',
      note: null,
      created_at: t.clock.now().toISOString(),
    });
    expect(await t.services.calendar.addWorkingDays('2025-03-20', 10)).toBe('2025-04-03');
    t.clock.set(new Date(t.clock.now().getTime() + 61_000));
    // 04-03 off, then 清明 04-04…06: the tenth working day is 04-07.
    expect(await t.services.calendar.addWorkingDays('2025-03-20', 10)).toBe('2025-04-07');
    expect((await admin.request('DELETE', '/api/v1/calendar/overrides/2025-04-03')).statusCode).toBe(200);
    expect(await t.services.calendar.addWorkingDays('2025-03-20', 10)).toBe('2025-04-03');
  });

  it('refuses writes from roles other than admin and office staff, but lets them read', async () => {
    const { body } = await make.adminOf();
    const unit = await make.unit({ body });
    const handler = await make.user({ roles: [{ role: 'unit_handler', bodyId: body.id, unitId: unit.id }] });
    const client = await signIn(t.app, handler.username, testPassword);
    const put = await client.request('PUT', '/api/v1/calendar/overrides/2025-06-20', { kind: 'holiday' });
    expect(put.statusCode).toBe(403);
    expect(put.json().code).toBe('forbidden');
    expect((await client.request('DELETE', '/api/v1/calendar/overrides/2025-06-20')).statusCode).toBe(403);
    expect((await client.request('GET', '/api/v1/calendar/month?year=2025&month=1')).statusCode).toBe(200);
    expect(
      (await client.request('GET', '/api/v1/calendar/deadline?from=2025-03-20&months=3')).statusCode,
    ).toBe(200);
  });

  it('refuses writes from the office staff of a lower body: the calendar is deployment-wide', async () => {
    const { body } = await make.adminOf();
    const township = await make.body({ parent: body });
    const townshipOffice = await make.user({ roles: [{ role: 'office_staff', bodyId: township.id }] });
    const client = await signIn(t.app, townshipOffice.username, testPassword);
    expect(
      (await client.request('PUT', '/api/v1/calendar/overrides/2025-06-20', { kind: 'holiday' })).statusCode,
    ).toBe(403);
  });

  it('validates the override body and date', async () => {
    const bad = await admin.request('PUT', '/api/v1/calendar/overrides/2025-02-30', { kind: 'holiday' });
    expect(bad.statusCode).toBe(400);
    const kind = await admin.request('PUT', '/api/v1/calendar/overrides/2025-06-20', { kind: 'weekend' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().errors).toEqual([
      { field: 'kind', message: '「类型」应为以下之一：workday、holiday' },
    ]);
  });
});

describe('GET /calendar/deadline', () => {
  it('explains a deadline that stays and one that moves', async () => {
    const plain = await admin.request('GET', '/api/v1/calendar/deadline?from=2025-03-20&months=3');
    expect(plain.statusCode).toBe(200);
    expect(plain.json()).toEqual({
      from: '2025-03-20',
      period: { amount: 3, unit: 'months' },
      due: '2025-06-20',
      nominal: '2025-06-20',
      movedForRestDay: false,
      officialData: true,
      rule: '自 2025-03-20 起算 3 个月，届满日 2025-06-20',
    });
    const moved = await admin.request('GET', '/api/v1/calendar/deadline?from=2025-03-20&months=6');
    expect(moved.json()).toMatchObject({
      due: '2025-09-22',
      nominal: '2025-09-20',
      movedForRestDay: true,
      rule: '自 2025-03-20 起算 6 个月，届满日 2025-09-20 为休息日，顺延至 2025-09-22',
    });
    const working = await admin.request('GET', '/api/v1/calendar/deadline?from=2025-01-27&workingDays=5');
    expect(working.json()).toMatchObject({
      due: '2025-02-10',
      rule: '自 2025-01-27 起算 5 个工作日，届满日 2025-02-10',
    });
    const calendarDays = await admin.request('GET', '/api/v1/calendar/deadline?from=2025-09-01&days=30');
    expect(calendarDays.json().rule).toBe(
      '自 2025-09-01 起算 30 日，届满日 2025-10-01 为休息日，顺延至 2025-10-09',
    );
  });

  it.each([
    ['no count', 'from=2025-03-20', '请提供期限'],
    ['two counts', 'from=2025-03-20&months=3&workingDays=10', '只能提供其中一项'],
    ['three counts', 'from=2025-03-20&months=3&workingDays=10&days=5', '只能提供其中一项'],
    ['a date that does not exist', 'from=2025-02-30&months=3', '「起算日期」日期不存在'],
    ['a malformed date', 'from=2025-3-20&months=3', '「起算日期」日期格式应为 YYYY-MM-DD'],
    ['a zero count', 'from=2025-03-20&months=0', '「月数」不能小于 1'],
    ['a fractional count', 'from=2025-03-20&days=1.5', '「天数」'],
  ])('answers 400 in Chinese for %s', async (_label, query, message) => {
    const response = await admin.request('GET', `/api/v1/calendar/deadline?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
    expect(response.json().detail).toContain(message);
  });

  it('needs a signed-in user', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/deadline?from=2025-03-20&months=3',
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('WorkingCalendar without the database', () => {
  it('applies an override map directly', () => {
    const calendar = new WorkingCalendar(
      new Map([['2025-02-05', { date: '2025-02-05', kind: 'holiday', note: null, createdAt: '' }]]),
    );
    // 02-05 now rests too: 02-06 (1) … 02-07 (2), 02-08 make-up (3), 02-10 (4), 02-11 (5).
    expect(calendar.dueDate('2025-01-27', workingDays(5)).due).toBe('2025-02-11');
    expect(() => calendar.dueDate('2025-01-27', workingDays(-1))).toThrow(RangeError);
  });
});
