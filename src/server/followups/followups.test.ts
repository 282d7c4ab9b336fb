import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { oversightCounty, setDay } from '../supervision/cases.fixture.js';
import { percentOneDecimal } from './percent.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof oversightCounty>>;
const promises: Record<string, string> = {};

interface LedgerItem {
  id: string;
  status: string;
  carriedOver: boolean;
  unitName: string;
  suggestionTitle: string;
}

/** Assigns a fresh item to one lead unit and sends its reply; returns the item and assignment. */
async function repliedItem(title: string, unitId: string, outcomeClass: string) {
  const item = await county.acceptedItem(title);
  const [assignment] = await county.assign(item.id, [{ unitId, role: 'lead' }], '2025-03-20');
  if (!assignment) throw new Error('no assignment');
  const replyId = await county.sendReply(
    assignment.id,
    unitId,
    outcomeClass,
    `关于${title}的答复：我单位已将该事项列入年度计划，预计年底前完成。`,
  );
  return { item, assignment, replyId };
}

async function office(): Promise<Client> {
  return county.staff('office_staff');
}

async function ledger(query: string): Promise<{ items: LedgerItem[]; total: number }> {
  const response = await (
    await office()
  ).request('GET', `/api/v1/followups?bodyId=${county.body.id}&${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const titles = (page: { items: LedgerItem[] }) => page.items.map((p) => p.suggestionTitle).sort();

beforeAll(async () => {
  t = await createTestApp(new Date('2025-03-20T02:00:00Z'));
  county = await oversightCounty(t);
});
afterAll(async () => t.close());

describe('the follow-up ledger', () => {
  it('enters a B-class promise when its reply is sent (once), and nothing for other classes', async () => {
    const { education, housing, transport } = county.units;
    const first = await repliedItem('校车更新', education.id, 'B');
    await repliedItem('停车场建设', housing.id, 'B');
    await repliedItem('道路维修', transport.id, 'A');
    await repliedItem('公厕改造', housing.id, 'B');
    // The promise enters after the reply's commit, by a job.
    expect((await ledger('')).total).toBe(0);
    await t.services.jobs.runDue();
    await t.services.jobs.runDue();
    const page = await ledger('');
    expect(titles(page)).toEqual(['停车场建设', '公厕改造', '校车更新'].sort());
    for (const p of page.items) promises[p.suggestionTitle] = p.id;
    const detail = (
      await (await office()).request('GET', `/api/v1/followups/${promises['校车更新'] ?? ''}`)
    ).json();
    expect(detail).toMatchObject({
      suggestionId: first.item.id,
      replyId: first.replyId,
      unitName: '县教育局',
      outcomeClass: 'B',
      status: 'open',
      enteredOn: '2025-03-20',
      enteredYear: 2025,
      targetOn: '2025-12-31',
      termId: county.term.id,
      promiseText: expect.stringContaining('列入年度计划'),
      progress: [],
    });
    const notices = await t.handle.db
      .selectFrom('notifications')
      .select('kind')
      .where('kind', '=', 'followup.entered')
      .execute();
    expect(notices.length).toBeGreaterThan(0);
  });

  it('lets the unit edit its promise and report progress; other units see nothing of it', async () => {
    const id = promises['校车更新'] ?? '';
    const education = await county.unitUser('unit_handler', county.units.education.id, 'handler');
    const housing = await county.unitUser('unit_handler', county.units.housing.id, 'handler');
    expect((await housing.request('GET', `/api/v1/followups/${id}`)).statusCode).toBe(404);
    const own = (await education.request('GET', `/api/v1/followups?bodyId=${county.body.id}`)).json() as {
      items: LedgerItem[];
    };
    expect(own.items.map((p) => p.unitName)).toEqual(['县教育局']);

    const edited = await education.request('PATCH', `/api/v1/followups/${id}`, {
      promiseText: '年内更新校车 20 辆，配备随车照管员。',
      targetOn: '2025-10-31',
      version: 0,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      promiseText: '年内更新校车 20 辆，配备随车照管员。',
      targetOn: '2025-10-31',
    });
    const stale = await education.request('PATCH', `/api/v1/followups/${id}`, {
      targetOn: '2025-11-30',
      version: 0,
    });
    expect(stale.statusCode).toBe(409);

    setDay(t, '2025-06-30');
    const unit = await county.unitUser('unit_handler', county.units.education.id, 'handler');
    const report = await unit.request('POST', `/api/v1/followups/${id}/progress`, {
      reportOn: '2025-06-30',
      text: '已完成招标，首批 8 辆校车到位。',
      percent: 40,
    });
    expect(report.statusCode, report.body).toBe(201);
    expect(report.json()).toMatchObject({
      progressPercent: 40,
      lastProgressOn: '2025-06-30',
      progress: [{ reportOn: '2025-06-30', percent: 40, text: '已完成招标，首批 8 辆校车到位。' }],
    });
    const future = await unit.request('POST', `/api/v1/followups/${id}/progress`, {
      reportOn: '2025-07-30',
      text: '提前报告的进展。',
      percent: 50,
    });
    expect(future.statusCode).toBe(400);
    // Only the office marks a promise fulfilled.
    const byUnit = await unit.request('POST', `/api/v1/followups/${id}/actions/fulfil`, {
      fulfilledOn: '2025-06-30',
    });
    expect(byUnit.statusCode).toBe(403);
  });

  it('rolls open promises over into the next year until the office marks them fulfilled', async () => {
    setDay(t, '2025-12-01');
    const parking = promises['停车场建设'] ?? '';
    const tooEarly = await (
      await office()
    ).request('POST', `/api/v1/followups/${parking}/actions/fulfil`, {
      fulfilledOn: '2025-12-02',
    });
    expect(tooEarly.statusCode).toBe(409);
    const fulfilled = await (
      await office()
    ).request('POST', `/api/v1/followups/${parking}/actions/fulfil`, {
      fulfilledOn: '2025-11-30',
      note: '停车场已建成投用',
    });
    expect(fulfilled.statusCode, fulfilled.body).toBe(200);
    expect(fulfilled.json()).toMatchObject({
      status: 'fulfilled',
      fulfilledOn: '2025-11-30',
      allowedActions: ['reopen'],
    });

    setDay(t, '2026-01-05');
    const year2026 = await ledger('year=2026');
    expect(titles(year2026)).toEqual(['公厕改造', '校车更新'].sort());
    expect(year2026.items.every((p) => p.carriedOver && p.status === 'open')).toBe(true);
    const year2025 = await ledger('year=2025');
    expect(titles(year2025)).toEqual(['停车场建设', '公厕改造', '校车更新'].sort());
    expect(year2025.items.some((p) => p.carriedOver)).toBe(false);

    // Fulfilled during 2026: still on 2026's ledger, gone from 2027's.
    await (
      await office()
    ).request('POST', `/api/v1/followups/${promises['公厕改造'] ?? ''}/actions/fulfil`, {
      fulfilledOn: '2026-01-05',
    });
    expect(titles(await ledger('year=2026'))).toEqual(['公厕改造', '校车更新'].sort());
    expect(titles(await ledger('year=2027'))).toEqual(['校车更新']);
  });

  it('lists unfinished promises of a term for the term change', async () => {
    const open = await ledger(`open=true&termId=${county.term.id}`);
    expect(titles(open)).toEqual(['校车更新']);
    const otherTerm = await county.make.term({ body: county.body, number: 19, startDate: '2026-12-20' });
    expect((await ledger(`open=true&termId=${otherTerm.id}`)).total).toBe(0);
  });

  it('computes 落实率 = fulfilled ÷ promises per unit and for the body', async () => {
    const response = await (
      await office()
    ).request('GET', `/api/v1/followups/rates?bodyId=${county.body.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const rates = response.json();
    expect(rates.body).toEqual({ promises: 3, fulfilled: 2, rate: 66.7 });
    expect(rates.units).toEqual(
      expect.arrayContaining([
        { unitId: county.units.education.id, unitName: '县教育局', promises: 1, fulfilled: 0, rate: 0 },
        {
          unitId: county.units.housing.id,
          unitName: '县住房和城乡建设局',
          promises: 2,
          fulfilled: 2,
          rate: 100,
        },
      ]),
    );
    const ofYear = (
      await (await office()).request('GET', `/api/v1/followups/rates?bodyId=${county.body.id}&year=2026`)
    ).json();
    expect(ofYear.body).toEqual({ promises: 0, fulfilled: 0, rate: null });
    const unit = await county.unitUser('unit_handler', county.units.education.id, 'handler');
    expect((await unit.request('GET', `/api/v1/followups/rates?bodyId=${county.body.id}`)).statusCode).toBe(
      403,
    );
  });

  it('replaces a promise when the unit re-handles the item and replies again', async () => {
    setDay(t, '2026-02-02');
    const { education } = county.units;
    const { item, assignment } = await repliedItem('河道整治', education.id, 'B');
    await t.services.jobs.runDue();
    expect(titles(await ledger('open=true'))).toContain('河道整治');
    await county.rate(item.id, 'unsatisfied', '答复没有明确完成时间。');
    await county.sendReply(
      assignment.id,
      education.id,
      'A',
      '河道整治工程已全部完工并通过验收，群众反映良好。',
      {
        receive: false,
      },
    );
    await t.services.jobs.runDue();
    expect(titles(await ledger('open=true'))).not.toContain('河道整治');
    const rates = (
      await (await office()).request('GET', `/api/v1/followups/rates?bodyId=${county.body.id}`)
    ).json();
    expect(rates.body.promises).toBe(3);
    expect((await t.services.audit.verify()).ok).toBe(true);
  });

  it("tracks nothing when the first letter's job runs after the second one's (retried late)", async () => {
    const { housing } = county.units;
    const { item, assignment } = await repliedItem('路灯维修', housing.id, 'B');
    await county.rate(item.id, 'unsatisfied', '路灯仍未修好。');
    const second = await county.sendReply(
      assignment.id,
      housing.id,
      'A',
      '全部路灯已修复并恢复照明，已请代表现场查看。',
      { receive: false },
    );
    // The second letter's job comes first, as when the first one failed and is retried later.
    await t.handle.db
      .updateTable('jobs')
      .set({ run_at: '2000-01-01T00:00:00.000Z' })
      .where('dedupe_key', '=', `followups.promise:${second}`)
      .execute();
    await t.services.jobs.runDue();
    expect(titles(await ledger(''))).not.toContain('路灯维修');
  });
});

describe('percentages', () => {
  it('round to one decimal, halves up', () => {
    expect(percentOneDecimal(1, 3)).toBe(33.3);
    expect(percentOneDecimal(2, 3)).toBe(66.7);
    expect(percentOneDecimal(1, 16)).toBe(6.3);
    expect(percentOneDecimal(4, 5)).toBe(80);
    expect(percentOneDecimal(0, 0)).toBeNull();
  });
});
