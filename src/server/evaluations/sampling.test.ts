import { describe, expect, it } from 'vitest';
import { gushiSampling } from '../../shared/schemas/evaluations.js';
import { drawSample, sampleSize } from './sampling.js';

describe('固始 sampling: 50% if 20 or more, all if 10 or fewer, a setting in between', () => {
  it.each([
    [0, 0],
    [1, 1],
    [10, 10],
    [11, 6],
    [19, 10],
    [20, 10],
    [21, 11],
    [25, 13],
    [100, 50],
  ])('%i items → %i checked', (population, checked) => {
    expect(sampleSize(population, gushiSampling)).toBe(checked);
  });

  it('uses the setting between the bounds', () => {
    const rule = { ...gushiSampling, middlePercent: 100 };
    expect(sampleSize(15, rule)).toBe(15);
    expect(sampleSize(20, rule)).toBe(10);
  });

  it('draws distinct items, as many as the rule says', () => {
    const items = Array.from({ length: 25 }, (_, i) => `item${i}`);
    const drawn = drawSample(items, gushiSampling);
    expect(drawn).toHaveLength(13);
    expect(new Set(drawn).size).toBe(13);
    expect(drawn.every((item) => items.includes(item))).toBe(true);
  });
});
