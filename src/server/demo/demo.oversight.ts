import { newId } from '../platform/ids.js';
import { shanghaiMorning, warningDay } from '../suggestions/handling.jobs.js';
import { DemoCase } from './demo.case.js';
import { drawPlan, playPlan } from './demo.lifecycle.js';
import type { HistoryContext } from './demo.lifecycle.js';
import { deadlinesOf } from './demo.current.js';
import { wording } from './demo.history.js';
import type { DemoPerson, DemoUnitStaff } from './demo.staff.js';
import { supervisionSummaries, progressReports } from './demo.texts.js';

/** Suggestions of a township congress, handled by its offices (roll-ups by body have data). */
export function playTownship(
  ctx: HistoryContext,
  input: {
    bodyId: string;
    township: string;
    sessions: { id: string; day: string }[];
    deputies: (DemoPerson & { deputyId: string })[];
    offices: DemoUnitStaff[];
  },
): DemoCase[] {
  const { days, random } = ctx;
  const cases: DemoCase[] = [];
  for (const session of input.sessions) {
    const assignedOn = days.wd(session.day, 15);
    if (assignedOn > ctx.today) continue;
    const due = deadlinesOf(ctx, assignedOn);
    const batchId = newId();
    const count = 5;
    ctx.rows.batches.push({
      id: batchId,
      body_id: input.bodyId,
      name: `${input.township}人大代表建议交办会`,
      assigned_on: assignedOn,
      item_count: count,
      created_by: ctx.office.userId,
      created_at: days.at(assignedOn, 9),
    });
    for (let i = 0; i < count; i += 1) {
      const text = wording(ctx, random.pick([4, 9, 10, 11, 12, 18, 20]), input.township);
      const office =
        input.offices.find((o) =>
          ['农业农村', '交通出行'].includes(text.matter.category)
            ? o.unitName.includes('农业农村') || o.unitName.includes('村镇建设')
            : text.matter.category === '城乡建设'
              ? o.unitName.includes('村镇建设')
              : o.unitName.includes('社会事务') || o.unitName.includes('平安建设'),
        ) ?? input.offices[0];
      if (!office) continue;
      const c = new DemoCase(ctx.rows, days, ctx.office, {
        bodyId: input.bodyId,
        sessionId: session.id,
        lead: random.pick(input.deputies),
        title: text.title,
        grounds: text.grounds,
        proposals: text.proposals,
        categoryId: null,
        createdOn: session.day,
        coSigners: [],
      });
      c.submit(days.plus(session.day, 1));
      c.review(days.wd(session.day, 2), 3, { scope: session.id, number: i + 1 });
      c.assign(assignedOn, batchId, [{ staff: office, role: 'lead' }], due);
      playPlan(
        ctx,
        c,
        drawPlan(ctx, { assignedOn, due: due.reply, coDue: due.co, coUnits: 0, maxDue: due.max }),
      );
      cases.push(c);
    }
  }
  return cases;
}

/** Supervision of key items: leaders' activities, the lead unit's progress reports, reminders. */
export function superviseKeyItems(ctx: HistoryContext, cases: DemoCase[], remindedBy: DemoPerson) {
  const { days, random, rows, today } = ctx;
  for (const c of cases) {
    if (c.row.key_status !== 'published' || !c.lead) continue;
    const lead = c.lead;
    const sponsor = rows.leaders.find((l) => l.suggestion_id === c.row.id && l.kind === 'sponsor');
    const start = lead.row.assigned_on;
    const end = c.row.closed_at ? c.row.closed_at.slice(0, 10) : today;
    const kinds = ['meeting', 'site_visit', 'report_heard'] as const;
    kinds.forEach((kind, i) => {
      const day = days.wd(start, 12 + i * 25);
      if (day > end) return;
      rows.activities.push({
        id: newId(),
        suggestion_id: c.row.id,
        body_id: c.row.body_id,
        kind,
        activity_on: day,
        summary: random.pick(supervisionSummaries[kind]),
        participants: `${sponsor?.name ?? ''}、${lead.staff.unitName}负责人、领衔代表${c.input.lead.name}`,
        leader_kind: sponsor?.user_id ? 'sponsor' : null,
        recorded_by: sponsor?.user_id ?? ctx.office.userId ?? '',
        recorded_by_name: sponsor?.user_id ? sponsor.name : ctx.office.name,
        created_at: days.at(day, 17),
      });
    });
    [30, 60].forEach((percent, i) => {
      const day = days.wd(start, 20 + i * 25);
      if (day > end) return;
      rows.supervisionProgress.push({
        id: newId(),
        suggestion_id: c.row.id,
        assignment_id: lead.row.id,
        unit_id: lead.row.unit_id,
        report_on: day,
        text: random.pick(progressReports),
        percent,
        created_by: lead.staff.handler.userId ?? '',
        created_by_name: lead.staff.handler.name,
        created_at: days.at(day, 16),
      });
    });
  }
  for (const c of cases) {
    const lead = c.lead;
    if (!lead || !['handling', 'rehandling'].includes(c.row.status) || (lead.row.reply_due_on ?? '') >= today)
      continue;
    const day = days.back(today, 3);
    rows.reminders.push({
      id: newId(),
      suggestion_id: c.row.id,
      unit_id: lead.row.unit_id,
      note: `该建议已超过答复期限 ${lead.row.reply_due_on ?? ''}，请抓紧办理并按时答复代表。`,
      sent_by: remindedBy.userId ?? '',
      sent_by_name: remindedBy.name,
      created_at: days.at(day, 10),
    });
  }
}

