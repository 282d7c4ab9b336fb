import { describe, expect, it } from 'vitest';
import type { PassRule } from '../../shared/schemas/ballots.js';
import { decideItem, decidePlurality, majorityOfAll, reaches, weightedReaches } from './pass-rules.js';
import type { ItemCounts } from './pass-rules.js';

const grades = (satisfied: number, basic: number, unsatisfied: number): ItemCounts => ({
  valid: satisfied + basic + unsatisfied,
  counts: { satisfied, basically_satisfied: basic, unsatisfied },
  scoreSum: 0,
});
const scores = (sum: number, valid: number): ItemCounts => ({ valid, counts: {}, scoreSum: sum });

const zhenhai: PassRule = { kind: 'majority_of_all' };
const boai: PassRule = { kind: 'threshold', percent: 80, countBasic: true };
const boaiStrict: PassRule = { kind: 'threshold', percent: 80, countBasic: false };
const gushi: PassRule = {
  kind: 'weighted',
  percent: 80,
  countBasic: true,
  weights: { members: 60, attendees: 40 },
};

describe('镇海 rule: majority of all members, three outcomes', () => {
  it.each([
    // [case, electorate, satisfied, basic, unsatisfied, outcome]
    ['海州 26 members, 25/1/0', 26, 25, 1, 0, 'satisfied'],
    ['exactly half satisfied is not more than half', 26, 13, 0, 13, 'unsatisfied'],
    ['exactly half satisfied, one basic: basically satisfied', 26, 13, 1, 12, 'basically_satisfied'],
    ['one more than half', 26, 14, 0, 12, 'satisfied'],
    ['half of all is counted on all members, not on those who voted', 26, 12, 2, 6, 'basically_satisfied'],
    ['absent members count against: 13 of 20 voters', 26, 13, 0, 7, 'unsatisfied'],
    ['odd electorate: 13 of 25 is more than half', 25, 13, 0, 12, 'satisfied'],
    ['satisfied + basic exactly half: unsatisfied', 26, 10, 3, 13, 'unsatisfied'],
    ['nobody voted', 26, 0, 0, 0, 'unsatisfied'],
  ] as const)('%s', (_case, electorate, satisfied, basic, unsatisfied, outcome) => {
    const result = decideItem(
      zhenhai,
      { questionType: 'grade', electorate, scoreMax: null },
      grades(satisfied, basic, unsatisfied),
      {},
    );
    expect(result.outcome).toBe(outcome);
  });

  it('decides approve ballots by approvals over half of all members', () => {
    const counts = (approve: number, against: number): ItemCounts => ({
      valid: approve + against,
      counts: { approve, disapprove: against, abstain: 0 },
      scoreSum: 0,
    });
    const context = { questionType: 'approve' as const, electorate: 26, scoreMax: null };
    expect(decideItem(zhenhai, context, counts(13, 0), {}).outcome).toBe('failed');
    expect(decideItem(zhenhai, context, counts(14, 12), {}).outcome).toBe('passed');
  });
});

describe('博爱 rule: a percentage threshold (80%), which includes the threshold itself', () => {
  const context = { questionType: 'grade' as const, electorate: 40, scoreMax: null };
  it.each([
    ['海州 25/1/0 inclusive', boai, grades(25, 1, 0), 'passed', 100],
    ['海州 25/1/0 strict (96.2%)', boaiStrict, grades(25, 1, 0), 'passed', 96.2],
    ['exactly 80% passes', boai, grades(10, 6, 4), 'passed', 80],
    ['79.9%… fails', boai, grades(600, 198, 201), 'failed', 79.9],
    ['75% fails', boai, grades(12, 3, 5), 'failed', 75],
    ['strict: basic does not count', boaiStrict, grades(10, 6, 4), 'failed', 50],
    ['no valid votes fails', boai, grades(0, 0, 0), 'failed', null],
  ] as const)('%s', (_case, rule, counts, outcome, percent) => {
    const result = decideItem(rule, context, counts, {});
    expect(result.outcome).toBe(outcome);
    expect(result.ratePercent).toBe(percent);
  });

  it('thresholds with a decimal compare exactly (2/3 against 66.7%)', () => {
    expect(reaches({ numerator: 2, denominator: 3 }, 66.7)).toBe(false);
    expect(reaches({ numerator: 667, denominator: 1000 }, 66.7)).toBe(true);
  });

  it('score ballots compare the mean with the share of the maximum', () => {
    const rule: PassRule = { kind: 'threshold', percent: 80, countBasic: true };
    const context = { questionType: 'score' as const, electorate: 10, scoreMax: 100 };
    expect(decideItem(rule, context, scores(800, 10), {}).outcome).toBe('passed');
    expect(decideItem(rule, context, scores(799, 10), {}).outcome).toBe('failed');
  });
});

