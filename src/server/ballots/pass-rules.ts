import type { GroupKey, PassRule, QuestionType, TieRule } from '../../shared/schemas/ballots.js';
import type { ItemOutcome } from '../../shared/schemas/ballot-views.js';

/**
 * Pass rules as pure functions (`DOMAIN.md` §6). Every comparison is done on integers, so a
 * result exactly at a threshold is decided exactly: "N 以上" includes N, "过半数" means more
 * than half. Inputs are counts; the tally (`tally.ts`) produces them from the ballots.
 */

/** What one group (or everyone) gave one item. */
export interface ItemCounts {
  /** Valid marks for the item (invalid ones are counted apart, never here). */
  valid: number;
  /** approve: approve/disapprove/abstain; grade: satisfied/basically_satisfied/unsatisfied; select: votes. */
  counts: Record<string, number>;
  /** Sum of the scores (score ballots). */
  scoreSum: number;
}

export interface RuleContext {
  questionType: QuestionType;
  /** Everyone entitled to vote (the snapshot), the base of "all members". */
  electorate: number;
  scoreMax: number | null;
}

/** A rate as an exact fraction; `null` when nobody gave a valid mark. */
export interface Fraction {
  numerator: number;
  denominator: number;
}

const count = (c: ItemCounts, key: string) => c.counts[key] ?? 0;

/** The share that counts as "yes": approvals, satisfaction (strict or inclusive) or score. */
export function favourableRate(
  questionType: QuestionType,
  counts: ItemCounts,
  countBasic: boolean,
  scoreMax: number | null,
): Fraction | null {
  if (counts.valid === 0) return null;
  switch (questionType) {
    case 'approve':
      return { numerator: count(counts, 'approve'), denominator: counts.valid };
    case 'grade':
      return {
        numerator: count(counts, 'satisfied') + (countBasic ? count(counts, 'basically_satisfied') : 0),
        denominator: counts.valid,
      };
    case 'score':
      return { numerator: counts.scoreSum, denominator: counts.valid * (scoreMax ?? 100) };
    case 'select':
      return { numerator: count(counts, 'votes'), denominator: counts.valid };
    default: {
      const exhaustive: never = questionType;
      throw new Error(`unknown question type ${String(exhaustive)}`);
    }
  }
}

/** The percentage with one decimal, for display only (decisions use the fractions). */
export function percentOf(rate: Fraction | null): number | null {
  if (!rate || rate.denominator === 0) return null;
  return Math.round((rate.numerator * 1000) / rate.denominator) / 10;
}

/** Tenths of a percent as an integer, so 66.7% compares exactly. */
const tenths = (percent: number) => BigInt(Math.round(percent * 10));

/** rate ≥ percent, exactly. */
export function reaches(rate: Fraction | null, percent: number): boolean {
  if (!rate || rate.denominator === 0) return false;
  return BigInt(rate.numerator) * 1000n >= tenths(percent) * BigInt(rate.denominator);
}

/**
 * Σ weight·rate over the groups that voted, against the percent of Σ weight over the same groups
 * (a group with no valid mark does not drag the others down). Exact, in integers.
 */
export function weightedReaches(
  parts: { weight: number; rate: Fraction | null }[],
  percent: number,
): boolean {
  const voting = parts.filter(
    (p): p is { weight: number; rate: Fraction } => p.rate !== null && p.rate.denominator > 0,
  );
  if (voting.length === 0) return false;
  const common = voting.reduce((product, p) => product * BigInt(p.rate.denominator), 1n);
  const weighted = voting.reduce(
    (sum, p) => sum + BigInt(p.weight) * BigInt(p.rate.numerator) * (common / BigInt(p.rate.denominator)),
    0n,
  );
  const weights = voting.reduce((sum, p) => sum + BigInt(p.weight), 0n);
  return weighted * 1000n >= tenths(percent) * weights * common;
}

/** The weighted rate in percent with one decimal, for display. */
export function weightedPercent(parts: { weight: number; rate: Fraction | null }[]): number | null {
  const voting = parts.filter(
    (p): p is { weight: number; rate: Fraction } => p.rate !== null && p.rate.denominator > 0,
  );
  const weights = voting.reduce((sum, p) => sum + p.weight, 0);
  if (weights === 0) return null;
  const value = voting.reduce((sum, p) => sum + (p.weight * p.rate.numerator) / p.rate.denominator, 0);
  return Math.round((value * 1000) / weights) / 10;
}

/** More than half of everyone entitled to vote (not of those who voted). */
export function majorityOfAll(votes: number, electorate: number): boolean {
  return votes * 2 > electorate;
}

/**
 * The outcome of one item under an approve, grade or score rule. `groups` are the per-group
 * counts, used by the weighted rule; `all` is everyone together.
 */
