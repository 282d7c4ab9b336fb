import { shanghaiDate } from '../platform/clock.js';
import { daysBetween } from '../suggestions/suggestion.views.js';
import { warningDay } from '../suggestions/handling.jobs.js';
import type { FactRow, FactsRepository } from './facts.repository.js';

type Sources = Awaited<ReturnType<FactsRepository['sources']>>;
type SuggestionSource = Sources['suggestions'][number];
type AssignmentSource = Sources['assignments'][number];

/** What the facts need from a body's rule profile. */
export interface ProfileFacts {
  /** Outcome class code → what it counts for (`solved`, `planned`, …). */
  outcomeCounts: Map<string, string>;
  warningSharePercent: number;
}

/** Assignment statuses in which the unit still owes its reply (as in supervision). */
const owing = ['pending_receipt', 'handling', 'adjustment_requested', 'rehandling'];
const handlingStatuses = ['handling', 'rehandling'];

const day = (iso: string) => shanghaiDate(new Date(iso));
const bit = (value: boolean) => (value ? 1 : 0);

/**
 * Derives the fact rows of suggestions: one for the item (`unit_id = ''`) and one per replying
 * unit (lead or separate, not reassigned). The rules of DOMAIN.md §5 live here:
 * - withdrawn items keep a row with only `withdrawn = 1`, so every rate leaves them out;
 * - merged items were never assigned and have no row (the item they joined counts once);
 * - a re-handled item counts once: the current round's reply and the lead deputy's rating of the
 *   current round; while it is being re-handled it is not replied and has no valid feedback;
 * - on time compares the reply day with the assignment's deadline, which an approved extension
 *   or a re-handling order has moved;
 * - items closed without feedback count in `no_feedback`, never in the satisfaction figures.
 */
export function buildFacts(sources: Sources, profiles: Map<string, ProfileFacts>): FactRow[] {
  const byItem = <T extends { suggestion_id: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.suggestion_id, [...(map.get(row.suggestion_id) ?? []), row]);
    return map;
  };
  const assignments = byItem(sources.assignments);
  const replies = byItem(sources.replies);
  const contacts = byItem(sources.contacts);
  const ratings = byItem(sources.ratings);
  const promises = byItem(sources.promises);
  const rows: FactRow[] = [];
  for (const s of sources.suggestions) {
    const profile = profiles.get(s.body_id);
    if (!profile || !s.assigned_at) continue;
    const units = (assignments.get(s.id) ?? []).sort((a, b) => a.unit_id.localeCompare(b.unit_id));
    const round = (replies.get(s.id) ?? []).filter((r) => r.round === s.handling_round);
    const rating = (ratings.get(s.id) ?? []).find((r) => r.round === s.handling_round);
    const seat = sources.seats.find((x) => x.deputy_id === s.lead_deputy_id && x.body_id === s.body_id);
    const withdrawn = s.status === 'withdrawn';
    const base = {
      body_path: s.body_path,
      suggestion_id: s.id,
      body_id: s.body_id,
      session_id: s.session_id,
      year: Number(day(s.assigned_at).slice(0, 4)),
      category_id: s.category_id,
      lead_deputy_id: s.lead_deputy_id,
      delegation_id: seat?.delegation_id ?? null,
      disclose: s.disclose,
      assigned_on: day(s.assigned_at),
    };
    if (withdrawn) {
      for (const unitId of ['', ...units.map((a) => a.unit_id)])
        rows.push({ ...base, unit_id: unitId, ...emptyFacts, withdrawn: 1 });
      continue;
    }
    const feedback = s.status === 'closed' && rating !== undefined;
    const ratingFacts = {
      feedback: bit(feedback),
      no_feedback: bit(s.status === 'closed' && s.close_reason === 'no_feedback'),
      satisfied: bit(feedback && rating.result === 'satisfied'),
      satisfied_or_basically: bit(
        feedback && (rating.result === 'satisfied' || rating.result === 'basically_satisfied'),
      ),
      unsatisfied: bit(feedback && rating.result === 'unsatisfied'),
    };
    const classOf = (code: string) => profile.outcomeCounts.get(code);
    const unitRows = units.map((a) => {
      const reply = round.find((r) => r.assignment_id === a.id);
      const replied = a.status === 'replied' && a.replied_at !== null && reply !== undefined;
      const repliedOn = replied && a.replied_at ? day(a.replied_at) : null;
      const owed = handlingStatuses.includes(s.status) && owing.includes(a.status);
      const own = (promises.get(s.id) ?? []).filter((p) => p.unit_id === a.unit_id);
      return {
        ...base,
        unit_id: a.unit_id,
        withdrawn: 0,
        replied: bit(replied),
        replied_on: repliedOn,
        reply_days: repliedOn ? daysBetween(a.assigned_on, repliedOn) : 0,
        on_time: bit(repliedOn !== null && repliedOn <= a.reply_due_on),
        face_to_face: bit(
          (contacts.get(s.id) ?? []).some((c) => c.unit_id === a.unit_id) ||
            (replies.get(s.id) ?? []).some((r) => r.unit_id === a.unit_id && r.face_to_face === 1),
        ),
        ...ratingFacts,
        solved: bit(replied && classOf(reply.outcome_class) === 'solved'),
        solved_or_planned: bit(replied && ['solved', 'planned'].includes(classOf(reply.outcome_class) ?? '')),
        promises: own.length,
        promises_fulfilled: own.filter((p) => p.status === 'fulfilled').length,
        open_due_on: owed ? a.reply_due_on : null,
        warning_on: owed ? warningDay(a.assigned_on, a.reply_due_on, profile.warningSharePercent) : null,
      } satisfies FactRow;
    });
    rows.push(itemRow(s, base, unitRows, units, ratingFacts, (contacts.get(s.id) ?? []).length > 0));
    rows.push(...unitRows);
  }
  return rows;
}

