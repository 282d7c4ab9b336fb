import { newId } from '../platform/ids.js';
import { laterAssignmentColumns, laterSuggestionColumns } from '../suggestions/row-defaults.js';
import { recordStepLabels } from '../../shared/schemas/records.js';
import type { DemoDays, DemoRows, Row } from './demo.rows.js';
import type { DemoPerson, DemoUnitStaff } from './demo.staff.js';

type Actor = DemoPerson | 'system';
type AssignmentRowIn = Row<'assignments'> & { id: string; status: string; version: number };
type SuggestionRowIn = Row<'suggestions'> & { id: string; status: string; version: number };

export interface CaseUnit {
  row: AssignmentRowIn;
  staff: DemoUnitStaff;
}

export interface CaseInput {
  bodyId: string;
  sessionId: string | null;
  lead: DemoPerson & { deputyId: string };
  title: string;
  grounds: string;
  proposals: string;
  categoryId: string | null;
  createdOn: string;
  coSigners: string[];
  disclose?: boolean;
}

export interface Deadlines {
  reply: string;
  co: string;
  window: string;
}

const system = { id: 'system', name: '系统' };

/**
 * One suggestion's life, written the way the services write it: each step moves the status with
 * a version bump, adds its timeline event and fills the columns the service fills. Steps are
 * called in date order by the plans in `demo.history.ts` and `demo.current.ts`.
 */
export class DemoCase {
  readonly row: SuggestionRowIn;
  readonly units: CaseUnit[] = [];
  private lastSent: Row<'replies'> | undefined;

  constructor(
    private readonly rows: DemoRows,
    private readonly days: DemoDays,
    private readonly office: DemoPerson,
    readonly input: CaseInput,
  ) {
    const at = days.at(input.createdOn, 15);
    this.row = {
      id: newId(),
      body_id: input.bodyId,
      session_id: input.sessionId,
      kind: 'suggestion',
      timing: input.sessionId ? 'session' : 'recess',
      lead_deputy_id: input.lead.deputyId,
      title: input.title,
      grounds: input.grounds,
      proposals: input.proposals,
      category_id: input.categoryId,
      status: 'draft',
      review_tier: 0,
      serial_scope: null,
      serial_number: null,
      key_status: 'none',
      disclose: input.disclose === false ? 0 : 1,
      nondisclosure_reason: input.disclose === false ? '涉及个人信息' : null,
      merged_into_id: null,
      submitted_at: null,
      accepted_at: null,
      assigned_at: null,
      ...laterSuggestionColumns,
      version: 0,
      created_by: input.lead.userId,
      created_at: at,
      updated_at: at,
    };
    rows.suggestions.push(this.row);
    this.event(at, input.lead, 'create', null, 'draft', null, null);
    for (const deputyId of input.coSigners)
      rows.signers.push({
        suggestion_id: this.row.id,
        deputy_id: deputyId,
        status: 'confirmed',
        invited_at: days.at(input.createdOn, 16),
        responded_at: days.at(input.createdOn, 19),
      });
  }

  get lead(): CaseUnit | undefined {
    return this.units.find((u) => u.row.role === 'lead');
  }

  private event(
    at: string,
    actor: Actor,
    action: string,
    from: string | null,
    to: string | null,
    note: string | null,
    data: unknown,
  ) {
    const who = actor === 'system' ? { userId: system.id, name: system.name } : actor;
    this.rows.events.push({
      id: newId(),
      suggestion_id: this.row.id,
      at,
      actor_id: who.userId,
      actor_name: who.name,
      action,
      from_status: from,
      to_status: to,
      note,
      data_json: data === null ? null : JSON.stringify(data),
    });
  }

  private move(at: string, actor: Actor, action: string, to: string, note: string | null, data: unknown) {
    const from = this.row.status;
    this.row.status = to;
    this.row.version += 1;
    this.row.updated_at = at;
    this.event(at, actor, action, from, to, note, data);
  }

  private moveUnit(u: CaseUnit, at: string, actor: Actor, action: string, to: string, note: string | null) {
    const from = u.row.status;
    u.row.status = to;
    u.row.version += 1;
    u.row.updated_at = at;
    this.event(at, actor, `assignment.${action}`, null, null, note, {
      assignmentId: u.row.id,
      unitId: u.row.unit_id,
      from,
      to,
      replacementId: null,
    });
  }

  submit(day: string) {
    const at = this.days.at(day, 10);
    this.row.submitted_at = at;
    this.move(at, this.input.lead, 'submit', 'in_review', null, {});
  }

