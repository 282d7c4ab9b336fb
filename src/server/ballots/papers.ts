import type { BallotPaper, QuestionType } from '../../shared/schemas/ballots.js';
import { approveMarkValues, gradeValues } from '../../shared/schemas/ballots.js';
import { ballotErrors } from './ballots.errors.js';
import type { StoredPaper } from './tally.js';
import { paperIsFullyValid } from './tally.js';

export interface PaperRules {
  questionType: QuestionType;
  maxSelections: number | null;
  scoreMax: number | null;
  itemIds: string[];
}

/**
 * Turns a submitted paper into what is stored, refusing what is malformed (an item not on the
 * ballot, a mark of another kind of ballot) but keeping what is merely invalid by the rules (more
 * than N chosen, an item left without a grade): those are counted as invalid, never dropped.
 */
export function normalisePaper(
  rules: PaperRules,
  paper: BallotPaper & { spoiled?: boolean },
): { stored: StoredPaper; fullyValid: boolean } {
  const known = new Set(rules.itemIds);
  const stored: StoredPaper = {};
  switch (rules.questionType) {
    case 'approve':
    case 'grade': {
      if (paper.selected?.length || paper.scores) throw ballotErrors.wrongMark('marks');
      const allowed: readonly string[] = rules.questionType === 'approve' ? approveMarkValues : gradeValues;
      const marks: NonNullable<StoredPaper['marks']> = {};
      for (const [itemId, mark] of Object.entries(paper.marks ?? {})) {
        if (!known.has(itemId)) throw ballotErrors.unknownItem(`marks.${itemId}`);
        if (!allowed.includes(mark)) throw ballotErrors.wrongMark(`marks.${itemId}`);
        marks[itemId] = mark;
      }
      stored.marks = marks;
      break;
    }
    case 'select': {
      if (paper.marks || paper.scores) throw ballotErrors.wrongMark('selected');
      const selected = paper.selected ?? [];
      if (new Set(selected).size !== selected.length) throw ballotErrors.duplicateSelection();
      for (const itemId of selected) if (!known.has(itemId)) throw ballotErrors.unknownItem('selected');
      stored.selected = [...selected];
      break;
    }
    case 'score': {
      if (paper.marks || paper.selected?.length) throw ballotErrors.wrongMark('scores');
      const scores: Record<string, number> = {};
      for (const [itemId, score] of Object.entries(paper.scores ?? {})) {
        if (!known.has(itemId)) throw ballotErrors.unknownItem(`scores.${itemId}`);
        if (score > (rules.scoreMax ?? 100)) throw ballotErrors.scoreTooHigh(rules.scoreMax ?? 100);
        scores[itemId] = score;
      }
      stored.scores = scores;
      break;
    }
    default: {
      const exhaustive: never = rules.questionType;
      throw new Error(`unknown question type ${String(exhaustive)}`);
    }
  }
  if (paper.spoiled) stored.spoiled = true;
  return {
    stored,
    fullyValid: paperIsFullyValid(rules.questionType, rules.maxSelections, rules.itemIds, stored),
  };
}

/** A stored paper read back; anything unexpected reads as an empty (invalid) paper. */
export function parseStoredPaper(json: string): StoredPaper {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null) return {};
  return value as StoredPaper;
}
