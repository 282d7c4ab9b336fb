import { shanghaiDate } from '../platform/clock.js';
import { daysBetween, serialLabel } from '../suggestions/suggestion.views.js';
import { appraisalCriterionLabels, appraisalCriterionValues } from '../../shared/schemas/appraisal.js';
import type {
  AppraisalCriterion,
  AppraisalDeduction,
  AppraisalSettings,
  UnitAppraisal,
} from '../../shared/schemas/appraisal.js';
import { recordStepLabels } from '../../shared/schemas/records.js';
import type { RecordStep } from '../../shared/schemas/records.js';
import type { AppraisalAssignmentRow } from './appraisal.repository.js';

/** What the scoring reads, already fetched (see `AppraisalRepository`). */
export interface AppraisalFacts {
  assignments: AppraisalAssignmentRow[];
  contacts: { assignment_id: string; stage: string; method: string; contact_on: string }[];
  ratings: { suggestion_id: string; result: string }[];
  records: {
    records: { suggestion_id: string; status: string; cycle: number }[];
    signatures: { suggestion_id: string; cycle: number; step: string }[];
  };
  promises: {
    assignment_id: string;
    status: string;
    target_on: string;
    fulfilled_on: string | null;
    promise_text: string;
  }[];
}

export interface UnitScore {
  unit: UnitAppraisal;
  deductions: AppraisalDeduction[];
}

const openStatuses = new Set(['pending_receipt', 'handling', 'adjustment_requested', 'rehandling']);
const recordSteps: RecordStep[] = ['deputy', 'unit_leader', 'government_leader'];
const round1 = (value: number): number => Math.round(value * 10) / 10;

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/** The deductions of one assignment, criterion by criterion (reasons in Chinese, for the report). */
function assignmentDeductions(
  a: AppraisalAssignmentRow,
  facts: {
    contacts: AppraisalFacts['contacts'];
    rating: string | undefined;
    record: { status: string; signed: Set<string> } | undefined;
    promises: AppraisalFacts['promises'];
  },
  settings: AppraisalSettings,
  today: string,
): {
  counted: Record<AppraisalCriterion, number>;
  items: Omit<AppraisalDeduction, 'suggestionId' | 'serialLabel' | 'title'>[];
} {
  const counted: Record<AppraisalCriterion, number> = {
    onTime: 0,
    contact: 0,
    satisfaction: 0,
    signatures: 0,
    promises: 0,
  };
  const items: Omit<AppraisalDeduction, 'suggestionId' | 'serialLabel' | 'title'>[] = [];
  const due = a.reply_due_on;
  const repliedOn = a.replied_at ? shanghaiDate(new Date(a.replied_at)) : null;

  // 按时答复: judged against the assignment's current deadline (extended, or the re-handling one).
  if (repliedOn) {
    counted.onTime += 1;
    if (repliedOn > due)
      items.push({
        criterion: 'onTime',
        reason: `答复逾期 ${-daysBetween(repliedOn, due)} 天（期限 ${due}，${repliedOn} 答复）`,
        points: settings.onTime.lateReply,
      });
  } else if (openStatuses.has(a.status) && today > due) {
    counted.onTime += 1;
    items.push({
      criterion: 'onTime',
      reason: `逾期未答复（期限 ${due}，已逾期 ${-daysBetween(today, due)} 天）`,
      points: settings.onTime.overdueNoReply,
    });
  }

  // 答复前联系代表: a contact before or during handling, on or before the reply day.
  if (repliedOn) {
    counted.contact += 1;
    const contacted = facts.contacts.some(
      (c) =>
        (c.stage === 'before' || c.stage === 'during') &&
        c.contact_on <= repliedOn &&
        (!settings.contact.faceToFaceOnly || c.method !== 'phone'),
    );
    if (!contacted)
      items.push({
        criterion: 'contact',
        reason: settings.contact.faceToFaceOnly ? '答复前未与代表面商' : '答复前未与代表联系沟通',
        points: settings.contact.missingContact,
      });
  }

  // 代表满意度: the lead deputy's final rating.
  if (facts.rating) {
    counted.satisfaction += 1;
    if (facts.rating === 'unsatisfied')
      items.push({
        criterion: 'satisfaction',
        reason: '代表评价不满意',
        points: settings.satisfaction.unsatisfied,
      });
    else if (facts.rating === 'basically_satisfied')
      items.push({
        criterion: 'satisfaction',
        reason: '代表评价基本满意',
        points: settings.satisfaction.basicallySatisfied,
      });
  }

  // 纪实表签字: every closed item's record needs deputy → unit leader → government leader.
  if (a.suggestion_status === 'closed') {
    counted.signatures += 1;
    if (facts.record?.status !== 'complete') {
      const missing = recordSteps.filter((step) => !facts.record?.signed.has(step));
      items.push({
        criterion: 'signatures',
        reason: `全程纪实表签字不全（缺：${missing.map((s) => recordStepLabels[s].zh).join('、')}）`,
        points: settings.signatures.incompleteRecord,
      });
    }
  }

  // 承诺落实: B-class promises due by today and still open, or fulfilled after their date.
  for (const p of facts.promises) {
    counted.promises += 1;
    if (p.status === 'open' && p.target_on < today)
      items.push({
        criterion: 'promises',
        reason: `承诺事项逾期未落实（承诺 ${p.target_on} 前完成：${p.promise_text.slice(0, 40)}）`,
        points: settings.promises.overdue,
      });
    else if (p.status === 'fulfilled' && p.fulfilled_on && p.fulfilled_on > p.target_on)
      items.push({
        criterion: 'promises',
        reason: `承诺事项逾期落实（承诺 ${p.target_on}，${p.fulfilled_on} 落实）`,
        points: settings.promises.fulfilledLate,
      });
  }
  return { counted, items };
}