/**
 * 满意率 per unit of items closed in a year, as the rectification service counts it: the lead
 * deputy's rating of the last round, per replying unit; no-feedback items do not count.
 */
export function unitSatisfaction(ctx: HistoryContext, bodyId: string, year: number) {
  const from = new Date(`${year}-01-01T00:00:00+08:00`).toISOString();
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`).toISOString();
  const units = new Map<string, { valid: number; ok: number }>();
  const closed = ctx.rows.suggestions.filter(
    (s) =>
      s.body_id === bodyId &&
      s.status === 'closed' &&
      ['rated', 'unsatisfied_escalated'].includes(s.close_reason ?? '') &&
      (s.closed_at ?? '') >= from &&
      (s.closed_at ?? '') < to,
  );
  for (const s of closed) {
    const rating = ctx.rows.ratings.find((r) => r.suggestion_id === s.id && r.round === s.handling_round);
    if (!rating) continue;
    for (const a of ctx.rows.assignments)
      if (a.suggestion_id === s.id && a.role !== 'co' && a.status !== 'reassigned') {
        const unit = units.get(a.unit_id) ?? { valid: 0, ok: 0 };
        unit.valid += 1;
        if (rating.result !== 'unsatisfied') unit.ok += 1;
        units.set(a.unit_id, unit);
      }
  }
  return units;
}

/** A rectification task for each unit below 80 % (with at least 4 rated items) in `year`. */
export function rectify(
  ctx: HistoryContext,
  bodyId: string,
  year: number,
  createdOn: string,
  done: { report: string; explanation: string } | null,
) {
  const { days } = ctx;
  for (const [unitId, { valid, ok }] of unitSatisfaction(ctx, bodyId, year)) {
    const tenths = Math.round((ok * 1000) / valid);
    if (valid < 4 || tenths >= 800) continue;
    const dueOn = days.months(createdOn, 1);
    const submitted = done ? days.back(dueOn, 4) : null;
    const accepted = done && submitted ? days.wd(submitted, 3) : null;
    ctx.rows.rectifications.push({
      id: newId(),
      body_id: bodyId,
      unit_id: unitId,
      year,
      valid_count: valid,
      satisfied_count: ok,
      rate_tenths: tenths,
      threshold_tenths: 800,
      due_on: dueOn,
      status: done ? 'accepted' : 'open',
      report_text: done?.report ?? null,
      explanation: done?.explanation ?? null,
      submitted_at: submitted ? days.at(submitted, 16) : null,
      submitted_by: null,
      review_note: done ? '整改措施具体，同意验收。' : null,
      accepted_at: accepted ? days.at(accepted, 10) : null,
      accepted_by: done ? ctx.office.userId : null,
      version: done ? 2 : 0,
      created_by: ctx.office.userId,
      created_at: days.at(createdOn, 10),
      updated_at: days.at(accepted ?? createdOn, 10),
    });
  }
}

/** Pending jobs of live items (warnings, overdue notices, lapses, feedback), as the services schedule them. */
export function liveJobs(ctx: HistoryContext, nowIso: string) {
  const { rows, days } = ctx;
  const job = (kind: string, key: string, runAt: string, payload: Record<string, unknown>) => {
    if (runAt <= nowIso) return;
    rows.jobs.push({
      id: newId(),
      kind,
      dedupe_key: key,
      run_at: runAt,
      status: 'pending',
      payload_json: JSON.stringify(payload),
      attempts: 0,
      claimed_by: null,
      claimed_until: null,
      last_error: null,
      done_at: null,
      created_at: nowIso,
    });
  };
  for (const a of rows.assignments) {
    const id = a.id ?? '';
    if (!['pending_receipt', 'handling', 'rehandling', 'adjustment_requested'].includes(a.status ?? ''))
      continue;
    if (a.role === 'co' && a.co_opinion_due_on) {
      const due = a.co_opinion_due_on;
      job('assignment.opinion_lapse', `opinion_lapse:${id}:${due}`, shanghaiMorning(days.plus(due, 1)), {
        assignmentId: id,
      });
      continue;
    }
    const due = a.reply_due_on ?? '';
    const payload = { assignmentId: id, dueOn: due };
    job(
      'assignment.warning',
      `warning:${id}:${due}`,
      shanghaiMorning(warningDay(a.assigned_on ?? '', due, 80)),
      payload,
    );
    job('assignment.overdue', `overdue:${id}:${due}`, shanghaiMorning(days.plus(due, 1)), payload);
  }
  for (const s of rows.suggestions) {
    if (s.status !== 'replied' || !s.feedback_due_on) continue;
    const payload = { suggestionId: s.id, round: s.handling_round };
    const closeOn = days.wd(s.feedback_due_on, 5);
    job(
      'suggestion.feedback_reminder',
      `feedback_reminder:${s.id}:${s.handling_round}`,
      shanghaiMorning(s.feedback_due_on),
      payload,
    );
    job(
      'suggestion.no_feedback',
      `no_feedback:${s.id}:${s.handling_round}`,
      shanghaiMorning(days.plus(closeOn, 1)),
      payload,
    );
  }
}
