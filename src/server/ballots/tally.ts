import type { BallotPaper, GroupKey, PassRule, QuestionType } from '../../shared/schemas/ballots.js';
import type { BallotResults, ItemOutcome, ItemResult } from '../../shared/schemas/ballot-views.js';
import { approveMarkValues, gradeValues, groupKeyValues } from '../../shared/schemas/ballots.js';
import type { ItemCounts } from './pass-rules.js';
import { decideItem, decidePlurality, favourableRate, percentOf } from './pass-rules.js';

/** A ballot paper as stored: marks, selections or scores, and whether tellers found it spoiled. */
export type StoredPaper = BallotPaper & { spoiled?: boolean };

export interface TallyChoice {
  groupKey: GroupKey;
  source: string;
  paper: StoredPaper;
}

export interface TallyItem {
  id: string;
  position: number;
  title: string;
  refId: string | null;
}

export interface TallyInput {
  questionType: QuestionType;
  maxSelections: number | null;
  scoreMax: number | null;
  passRule: PassRule;
  electorate: number;
  /** Entitled voters per group (`all` only, or `members` and `attendees`). */
  groupElectorate: Partial<Record<GroupKey, number>>;
  /** Voters recorded per group (the participation table). */
  groupVoted: Partial<Record<GroupKey, number>>;
  items: TallyItem[];
  choices: TallyChoice[];
}

const markKeys: Record<QuestionType, readonly string[]> = {
  approve: approveMarkValues,
  grade: gradeValues,
  select: ['votes'],
  score: [],
};

/** A paper spoiled, or choosing more than allowed, is invalid as a whole; for select, nothing of it counts. */
export function paperIsWhollyInvalid(
  questionType: QuestionType,
  maxSelections: number | null,
  paper: StoredPaper,
): boolean {
  if (paper.spoiled) return true;
  return questionType === 'select' && (paper.selected?.length ?? 0) > (maxSelections ?? 0);
}

/** Whether the item got a valid mark on this paper (select: the paper is valid; the item may be unchosen). */
function itemMark(questionType: QuestionType, paper: StoredPaper, itemId: string): string | number | null {
  switch (questionType) {
    case 'approve':
    case 'grade':
      return paper.marks?.[itemId] ?? null;
    case 'score':
      return paper.scores?.[itemId] ?? null;
    case 'select':
      return paper.selected?.includes(itemId) ? 'votes' : '';
    default: {
      const exhaustive: never = questionType;
      throw new Error(`unknown question type ${String(exhaustive)}`);
    }
  }
}

/** A paper is fully valid when no item of it is invalid ("no grade" and "over N" are invalid). */
export function paperIsFullyValid(
  questionType: QuestionType,
  maxSelections: number | null,
  itemIds: string[],
  paper: StoredPaper,
): boolean {
  if (paperIsWhollyInvalid(questionType, maxSelections, paper)) return false;
  return itemIds.every((id) => itemMark(questionType, paper, id) !== null);
}

const emptyCounts = (questionType: QuestionType): ItemCounts => ({
  valid: 0,
  counts: Object.fromEntries(markKeys[questionType].map((key) => [key, 0])),
  scoreSum: 0,
});

function add(counts: ItemCounts, mark: string | number): void {
  counts.valid += 1;
  if (typeof mark === 'number') counts.scoreSum += mark;
  else if (mark !== '') counts.counts[mark] = (counts.counts[mark] ?? 0) + 1;
}

/**
 * Counts every paper (invalid ones too, apart) and decides each item by the ballot's rule. Pure:
 * the same papers always give the same result, whatever order they are read in.
 */
