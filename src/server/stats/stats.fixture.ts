import { newId } from '../platform/ids.js';
import type { TestApp } from '../testing/test-context.js';
import { laterAssignmentColumns } from '../suggestions/row-defaults.js';
import { suggestionCounty } from '../suggestions/suggestions.fixture.js';

type Rating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

interface UnitPlan {
  unitId: string;
  role?: 'lead' | 'separate';
  assignedOn?: string;
  dueOn?: string;
  /** Replies by round: day sent and class. The last one is the current round's. */
  replies?: { round: number; on: string; outcome: string; faceToFace?: boolean }[];
  status?: string;
  extendedTo?: string;
  contact?: 'face_to_face' | 'meeting' | 'phone';
  promise?: 'open' | 'fulfilled';
}

interface ItemPlan {
  title: string;
  status: string;
  units: UnitPlan[];
  bodyId?: string;
  round?: number;
  ratings?: { round: number; result: Rating }[];
  closeReason?: 'rated' | 'no_feedback';
  disclose?: boolean;
  mergedIntoId?: string;
  /** Assigned at (defaults to 2025-03-20). */
  assignedOn?: string | null;
}

const at = (day: string) => `${day}T02:00:00.000Z`;

/**
 * A county with a township, three units and items written straight into the handling tables,
 * in exactly the states the hand-counted table of `stats.test.ts` describes.
 */
export async function statsCounty(t: TestApp) {
  const county = await suggestionCounty(t.services, t.app);
  const db = t.services.handle.db;
  const township = await county.make.body({ parent: county.body, name: '城关镇人大', level: 'township' });
  const townUnit = await county.make.unit({ body: township, name: '城关镇政府' });

  async function item(plan: ItemPlan): Promise<string> {
    const row = await county.acceptedItem(plan.title);
    const assignedOn = plan.assignedOn === undefined ? '2025-03-20' : plan.assignedOn;
    const lastReply = plan.units
      .flatMap((u) => u.replies ?? [])
      .filter((r) => r.round === (plan.round ?? 1))
      .map((r) => r.on)
      .sort()
      .at(-1);
    const replied = ['replied', 'closed'].includes(plan.status);
    await db
      .updateTable('suggestions')
      .set({
        status: plan.status,
        body_id: plan.bodyId ?? county.body.id,
        assigned_at: assignedOn ? at(assignedOn) : null,
        replied_at: replied && lastReply ? at(lastReply) : null,
        handling_round: plan.round ?? 1,
        closed_at: plan.status === 'closed' ? at('2025-07-08') : null,
        close_reason: plan.status === 'closed' ? (plan.closeReason ?? 'rated') : null,
        disclose: plan.disclose === false ? 0 : 1,
        merged_into_id: plan.mergedIntoId ?? null,
      })
      .where('id', '=', row.id)
      .execute();
    for (const unit of plan.units) {
      const assignmentId = newId();
      const unitAssignedOn = unit.assignedOn ?? assignedOn ?? '2025-03-20';
      const current = (unit.replies ?? []).filter((r) => r.round === (plan.round ?? 1)).at(-1);
      await db
        .insertInto('assignments')
        .values({
          id: assignmentId,
          suggestion_id: row.id,
          unit_id: unit.unitId,
          role: unit.role ?? 'lead',
          status: unit.status ?? (current ? 'replied' : 'handling'),
          batch_id: null,
          assigned_on: unitAssignedOn,
          reply_due_on: unit.extendedTo ?? unit.dueOn ?? '2025-06-20',
          co_opinion_due_on: null,
          adjustment_window_ends_on: '2025-04-03',
          received_at: at(unitAssignedOn),
          adjustment_reason: null,
          adjustment_requested_at: null,
          adjustment_decision: null,
          adjustment_note: null,
          adjustment_decided_at: null,
          replaced_by_id: null,
          version: 0,
          created_at: at(unitAssignedOn),
          updated_at: at(unitAssignedOn),
          ...laterAssignmentColumns,
          extension_status: unit.extendedTo ? 'approved' : null,
          extension_requested_due_on: unit.extendedTo ?? null,
          replied_at: current ? at(current.on) : null,
        })
        .execute();
      for (const reply of unit.replies ?? []) {
        const replyId = newId();
        await db
          .insertInto('replies')
          .values({
            id: replyId,
            suggestion_id: row.id,
            assignment_id: assignmentId,
            unit_id: unit.unitId,
            round: reply.round,
            outcome_class: reply.outcome,
            document_no: `县函〔2025〕${reply.round}号`,
            body: '答复正文',
            face_to_face: reply.faceToFace ? 1 : 0,
            status: 'sent',
            sign_step: 3,
            version: 3,
            sent_at: at(reply.on),
            created_by: null,
            created_at: at(reply.on),
            updated_at: at(reply.on),
          })
          .execute();
        if (unit.promise && reply.outcome === 'B')
          await db
            .insertInto('followup_promises')
            .values({
              id: newId(),
              body_id: plan.bodyId ?? county.body.id,
              suggestion_id: row.id,
              reply_id: replyId,
              assignment_id: assignmentId,
              unit_id: unit.unitId,
              round: reply.round,
              outcome_class: 'B',
              term_id: null,
              promise_text: '年内完成改造。',
              target_on: '2025-12-31',
              entered_on: reply.on,
              entered_year: 2025,
              status: unit.promise,
              progress_percent: null,
              last_progress_on: null,
              fulfilled_on: unit.promise === 'fulfilled' ? '2025-07-01' : null,
              fulfilled_note: null,
              fulfilled_by: null,
              version: 0,
              created_at: at(reply.on),
              updated_at: at(reply.on),
            })
            .execute();
      }
      if (unit.contact)
        await db
          .insertInto('contacts')
          .values({
            id: newId(),
            suggestion_id: row.id,
            assignment_id: assignmentId,
            unit_id: unit.unitId,
            stage: 'before',
            method: unit.contact,
            contact_on: '2025-04-01',
            participants: '代表、经办人',
            summary: '沟通办理思路。',
            created_by: null,
            created_at: at('2025-04-01'),
          })
          .execute();
    }
    for (const rating of plan.ratings ?? [])
      await db
        .insertInto('ratings')
        .values({
          id: newId(),
          suggestion_id: row.id,
          round: rating.round,
          deputy_id: county.deputies[0]?.id ?? '',
          is_lead: 1,
          attitude: 'satisfied',
          result: rating.result,
          reason: rating.result === 'unsatisfied' ? '没有解决实际问题。' : null,
          created_at: at('2025-07-08'),
        })
        .execute();
    return row.id;
  }

  return { ...county, township, townUnit, item };
}
