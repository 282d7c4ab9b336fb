import { newId } from '../platform/ids.js';
import type { TestApp } from '../testing/test-context.js';
import { laterAssignmentColumns } from '../suggestions/row-defaults.js';
import type { suggestionCounty } from '../suggestions/suggestions.fixture.js';

/** What the cases need of a county (the suggestion fixture's, or the oversight one built on it). */
type County = Pick<
  Awaited<ReturnType<typeof suggestionCounty>>,
  'acceptedItem' | 'deputies' | 'body' | 'admin' | 'term'
>;

/** One appraised case, written straight into the tables so each fact is exactly as the test says. */
export interface CaseSpec {
  unitId: string;
  role?: 'lead' | 'co' | 'separate';
  assignedOn?: string;
  dueOn?: string;
  /** Day (Asia/Shanghai) the reply was sent; none: not replied. */
  repliedOn?: string;
  /** The suggestion's status; `handling` unless given. */
  status?: 'handling' | 'replied' | 'closed' | 'withdrawn' | 'rehandling';
  assignmentStatus?: string;
  closeReason?: 'rated' | 'no_feedback';
  contacts?: { stage: 'before' | 'during' | 'after'; method: 'face_to_face' | 'phone'; on: string }[];
  /** Lead ratings by round; the suggestion's round is the last one. */
  ratings?: ('satisfied' | 'basically_satisfied' | 'unsatisfied')[];
  /** `none`: no record row; otherwise the steps signed (and `complete` when all three). */
  record?: ('deputy' | 'unit_leader' | 'government_leader')[] | 'none';
  promise?: { targetOn: string; fulfilledOn?: string };
}

/** 10:00 Beijing time of a day, as the ISO instant the tables store. */
const at = (day: string) => `${day}T02:00:00.000Z`;

export async function insertCase(t: TestApp, county: County, title: string, spec: CaseSpec) {
  const db = t.services.handle.db;
  const item = await county.acceptedItem(title);
  const rounds = spec.ratings?.length ?? 1;
  const status = spec.status ?? 'handling';
  await db
    .updateTable('suggestions')
    .set({
      status,
      handling_round: Math.max(rounds, 1),
      assigned_at: at(spec.assignedOn ?? '2025-03-20'),
      replied_at: spec.repliedOn ? at(spec.repliedOn) : null,
      closed_at: status === 'closed' ? at('2025-10-01') : null,
      close_reason: status === 'closed' ? (spec.closeReason ?? 'rated') : null,
    })
    .where('id', '=', item.id)
    .execute();
  const assignmentId = newId();
  const created = at(spec.assignedOn ?? '2025-03-20');
  await db
    .insertInto('assignments')
    .values({
      id: assignmentId,
      suggestion_id: item.id,
      unit_id: spec.unitId,
      role: spec.role ?? 'lead',
      status: spec.assignmentStatus ?? (spec.repliedOn ? 'replied' : 'handling'),
      batch_id: null,
      assigned_on: spec.assignedOn ?? '2025-03-20',
      reply_due_on: spec.dueOn ?? '2025-06-20',
      co_opinion_due_on: null,
      adjustment_window_ends_on: '2025-04-03',
      received_at: created,
      adjustment_reason: null,
      adjustment_requested_at: null,
      adjustment_decision: null,
      adjustment_note: null,
      adjustment_decided_at: null,
      replaced_by_id: null,
      version: 0,
      created_at: created,
      updated_at: created,
      ...laterAssignmentColumns,
      replied_at: spec.repliedOn ? at(spec.repliedOn) : null,
    })
    .execute();
  for (const contact of spec.contacts ?? [])
    await db
      .insertInto('contacts')
      .values({
        id: newId(),
        suggestion_id: item.id,
        assignment_id: assignmentId,
        unit_id: spec.unitId,
        stage: contact.stage,
        method: contact.method,
        contact_on: contact.on,
        participants: '经办人、代表1',
        summary: '听取代表意见。',
        created_by: null,
        created_at: at(contact.on),
      })
      .execute();
  for (const [index, result] of (spec.ratings ?? []).entries())
    await db
      .insertInto('ratings')
      .values({
        id: newId(),
        suggestion_id: item.id,
        round: index + 1,
        deputy_id: county.deputies[0]?.id ?? '',
        is_lead: 1,
        attitude: 'satisfied',
        result,
        reason: result === 'unsatisfied' ? '答复没有解决实际问题。' : null,
        created_at: at('2025-07-01'),
      })
      .execute();
  if (spec.record && spec.record !== 'none') {
    const steps = spec.record;
    const recordStatus =
      steps.length === 3
        ? 'complete'
        : steps.length === 2
          ? 'unit_signed'
          : steps.length === 1
            ? 'deputy_signed'
            : 'open';
    await db
      .insertInto('handling_records')
      .values({
        suggestion_id: item.id,
        body_id: county.body.id,
        status: recordStatus,
        cycle: 1,
        version: steps.length,
        completed_at: recordStatus === 'complete' ? at('2025-10-10') : null,
        created_at: at('2025-10-01'),
        updated_at: at('2025-10-10'),
      })
      .execute();
    for (const step of steps)
      await db
        .insertInto('handling_record_signatures')
        .values({
          suggestion_id: item.id,
          cycle: 1,
          step,
          user_id: county.admin.id,
          user_name: '签字人',
          unit_id: step === 'unit_leader' ? spec.unitId : null,
          note: null,
          signed_at: at('2025-10-05'),
        })
        .execute();
  }
  if (spec.promise) {
    const replyId = newId();
    await db
      .insertInto('replies')
      .values({
        id: replyId,
        suggestion_id: item.id,
        assignment_id: assignmentId,
        unit_id: spec.unitId,
        round: 1,
        outcome_class: 'B',
        document_no: `县函〔2025〕${replyId.slice(-3)}号`,
        body: '列入计划解决。',
        face_to_face: 0,
        status: 'sent',
        sign_step: 3,
        version: 3,
        sent_at: at(spec.repliedOn ?? '2025-06-10'),
        created_by: null,
        created_at: at('2025-06-01'),
        updated_at: at('2025-06-10'),
      })
      .execute();
    await db
      .insertInto('followup_promises')
      .values({
        id: newId(),
        body_id: county.body.id,
        suggestion_id: item.id,
        reply_id: replyId,
        assignment_id: assignmentId,
        unit_id: spec.unitId,
        round: 1,
        outcome_class: 'B',
        term_id: county.term.id,
        promise_text: '年内完成改造。',
        target_on: spec.promise.targetOn,
        entered_on: spec.repliedOn ?? '2025-06-10',
        entered_year: 2025,
        status: spec.promise.fulfilledOn ? 'fulfilled' : 'open',
        progress_percent: null,
        last_progress_on: null,
        fulfilled_on: spec.promise.fulfilledOn ?? null,
        fulfilled_note: null,
        fulfilled_by: null,
        version: 0,
        created_at: at('2025-06-10'),
        updated_at: at('2025-06-10'),
      })
      .execute();
  }
  return { item, assignmentId };
}
