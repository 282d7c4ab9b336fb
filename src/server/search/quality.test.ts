import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../testing/test-context.js';
import type { TestContext } from '../testing/test-context.js';
import { seedDemo } from '../demo/demo.seed.js';
import { measurePairs } from './quality.pairs.js';
import { measureRecommendations } from './quality.recommendations.js';
import { sameMatterThreshold } from './similarity.js';

// The figures are printed by `npm run search:quality`; this only checks that they are computed.
describe('search quality measures', () => {
  it('scores the labelled pairs (at least 200, both labels) at the threshold', () => {
    const quality = measurePairs();
    expect(quality.pairs).toBeGreaterThanOrEqual(200);
    expect(quality.positives).toBeGreaterThan(0);
    expect(quality.positives).toBeLessThan(quality.pairs);
    expect(quality.threshold).toBe(sameMatterThreshold);
    for (const value of [quality.precision, quality.recall, quality.f1]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(quality.sweep.map((s) => s.recall)).toEqual(
      [...quality.sweep.map((s) => s.recall)].sort((a, b) => b - a),
    );
  });

  describe('recommendations on the demo', () => {
    let t: TestContext;
    beforeAll(async () => {
      t = await createTestContext(new Date('2026-11-20T02:00:00Z'));
      await seedDemo(t.services);
      await t.services.search.rebuild();
    }, 120_000);
    afterAll(async () => t.close());

    it('measures top-1 and top-3 accuracy on a held-out split', async () => {
      const quality = await measureRecommendations(t.services, 0.2);
      expect(quality.heldOut).toBeGreaterThan(0);
      expect(quality.heldOut).toBeLessThan(quality.assigned);
      expect(quality.top1).toBeGreaterThanOrEqual(0);
      expect(quality.top3).toBeGreaterThanOrEqual(quality.top1);
      expect(quality.top3).toBeLessThanOrEqual(1);
    }, 120_000);
  });
});