export function decideItem(
  rule: Exclude<PassRule, { kind: 'plurality' }>,
  context: RuleContext,
  all: ItemCounts,
  groups: Partial<Record<GroupKey, ItemCounts>>,
): { outcome: ItemOutcome; ratePercent: number | null } {
  const { questionType, electorate, scoreMax } = context;
  switch (rule.kind) {
    case 'majority_of_all': {
      const inclusive = favourableRate(questionType, all, true, scoreMax);
      if (questionType === 'grade') {
        const satisfied = count(all, 'satisfied');
        const outcome = majorityOfAll(satisfied, electorate)
          ? 'satisfied'
          : majorityOfAll(satisfied + count(all, 'basically_satisfied'), electorate)
            ? 'basically_satisfied'
            : 'unsatisfied';
        return { outcome, ratePercent: percentOf(inclusive) };
      }
      const passed = majorityOfAll(count(all, 'approve'), electorate);
      return { outcome: passed ? 'passed' : 'failed', ratePercent: percentOf(inclusive) };
    }
    case 'threshold': {
      const rate = favourableRate(questionType, all, rule.countBasic, scoreMax);
      return { outcome: reaches(rate, rule.percent) ? 'passed' : 'failed', ratePercent: percentOf(rate) };
    }
    case 'weighted': {
      const rateOf = (key: GroupKey) => {
        const counts = groups[key];
        return counts ? favourableRate(questionType, counts, rule.countBasic, scoreMax) : null;
      };
      const parts = [
        { weight: rule.weights.members, rate: rateOf('members') },
        { weight: rule.weights.attendees, rate: rateOf('attendees') },
      ];
      return {
        outcome: weightedReaches(parts, rule.percent) ? 'passed' : 'failed',
        ratePercent: weightedPercent(parts),
      };
    }
    default: {
      const exhaustive: never = rule;
      throw new Error(`unknown rule ${JSON.stringify(exhaustive)}`);
    }
  }
}

export interface Candidate {
  itemId: string;
  votes: number;
}

export interface PluralityOutcome {
  outcomes: Map<string, ItemOutcome>;
  ranks: Map<string, number>;
  runoffItemIds: string[];
  seatsLeft: number;
}

/**
 * Choosing `seats` of the candidates by votes. A candidate needs at least one vote (and, if the
 * rule says so, more than half of all electors). Candidates tied across the last seat are
 * handled by the tie rule: a run-off among them for the seats left, all in, or none in.
 */
export function decidePlurality(
  candidates: Candidate[],
  seats: number,
  electorate: number,
  options: { tieRule: TieRule; requireMajorityOfAll: boolean },
): PluralityOutcome {
  const sorted = [...candidates].sort((a, b) => b.votes - a.votes);
  const ranks = new Map<string, number>();
  sorted.forEach((candidate, index) => {
    const previous = sorted[index - 1];
    const rank =
      previous && previous.votes === candidate.votes ? (ranks.get(previous.itemId) ?? 1) : index + 1;
    ranks.set(candidate.itemId, rank);
  });
  const qualifies = (c: Candidate) =>
    c.votes > 0 && (!options.requireMajorityOfAll || majorityOfAll(c.votes, electorate));
  const eligible = sorted.filter(qualifies);
  const outcomes = new Map<string, ItemOutcome>(candidates.map((c) => [c.itemId, 'not_elected']));
  const elect = (list: Candidate[]) => list.forEach((c) => outcomes.set(c.itemId, 'elected'));
  if (eligible.length <= seats) {
    elect(eligible);
    return { outcomes, ranks, runoffItemIds: [], seatsLeft: seats - eligible.length };
  }
  const cutoff = eligible[seats - 1]?.votes ?? 0;
  const next = eligible[seats]?.votes ?? -1;
  if (cutoff !== next) {
    elect(eligible.slice(0, seats));
    return { outcomes, ranks, runoffItemIds: [], seatsLeft: 0 };
  }
  const above = eligible.filter((c) => c.votes > cutoff);
  const tied = eligible.filter((c) => c.votes === cutoff);
  elect(above);
  const seatsLeft = seats - above.length;
  switch (options.tieRule) {
    case 'include_all':
      elect(tied);
      return { outcomes, ranks, runoffItemIds: [], seatsLeft: 0 };
    case 'exclude_all':
      return { outcomes, ranks, runoffItemIds: [], seatsLeft };
    case 'runoff':
      tied.forEach((c) => outcomes.set(c.itemId, 'tied'));
      return { outcomes, ranks, runoffItemIds: tied.map((c) => c.itemId), seatsLeft };
    default: {
      const exhaustive: never = options.tieRule;
      throw new Error(`unknown tie rule ${String(exhaustive)}`);
    }
  }
}