  /** Passes review tiers (three by default) up to `tiers`; the last pass accepts with a serial number. */
  review(day: string, tiers: number, serial?: { scope: string; number: number }) {
    for (let tier = 0; tier < tiers; tier += 1) {
      const at = this.days.at(this.days.wd(day, tier), 11 + tier);
      if (tier < 2 || !serial) {
        this.row.review_tier = tier + 1;
        this.move(at, this.office, 'review_pass', 'in_review', null, {});
      } else {
        this.row.accepted_at = at;
        this.row.serial_scope = serial.scope;
        this.row.serial_number = serial.number;
        this.rows.counters.set(
          serial.scope,
          Math.max(this.rows.counters.get(serial.scope) ?? 0, serial.number),
        );
        this.move(at, this.office, 'review_pass', 'accepted', '同意立案', { note: '同意立案' });
      }
    }
  }

  returnForRevision(day: string, reason: string) {
    this.row.review_tier = 0;
    this.move(this.days.at(day, 11), this.office, 'review_return', 'returned', reason, { reason });
  }

  reject(day: string, reason: string) {
    this.move(this.days.at(day, 11), this.office, 'review_reject', 'rejected', reason, { reason });
  }

  withdraw(day: string, reason: string) {
    this.move(this.days.at(day, 16), this.input.lead, 'withdraw', 'withdrawn', reason, { reason });
  }

  /** Key suggestion chosen by the chairpersons' council, with sponsors and supervisors, published. */
  key(
    day: string,
    leaders: { kind: 'sponsor' | 'supervisor'; name: string; title: string; userId: string | null }[],
  ) {
    const at = this.days.at(day, 15);
    this.row.key_status = 'published';
    for (const l of leaders)
      this.rows.leaders.push({
        id: newId(),
        suggestion_id: this.row.id,
        kind: l.kind,
        name: l.name,
        title: l.title,
        user_id: l.userId,
        group_name: l.kind === 'supervisor' ? '县人大常委会督办组' : null,
        created_at: at,
      });
    const note = leaders.map((l) => `${l.kind === 'sponsor' ? '领办' : '督办'}：${l.name}`).join('；');
    this.event(at, this.office, 'key_confirmed', null, null, note, null);
  }

  assign(
    day: string,
    batchId: string,
    units: { staff: DemoUnitStaff; role: 'lead' | 'co' }[],
    due: Deadlines,
  ) {
    const at = this.days.at(day, 10);
    this.row.assigned_at = at;
    for (const { staff, role } of units) {
      const row: AssignmentRowIn = {
        id: newId(),
        suggestion_id: this.row.id,
        unit_id: staff.unitId,
        role,
        status: 'pending_receipt',
        batch_id: batchId,
        assigned_on: day,
        reply_due_on: due.reply,
        co_opinion_due_on: role === 'co' ? due.co : null,
        adjustment_window_ends_on: due.window,
        received_at: null,
        adjustment_reason: null,
        adjustment_requested_at: null,
        adjustment_decision: null,
        adjustment_note: null,
        adjustment_decided_at: null,
        replaced_by_id: null,
        ...laterAssignmentColumns,
        version: 0,
        created_at: at,
        updated_at: at,
      };
      this.rows.assignments.push(row);
      this.units.push({ row, staff });
    }
    const input = { assignedOn: day, units: units.map((u) => ({ unitId: u.staff.unitId, role: u.role })) };
    this.move(at, this.office, 'assign', 'handling', null, input);
  }

  receive(u: CaseUnit, day: string) {
    const at = this.days.at(day, 9, 30);
    u.row.received_at = at;
    this.moveUnit(u, at, u.staff.handler, 'receive', 'handling', null);
  }

  requestAdjustment(u: CaseUnit, day: string, reason: string) {
    const at = this.days.at(day, 14);
    Object.assign(u.row, { adjustment_reason: reason, adjustment_requested_at: at });
    this.moveUnit(u, at, u.staff.handler, 'request_adjustment', 'adjustment_requested', reason);
  }

  plan(u: CaseUnit, day: string, plan: string, finishOn: string) {
    const at = this.days.at(day, 15);
    const s = u.staff.handler;
    Object.assign(u.row, { handler_name: s.name, handler_phone: s.phone, plan, planned_finish_on: finishOn });
    u.row.updated_at = at;
    this.event(at, s, 'assignment.plan', null, null, `承办人 ${s.name}，计划 ${finishOn} 前办结`, null);
  }

  contact(u: CaseUnit, stage: 'before' | 'during' | 'after', method: string, day: string, summary: string) {
    const at = this.days.at(day, 17);
    this.rows.contacts.push({
      id: newId(),
      suggestion_id: this.row.id,
      assignment_id: u.row.id,
      unit_id: u.row.unit_id,
      stage,
      method,
      contact_on: day,
      participants: `${this.input.lead.name}代表、${u.staff.handler.name}`,
      summary,
      created_by: u.staff.handler.userId,
      created_at: at,
    });
    this.event(at, u.staff.handler, 'contact', null, null, summary, { stage, method, contactOn: day });
  }

