import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import type { IndicatorTable } from '../../shared/schemas/stats.js';
import { oversightCounty, setDay } from '../supervision/cases.fixture.js';

/**
 * The facts follow the real services: each step of a case (assign, reply, 不满意 → re-handling,
 * second reply, rating) shows in the next query, through the audit log. The summed cells (most
 * tables) and the facts (tables filtered by category) must agree, and a rebuild changes nothing.
 */
describe('statistics follow the handling through the services', () => {
  let t: TestApp;
  let county: Awaited<ReturnType<typeof oversightCounty>>;
  let office: Client;

  beforeAll(async () => {
    t = await createTestApp();
    county = await oversightCounty(t);
    office = await county.staff('office_staff');
  });
  afterAll(async () => t?.close());

  const counts = async () => {
    // The helper signs in again once the test clock has passed the idle timeout.
    office = await county.staff('office_staff');
    const response = await office.request('GET', `/api/v1/stats/indicators?bodyId=${county.body.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const fromCells = (response.json() as IndicatorTable).totals.indicators;
    const fromFacts = (
      (
        await office.request(
          'GET',
          `/api/v1/stats/indicators?bodyId=${county.body.id}&categoryId=${county.category.id}`,
        )
      ).json() as IndicatorTable
    ).totals.indicators;
    expect(fromFacts).toEqual(fromCells);
    const { total, replied, onTime, validFeedback, satisfied, unsatisfied, solved } = fromCells.counts;
    return { total, replied, onTime, validFeedback, satisfied, unsatisfied, solved };
  };

  it('moves each figure as the case moves, counting a re-handled item once', async () => {
    expect(await counts()).toMatchObject({ total: 0, replied: 0 });
    const item = await county.acceptedItem('关于城区道路积水治理的建议');
    const [assignment] = await county.assign(item.id, [{ unitId: county.units.housing.id, role: 'lead' }]);
    expect(await counts()).toEqual({
      total: 1,
      replied: 0,
      onTime: 0,
      validFeedback: 0,
      satisfied: 0,
      unsatisfied: 0,
      solved: 0,
    });

    setDay(t, '2025-05-10');
    await county.sendReply(
      assignment?.id ?? '',
      county.units.housing.id,
      'C',
      '受资金条件限制，拟列入明年城区排水改造计划统筹解决，届时再行答复。',
    );
    expect(await counts()).toMatchObject({ replied: 1, onTime: 1, solved: 0 });

    await county.rate(item.id, 'unsatisfied', '答复没有提出具体措施，群众仍受积水困扰。');
    // Being re-handled: not replied, and the first round's rating is not valid feedback.
    expect(await counts()).toMatchObject({ replied: 0, onTime: 0, validFeedback: 0, unsatisfied: 0 });

    setDay(t, '2025-05-30');
    await county.sendReply(
      assignment?.id ?? '',
      county.units.housing.id,
      'A',
      '已完成城区排水管网改造和积水点整治，经汛期检验积水问题已经解决。',
      {
        receive: false,
      },
    );
    await county.rate(item.id, 'satisfied');
    expect(await counts()).toEqual({
      total: 1,
      replied: 1,
      onTime: 1,
      validFeedback: 1,
      satisfied: 1,
      unsatisfied: 0,
      solved: 1,
    });

    const before = await counts();
    await t.services.statsFacts.rebuild();
    expect(await counts()).toEqual(before);
  });
});