/** The item's row: replied when the suggestion is, with every unit's figures combined. */
function itemRow(
  s: SuggestionSource,
  base: Omit<FactRow, 'unit_id' | keyof typeof emptyFacts>,
  unitRows: FactRow[],
  units: AssignmentSource[],
  ratingFacts: Pick<
    FactRow,
    'feedback' | 'no_feedback' | 'satisfied' | 'satisfied_or_basically' | 'unsatisfied'
  >,
  anyFaceToFaceContact: boolean,
): FactRow {
  const replied =
    s.replied_at !== null &&
    ['replied', 'closed'].includes(s.status) &&
    unitRows.length > 0 &&
    unitRows.every((u) => u.replied === 1);
  const repliedOn = replied && s.replied_at ? day(s.replied_at) : null;
  const open = unitRows.map((u) => u.open_due_on).filter((d): d is string => typeof d === 'string');
  const warnings = unitRows.map((u) => u.warning_on).filter((d): d is string => typeof d === 'string');
  const assignedOn = units.map((a) => a.assigned_on).sort()[0] ?? base.assigned_on;
  return {
    ...base,
    unit_id: '',
    withdrawn: 0,
    replied: bit(replied),
    replied_on: repliedOn,
    reply_days: repliedOn ? daysBetween(assignedOn, repliedOn) : 0,
    on_time: bit(replied && unitRows.every((u) => u.on_time === 1)),
    face_to_face: bit(anyFaceToFaceContact || unitRows.some((u) => u.face_to_face === 1)),
    ...ratingFacts,
    solved: bit(replied && unitRows.every((u) => u.solved === 1)),
    solved_or_planned: bit(replied && unitRows.every((u) => u.solved_or_planned === 1)),
    promises: unitRows.reduce((n, u) => n + (u.promises ?? 0), 0),
    promises_fulfilled: unitRows.reduce((n, u) => n + (u.promises_fulfilled ?? 0), 0),
    open_due_on: open.sort()[0] ?? null,
    warning_on: warnings.sort()[0] ?? null,
  };
}

const emptyFacts = {
  withdrawn: 0,
  replied: 0,
  replied_on: null,
  reply_days: 0,
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
  open_due_on: null,
  warning_on: null,
} satisfies Partial<FactRow>;