  opinion(u: CaseUnit, day: string, text: string) {
    const at = this.days.at(day, 16);
    Object.assign(u.row, { opinion: text, opinion_at: at });
    this.moveUnit(u, at, u.staff.handler, 'submit_opinion', 'opinion_submitted', text);
  }

  lapse(u: CaseUnit) {
    const at = this.days.at(this.days.plus(u.row.co_opinion_due_on ?? '', 1), 0, 5);
    this.moveUnit(u, at, 'system', 'lapse_opinion', 'opinion_lapsed', null);
  }

  /** An extension request, approved by the office `approveDay` unless null (still pending). */
  extend(u: CaseUnit, day: string, newDue: string, reason: string, approveDay: string | null) {
    const at = this.days.at(day, 10);
    Object.assign(u.row, {
      extension_status: 'requested',
      extension_reason: reason,
      extension_requested_due_on: newDue,
      extension_note: null,
    });
    this.moveUnit(u, at, u.staff.handler, 'request_extension', u.row.status, reason);
    if (!approveDay) return;
    Object.assign(u.row, { extension_status: 'approved', reply_due_on: newDue });
    this.moveUnit(u, this.days.at(approveDay, 11), this.office, 'approve_extension', u.row.status, null);
  }

  /**
   * The lead unit's reply letter for the current round: drafted by the handler on `day` and signed
   * by the chain on consecutive working days up to `signatures`; the third signature sends it.
   * Returns the day it was sent, if it was.
   */
  reply(
    u: CaseUnit,
    day: string,
    letter: { outcome: string; documentNo: string; body: string; faceToFace: boolean },
    signatures = 3,
  ): string | null {
    const signers = [
      { person: u.staff.handler, name: '经办人' },
      { person: u.staff.head, name: '科室负责人' },
      { person: u.staff.leader, name: '单位负责人' },
    ].slice(0, signatures);
    const signDays = signers.map((_, i) => this.days.wd(day, i));
    const created = this.days.at(day, 9);
    const sent = signatures === 3 ? this.days.at(signDays[2] ?? day, 16) : null;
    const reply: Row<'replies'> & { id: string } = {
      id: newId(),
      suggestion_id: this.row.id,
      assignment_id: u.row.id,
      unit_id: u.row.unit_id,
      round: this.row.handling_round ?? 1,
      outcome_class: letter.outcome,
      document_no: letter.documentNo,
      body: letter.body,
      face_to_face: letter.faceToFace ? 1 : 0,
      status: signatures === 0 ? 'draft' : sent ? 'sent' : 'signing',
      sign_step: signatures,
      version: signatures,
      sent_at: sent,
      created_by: u.staff.handler.userId,
      created_at: created,
      updated_at: sent ?? this.days.at(signDays.at(-1) ?? day, 15),
    };
    this.rows.replies.push(reply);
    signers.forEach((s, step) =>
      this.rows.signoffs.push({
        reply_id: reply.id,
        step,
        step_name: s.name,
        user_id: s.person.userId ?? '',
        user_name: s.person.name,
        signed_at: step === 2 && sent ? sent : this.days.at(signDays[step] ?? day, 10 + step * 2),
      }),
    );
    if (!sent) return null;
    const sentDay = signDays[2] ?? day;
    u.row.replied_at = sent;
    this.moveUnit(u, sent, 'system', 'mark_replied', 'replied', null);
    this.lastSent = reply;
    const othersDone = this.units.filter((a) => a.row.role !== 'co').every((a) => a.row.status === 'replied');
    if (othersDone) {
      const feedbackDueOn = this.days.wd(sentDay, 10);
      this.row.replied_at = sent;
      this.row.feedback_due_on = feedbackDueOn;
      this.move(sent, 'system', 'mark_replied', 'replied', null, { feedbackDueOn });
    }
    this.ledger(reply, u, sentDay, sent);
    return sentDay;
  }

  /** The follow-up ledger entry of a B reply (the job after sending), replacing earlier rounds'. */
  private ledger(reply: Row<'replies'> & { id: string }, u: CaseUnit, sentDay: string, at: string) {
    for (const old of this.rows.promises)
      if (old.assignment_id === u.row.id && old.status === 'open' && (old.round ?? 0) < (reply.round ?? 0)) {
        old.status = 'superseded';
        old.version = (old.version ?? 0) + 1;
        old.updated_at = at;
      }
    if (reply.outcome_class !== 'B') return;
    const year = Number(sentDay.slice(0, 4));
    this.rows.promises.push({
      id: newId(),
      body_id: this.row.body_id,
      suggestion_id: this.row.id,
      reply_id: reply.id,
      assignment_id: u.row.id,
      unit_id: u.row.unit_id,
      round: reply.round ?? 1,
      outcome_class: 'B',
      term_id: null,
      promise_text: reply.body,
      target_on: `${year}-12-31`,
      entered_on: sentDay,
      entered_year: year,
      status: 'open',
      progress_percent: null,
      last_progress_on: null,
      fulfilled_on: null,
      fulfilled_note: null,
      fulfilled_by: null,
      version: 0,
      created_at: at,
      updated_at: at,
    });
  }