describe('固始 rule: members 60% + attending deputies 40%', () => {
  const context = { questionType: 'grade' as const, electorate: 30, scoreMax: null };
  it.each([
    // members 90% and attendees 50%: 0.6 × 90 + 0.4 × 50 = 74
    ['74% is below 80%', grades(18, 0, 2), grades(5, 0, 5), 'failed', 74],
    // 80% and 80% exactly: floating point would give 80.00000000000001 or 79.99999999999999
    ['exactly 80% passes', grades(16, 0, 4), grades(8, 0, 2), 'passed', 80],
    ['members alone carry 60%: 100% and 50% gives 80', grades(20, 0, 0), grades(5, 0, 5), 'passed', 80],
    ['attendees weigh less: 50% and 100% gives 70', grades(10, 0, 10), grades(10, 0, 0), 'failed', 70],
  ] as const)('%s', (_case, members, attendees, outcome, percent) => {
    const all = grades(
      (members.counts.satisfied ?? 0) + (attendees.counts.satisfied ?? 0),
      0,
      (members.counts.unsatisfied ?? 0) + (attendees.counts.unsatisfied ?? 0),
    );
    const result = decideItem(gushi, context, all, { members, attendees });
    expect(result.outcome).toBe(outcome);
    expect(result.ratePercent).toBe(percent);
  });

  it('scores: members average 90 and attendees 70 of 100 give 82', () => {
    const rule: PassRule = { ...gushi, percent: 82 };
    const context2 = { questionType: 'score' as const, electorate: 30, scoreMax: 100 };
    const members = scores(1800, 20);
    const attendees = scores(700, 10);
    const result = decideItem(rule, context2, scores(2500, 30), { members, attendees });
    expect(result).toEqual({ outcome: 'passed', ratePercent: 82 });
    expect(
      decideItem({ ...rule, percent: 82.1 }, context2, scores(2500, 30), { members, attendees }).outcome,
    ).toBe('failed');
  });

  it('a group with no valid vote does not count as zero', () => {
    expect(
      weightedReaches(
        [
          { weight: 60, rate: { numerator: 9, denominator: 10 } },
          { weight: 40, rate: null },
        ],
        80,
      ),
    ).toBe(true);
    expect(weightedReaches([{ weight: 60, rate: null }], 80)).toBe(false);
  });
});

describe('choosing N of M (livelihood projects: 20 candidates for 10)', () => {
  const candidates = (votes: number[]) => votes.map((v, i) => ({ itemId: `c${i + 1}`, votes: v }));
  const elected = (outcomes: Map<string, string>) =>
    [...outcomes].filter(([, o]) => o === 'elected').map(([id]) => id);
  // c10 and c11 tie for the tenth seat.
  const tie = [200, 190, 180, 170, 160, 150, 140, 130, 120, 100, 100, 90, 80, 70, 60, 50, 40, 30, 20, 10];

  it('elects the ten with most votes when there is no tie', () => {
    const votes = tie.map((v, i) => (i === 9 ? 101 : v));
    const result = decidePlurality(candidates(votes), 10, 300, {
      tieRule: 'runoff',
      requireMajorityOfAll: false,
    });
    expect(elected(result.outcomes)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10']);
    expect(result.seatsLeft).toBe(0);
    expect(result.ranks.get('c11')).toBe(11);
  });

  it.each([
    ['runoff', 9, ['c10', 'c11'], 1],
    ['include_all', 11, [], 0],
    ['exclude_all', 9, [], 1],
  ] as const)('a tie at the last seat under %s', (tieRule, count, runoff, seatsLeft) => {
    const result = decidePlurality(candidates(tie), 10, 300, { tieRule, requireMajorityOfAll: false });
    expect(elected(result.outcomes)).toHaveLength(count);
    expect(result.runoffItemIds).toEqual(runoff);
    expect(result.seatsLeft).toBe(seatsLeft);
    expect(result.ranks.get('c10')).toBe(10);
    expect(result.ranks.get('c11')).toBe(10);
    expect(result.ranks.get('c12')).toBe(12);
  });

  it('a tie above the last seat changes nothing', () => {
    const votes = tie.map((v, i) => (i === 1 ? 200 : i === 10 ? 95 : v));
    const result = decidePlurality(candidates(votes), 10, 300, {
      tieRule: 'runoff',
      requireMajorityOfAll: false,
    });
    expect(elected(result.outcomes)).toHaveLength(10);
    expect(result.ranks.get('c2')).toBe(1);
  });

  it('with a majority of all required, exactly half is not enough', () => {
    const result = decidePlurality(candidates([151, 150, 149]), 2, 300, {
      tieRule: 'runoff',
      requireMajorityOfAll: true,
    });
    expect(elected(result.outcomes)).toEqual(['c1']);
    expect(result.seatsLeft).toBe(1);
    expect(majorityOfAll(150, 300)).toBe(false);
  });

  it('nobody is elected without a vote', () => {
    const result = decidePlurality(candidates([3, 0, 0]), 2, 10, {
      tieRule: 'include_all',
      requireMajorityOfAll: false,
    });
    expect(elected(result.outcomes)).toEqual(['c1']);
    expect(result.seatsLeft).toBe(1);
  });
});
