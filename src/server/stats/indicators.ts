import { percentOneDecimal } from '../followups/percent.js';
import type { IndicatorCounts, IndicatorSet, Rate } from '../../shared/schemas/stats.js';
import type { RateKey } from '../../shared/stats-definitions.js';
import { rateDefinitions, rateKeys } from '../../shared/stats-definitions.js';
import type { SummedCounts } from './stats.repository.js';

/** Summed fact columns → the API's counts. */
export function countsOf(sums: SummedCounts | undefined): IndicatorCounts {
  const s = sums ?? emptySums;
  return {
    assigned: s.assigned,
    withdrawn: s.withdrawn,
    total: s.assigned - s.withdrawn,
    replied: s.replied,
    onTime: s.on_time,
    faceToFace: s.face_to_face,
    validFeedback: s.feedback,
    noFeedback: s.no_feedback,
    satisfied: s.satisfied,
    satisfiedOrBasically: s.satisfied_or_basically,
    unsatisfied: s.unsatisfied,
    solved: s.solved,
    solvedOrPlanned: s.solved_or_planned,
    promises: s.promises,
    promisesFulfilled: s.promises_fulfilled,
    overdue: s.overdue,
    warnings: s.warnings,
  };
}

/** Every rate of DOMAIN.md §5 from the counts: one decimal, null when nothing to divide by. */
export function indicatorSet(sums: SummedCounts | undefined): IndicatorSet {
  const counts = countsOf(sums);
  const rate = (key: RateKey): Rate => {
    const definition = rateDefinitions[key];
    const numerator = counts[definition.numerator];
    const denominator = counts[definition.denominator];
    return { numerator, denominator, value: percentOneDecimal(numerator, denominator) };
  };
  const rates = Object.fromEntries(rateKeys.map((key) => [key, rate(key)])) as IndicatorSet['rates'];
  const days = sums?.reply_days ?? 0;
  return {
    rates,
    counts,
    // Tenths by integer arithmetic, like the rates: 7 days over 2 items → 3.5.
    averageDaysToReply: counts.replied > 0 ? Math.round((days * 10) / counts.replied) / 10 : null,
  };
}

/** Adds summed rows (for roll-ups). */
export function addSums(rows: SummedCounts[], key: string | null): SummedCounts {
  const out: SummedCounts = { ...emptySums, key };
  for (const row of rows)
    for (const name of Object.keys(emptySums) as (keyof SummedCounts)[])
      if (name !== 'key') (out[name] as number) += row[name] as number;
  return out;
}

export const emptySums: SummedCounts = {
  key: null,
  assigned: 0,
  withdrawn: 0,
  replied: 0,
  on_time: 0,
  face_to_face: 0,
  feedback: 0,
  no_feedback: 0,
  satisfied: 0,
  satisfied_or_basically: 0,
  unsatisfied: 0,
  solved: 0,
  solved_or_planned: 0,
  promises: 0,
  promises_fulfilled: 0,
  reply_days: 0,
  overdue: 0,
  warnings: 0,
};
