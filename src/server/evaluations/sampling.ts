import type { SamplingRule } from '../../shared/schemas/evaluations.js';
import { shuffled } from '../ballots/secrecy.js';

/**
 * How many of a department's `population` items are checked on site (固始): every one when
 * there are at most `smallAt`, `largePercent` (rounded up) when there are at least `largeAt`,
 * and `middlePercent` in between ("N 以上/以下" include N).
 */
export function sampleSize(population: number, rule: SamplingRule): number {
  if (population <= 0) return 0;
  if (population <= rule.smallAt) return population;
  const percent = population >= rule.largeAt ? rule.largePercent : rule.middlePercent;
  return Math.min(population, Math.ceil((population * percent) / 100));
}

/** Draws the sample at random (the system CSPRNG): nobody chooses which items are checked. */
export function drawSample<T>(items: readonly T[], rule: SamplingRule): T[] {
  return shuffled(items).slice(0, sampleSize(items.length, rule));
}