export function tally(input: TallyInput): BallotResults {
  const { questionType, maxSelections, scoreMax, passRule, electorate, items, choices } = input;
  // A fixed order (all, members, attendees), whatever order the database grouped them in.
  const groupKeys = groupKeyValues.filter((key) => key in input.groupElectorate);
  const perItem = new Map(
    items.map((item) => [
      item.id,
      {
        all: emptyCounts(questionType),
        invalid: 0,
        groups: Object.fromEntries(groupKeys.map((key) => [key, emptyCounts(questionType)])) as Partial<
          Record<GroupKey, ItemCounts>
        >,
      },
    ]),
  );
  let fullyValid = 0;
  let paperCount = 0;
  for (const choice of choices) {
    if (choice.source === 'paper') paperCount += 1;
    const wholeInvalid = paperIsWhollyInvalid(questionType, maxSelections, choice.paper);
    let allValid = !wholeInvalid;
    for (const item of items) {
      const entry = perItem.get(item.id);
      if (!entry) continue;
      const mark = wholeInvalid ? null : itemMark(questionType, choice.paper, item.id);
      if (mark === null) {
        entry.invalid += 1;
        allValid = false;
        continue;
      }
      add(entry.all, mark);
      const group = entry.groups[choice.groupKey];
      if (group) add(group, mark);
    }
    if (allValid) fullyValid += 1;
  }

  const outcomes = new Map<
    string,
    { outcome: ItemOutcome; ratePercent: number | null; rank: number | null }
  >();
  let runoffItemIds: string[] = [];
  let seatsLeft = 0;
  if (passRule.kind === 'plurality') {
    const decided = decidePlurality(
      items.map((item) => ({ itemId: item.id, votes: perItem.get(item.id)?.all.counts.votes ?? 0 })),
      maxSelections ?? 1,
      electorate,
      passRule,
    );
    for (const item of items) {
      const counts = perItem.get(item.id)?.all;
      outcomes.set(item.id, {
        outcome: decided.outcomes.get(item.id) ?? 'not_elected',
        ratePercent: counts ? percentOf(favourableRate('select', counts, true, null)) : null,
        rank: decided.ranks.get(item.id) ?? null,
      });
    }
    runoffItemIds = decided.runoffItemIds;
    seatsLeft = decided.seatsLeft;
  } else {
    for (const item of items) {
      const entry = perItem.get(item.id);
      if (!entry) continue;
      const decided = decideItem(passRule, { questionType, electorate, scoreMax }, entry.all, entry.groups);
      outcomes.set(item.id, { ...decided, rank: null });
    }
  }

  const countBasic =
    passRule.kind === 'threshold' || passRule.kind === 'weighted' ? passRule.countBasic : true;
  const itemResults: ItemResult[] = items.map((item) => {
    const entry = perItem.get(item.id) ?? { all: emptyCounts(questionType), invalid: 0, groups: {} };
    const decided = outcomes.get(item.id) ?? { outcome: 'failed' as const, ratePercent: null, rank: null };
    return {
      itemId: item.id,
      position: item.position,
      title: item.title,
      refId: item.refId,
      valid: entry.all.valid,
      invalid: entry.invalid,
      counts: entry.all.counts,
      scoreMean:
        questionType === 'score' && entry.all.valid > 0
          ? Math.round((entry.all.scoreSum * 100) / entry.all.valid) / 100
          : null,
      ratePercent: decided.ratePercent,
      groups: groupKeys.map((key) => {
        const counts = entry.groups[key] ?? emptyCounts(questionType);
        return {
          key,
          valid: counts.valid,
          counts: counts.counts,
          ratePercent: percentOf(favourableRate(questionType, counts, countBasic, scoreMax)),
        };
      }),
      outcome: decided.outcome,
      rank: decided.rank,
    };
  });

  const voted = groupKeys.reduce((sum, key) => sum + (input.groupVoted[key] ?? 0), 0);
  return {
    electorate,
    voted,
    turnoutPercent: electorate === 0 ? 0 : Math.round((voted * 1000) / electorate) / 10,
    ballotsCast: choices.length,
    fullyValid,
    withInvalid: choices.length - fullyValid,
    paper: paperCount,
    groups: groupKeys.map((key) => ({
      key,
      electorate: input.groupElectorate[key] ?? 0,
      voted: input.groupVoted[key] ?? 0,
    })),
    items: itemResults,
    runoffItemIds,
    seatsLeft,
    consistent: choices.length === voted,
  };
}