function criterionResults(
  deductions: AppraisalDeduction[],
  counted: Record<AppraisalCriterion, number>,
  settings: AppraisalSettings,
): UnitAppraisal['criteria'] {
  return appraisalCriterionValues.map((criterion) => {
    const mine = deductions.filter((d) => d.criterion === criterion);
    const deducted = mine.reduce((sum, d) => sum + d.points, 0);
    const weight = settings[criterion].weight;
    return {
      criterion,
      label: appraisalCriterionLabels[criterion].zh,
      weight,
      points: round1(Math.max(0, weight - deducted)),
      deducted: round1(deducted),
      itemCount: counted[criterion],
      deductionCount: mine.length,
    };
  });
}

/** A unit with nothing in scope: full marks, nothing counted. */
export function unscoredUnit(unitId: string, unitName: string, settings: AppraisalSettings): UnitAppraisal {
  const none = { onTime: 0, contact: 0, satisfaction: 0, signatures: 0, promises: 0 };
  return {
    unitId,
    unitName,
    rank: 0,
    score: 100,
    assignmentCount: 0,
    criteria: criterionResults([], none, settings),
  };
}

/**
 * Scores each unit: every criterion starts at its weight and loses the deductions of its items,
 * down to zero (扣完为止); the score is their sum. Units ranked by score (ties share a rank).
 */
export function scoreUnits(facts: AppraisalFacts, settings: AppraisalSettings, today: string): UnitScore[] {
  const contactsBy = groupBy(facts.contacts, (c) => c.assignment_id);
  const promisesBy = groupBy(facts.promises, (p) => p.assignment_id);
  const ratingBy = new Map(facts.ratings.map((r) => [r.suggestion_id, r.result]));
  const recordBy = new Map(
    facts.records.records.map((r) => [
      r.suggestion_id,
      {
        status: r.status,
        signed: new Set(
          facts.records.signatures
            .filter((s) => s.suggestion_id === r.suggestion_id && s.cycle === r.cycle)
            .map((s) => s.step),
        ),
      },
    ]),
  );

  const scores: UnitScore[] = [];
  for (const [unitId, rows] of groupBy(facts.assignments, (a) => a.unit_id)) {
    const counted: Record<AppraisalCriterion, number> = {
      onTime: 0,
      contact: 0,
      satisfaction: 0,
      signatures: 0,
      promises: 0,
    };
    const deductions: AppraisalDeduction[] = [];
    for (const a of rows) {
      const result = assignmentDeductions(
        a,
        {
          contacts: contactsBy.get(a.id) ?? [],
          rating: ratingBy.get(a.suggestion_id),
          record: recordBy.get(a.suggestion_id),
          promises: promisesBy.get(a.id) ?? [],
        },
        settings,
        today,
      );
      for (const criterion of appraisalCriterionValues) counted[criterion] += result.counted[criterion];
      for (const item of result.items)
        deductions.push({
          ...item,
          suggestionId: a.suggestion_id,
          serialLabel: serialLabel(a),
          title: a.title,
        });
    }
    const criteria = criterionResults(deductions, counted, settings);
    scores.push({
      unit: {
        unitId,
        unitName: rows[0]?.unit_name ?? '',
        rank: 0,
        score: round1(criteria.reduce((sum, c) => sum + c.points, 0)),
        assignmentCount: rows.length,
        criteria,
      },
      deductions: deductions.sort(
        (x, y) =>
          appraisalCriterionValues.indexOf(x.criterion) - appraisalCriterionValues.indexOf(y.criterion),
      ),
    });
  }
  scores.sort(
    (x, y) => y.unit.score - x.unit.score || x.unit.unitName.localeCompare(y.unit.unitName, 'zh-CN'),
  );
  scores.forEach((s, i) => {
    const previous = scores[i - 1];
    s.unit.rank = previous && previous.unit.score === s.unit.score ? previous.unit.rank : i + 1;
  });
  return scores;
}
