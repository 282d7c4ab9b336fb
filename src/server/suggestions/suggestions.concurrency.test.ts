import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import { goodDraft, suggestionCounty } from './suggestions.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof suggestionCounty>>;

beforeAll(async () => {
  t = await createTestApp(new Date('2025-03-20T02:00:00Z'));
  county = await suggestionCounty(t.services, t.app);
});
afterAll(async () => t.close());

async function submittedItem() {
  const lead = await county.deputyClient(0);
  const created = await lead.request('POST', '/api/v1/suggestions', {
    bodyId: county.body.id,
    sessionId: county.session.id,
    categoryId: county.category.id,
    ...goodDraft,
  });
  const id = created.json().id as string;
  const submitted = await lead.request('POST', `/api/v1/suggestions/${id}/actions/submit`, {});
  return { id, version: submitted.json().version as number };
}

describe('two staff acting on the same step', () => {
  it('lets exactly one pass the review step; the other gets 409', async () => {
    const { id, version } = await submittedItem();
    const first = await county.staff('office_staff');
    const second = await county.staff('office_staff');
    const results = await Promise.all([
      first.request('POST', `/api/v1/suggestions/${id}/actions/review_pass`, { version }),
      second.request('POST', `/api/v1/suggestions/${id}/actions/review_pass`, { version }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409);
    expect(loser?.json().code).toBe('suggestion.concurrent_change');
    const detail = (await first.request('GET', `/api/v1/suggestions/${id}`)).json();
    expect(detail.reviewTier).toBe(1);
    const events = detail.timeline.filter((e: { action: string }) => e.action === 'review_pass');
    expect(events).toHaveLength(1);
  });

  it('refuses the stale one even when the two requests do not overlap in time', async () => {
    const { id, version } = await submittedItem();
    const first = await county.staff('office_staff');
    expect(
      (
        await first.request('POST', `/api/v1/suggestions/${id}/actions/review_return`, {
          version,
          reason: '请补充案据',
        })
      ).statusCode,
    ).toBe(200);
    const late = await first.request('POST', `/api/v1/suggestions/${id}/actions/review_reject`, {
      version,
      reason: '重复',
    });
    expect(late.statusCode).toBe(409);
    // Without a version the state machine itself refuses: the item is no longer in review.
    const again = await first.request('POST', `/api/v1/suggestions/${id}/actions/review_reject`, {
      reason: '重复',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('suggestion.invalid_transition');
  });
});