  /** The open promise of the last sent reply, if it was B. */
  get promise(): Row<'followup_promises'> | undefined {
    const reply = this.lastSent;
    return reply ? this.rows.promises.find((p) => p.reply_id === reply.id) : undefined;
  }

  /** The lead deputy's rating; a first 不满意 re-opens the replying units for one month. */
  rate(day: string, attitude: string, result: string, reason: string | null) {
    const at = this.days.at(day, 20);
    const round = this.row.handling_round ?? 1;
    this.rows.ratings.push({
      id: newId(),
      suggestion_id: this.row.id,
      round,
      deputy_id: this.input.lead.deputyId,
      is_lead: 1,
      attitude,
      result,
      reason,
      created_at: at,
    });
    const input = reason ? { attitude, result, reason } : { attitude, result };
    const unsatisfied = attitude === 'unsatisfied' || result === 'unsatisfied';
    if (unsatisfied && round < 2) {
      this.row.handling_round = round + 1;
      this.row.replied_at = null;
      this.row.feedback_due_on = null;
      this.move(at, this.input.lead, 'rate', 'rehandling', reason, input);
      const dueOn = this.days.months(day, 1);
      for (const u of this.units.filter((a) => a.row.status === 'replied')) {
        Object.assign(u.row, { reply_due_on: dueOn, replied_at: null, extension_status: null });
        this.moveUnit(u, at, 'system', 'reopen', 'rehandling', null);
      }
      return;
    }
    this.row.closed_at = at;
    this.row.close_reason = unsatisfied ? 'unsatisfied_escalated' : 'rated';
    this.row.escalated = unsatisfied ? 1 : 0;
    this.move(at, this.input.lead, 'rate', 'closed', reason, input);
  }

  /** No rating after the reminder: the job closes the item the day after the grace period. */
  closeNoFeedback() {
    const closeOn = this.days.wd(this.row.feedback_due_on ?? '', 5);
    const at = this.days.at(this.days.plus(closeOn, 1), 0, 5);
    this.row.closed_at = at;
    this.row.close_reason = 'no_feedback';
    this.move(
      at,
      'system',
      'close_no_feedback',
      'closed',
      '提醒后仍未反馈，按未反馈办结（不计入满意率）',
      {},
    );
  }

  /** The handling record, signed in order up to `signed` (0-3) on the given days. */
  record(signed: number, days: string[], governmentLeader: DemoPerson) {
    const lead = this.lead;
    // The service writes a record row with the first signature; before it there is none.
    if (!lead || signed === 0) return;
    const steps = [
      { step: 'deputy', action: 'sign_deputy', to: 'deputy_signed', person: this.input.lead as DemoPerson },
      { step: 'unit_leader', action: 'sign_unit', to: 'unit_signed', person: lead.staff.leader },
      { step: 'government_leader', action: 'sign_government', to: 'complete', person: governmentLeader },
    ] as const;
    const first = this.days.at(days[0] ?? '', 10);
    const record: Row<'handling_records'> = {
      suggestion_id: this.row.id,
      body_id: this.row.body_id,
      status: signed === 0 ? 'open' : (steps[signed - 1]?.to ?? 'open'),
      cycle: 1,
      version: signed,
      completed_at: null,
      created_at: first,
      updated_at: first,
    };
    this.rows.records.push(record);
    let from = 'open';
    steps.slice(0, signed).forEach((s, i) => {
      const at = this.days.at(days[i] ?? '', 10 + i);
      this.rows.signatures.push({
        suggestion_id: this.row.id,
        cycle: 1,
        step: s.step,
        user_id: s.person.userId ?? '',
        user_name: s.person.name,
        unit_id: s.step === 'unit_leader' ? lead.row.unit_id : null,
        note: null,
        signed_at: at,
      });
      const note = `${recordStepLabels[s.step].zh}${s.person.name}签字`;
      this.event(at, s.person, `record.${s.action}`, null, null, note, {
        recordFrom: from,
        recordTo: s.to,
        cycle: 1,
      });
      from = s.to;
      record.updated_at = at;
      if (s.to === 'complete') record.completed_at = at;
    });
  }
}
