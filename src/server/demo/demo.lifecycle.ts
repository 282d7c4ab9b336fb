import { newId } from '../platform/ids.js';
import type { DemoCase } from './demo.case.js';
import type { DemoDays, DemoRows, Row } from './demo.rows.js';
import type { seededRandom } from './demo.random.js';
import type { DemoPerson, DemoUnitStaff } from './demo.staff.js';
import {
  coOpinions,
  contactSummaries,
  extensionReasons,
  fulfilledNotes,
  planTexts,
  progressReports,
  replyBody,
  unsatisfiedReasons,
} from './demo.texts.js';

type Random = ReturnType<typeof seededRandom>;

export interface HistoryContext {
  rows: DemoRows;
  days: DemoDays;
  random: Random;
  office: DemoPerson;
  /** Today (Asia/Shanghai) of the history: nothing after it happens. */
  today: string;
  governmentLeader: (unitId: string) => DemoPerson;
  documentNo: (unit: DemoUnitStaff, year: string) => string;
}

export interface Rating {
  attitude: string;
  result: string;
  reason: string | null;
}

/** One item's handling after assignment, every date decided up front. */
export interface CasePlan {
  receiveDay: string;
  planDay: string;
  contactBefore: { day: string; method: string } | null;
  /** Per co unit: the day of its opinion, or null when it lets the window lapse. */
  coOpinions: (string | null)[];
  extension: { day: string; newDue: string; approveDay: string | null } | null;
  contactDuring: { day: string; method: string } | null;
  replyDay: string;
  outcome: string;
  /** Signatures on the first letter (3 sends it). */
  signatures: number;
  contactAfter: string | null;
  rating: (Rating & { day: string }) | null;
  second: { replyDay: string; outcome: string; rating: (Rating & { day: string }) | null } | null;
  record: { signed: number; days: string[] } | null;
}

const methods = ['face_to_face', 'face_to_face', 'phone', 'site_visit', 'meeting'];

/** Outcome mix of first replies: A 45 %, B 35 %, C 15 %, D 5 %. */
export function drawOutcome(random: Random): string {
  const x = random.next();
  return x < 0.45 ? 'A' : x < 0.8 ? 'B' : x < 0.95 ? 'C' : 'D';
}

/** The deputy's rating, leaning on the outcome; `unsatisfiedShare` overrides the outcome's share. */
export function drawRating(random: Random, outcome: string, unsatisfiedShare?: number): Rating {
  const unsatisfied = unsatisfiedShare ?? { A: 0.02, B: 0.05, C: 0.2, D: 0.3 }[outcome] ?? 0.1;
  if (random.next() < unsatisfied)
    return {
      attitude: random.next() < 0.6 ? 'basically_satisfied' : 'unsatisfied',
      result: 'unsatisfied',
      reason: random.pick(unsatisfiedReasons),
    };
  const satisfied = { A: 0.85, B: 0.6, C: 0.35, D: 0.25 }[outcome] ?? 0.5;
  return {
    attitude: random.next() < 0.9 ? 'satisfied' : 'basically_satisfied',
    result: random.next() < satisfied ? 'satisfied' : 'basically_satisfied',
    reason: null,
  };
}

/** A realistic plan for an item assigned on `assignedOn` with reply deadline `due`. */
export function drawPlan(
  ctx: HistoryContext,
  input: {
    assignedOn: string;
    due: string;
    coDue: string;
    coUnits: number;
    maxDue: string;
    unsatisfiedShare?: number;
  },
): CasePlan {
  const { random, days } = ctx;
  const receiveDay = days.wd(input.assignedOn, random.int(1, 4));
  const planDay = days.wd(receiveDay, random.int(0, 3));
  const contactBefore =
    random.next() < 0.85
      ? { day: days.wd(receiveDay, random.int(2, 16)), method: random.pick(methods) }
      : null;
  const coOpinions = Array.from({ length: input.coUnits }, () =>
    random.next() < 0.9 ? days.wd(input.assignedOn, random.int(15, 38)) : null,
  );
  const extended = random.next() < 0.08;
  const extension = extended
    ? {
        day: days.back(input.due, random.int(6, 12)),
        newDue:
          input.maxDue < days.months(input.assignedOn, 5) ? input.maxDue : days.months(input.assignedOn, 5),
        approveDay: '',
      }
    : null;
  if (extension) extension.approveDay = days.wd(extension.day, 2);
  const finalDue = extension?.newDue ?? input.due;
  const late = random.next() < 0.1;
  // Replies come between about seven weeks in and a few days before the deadline; some are late.
  const earliest = days.wd(input.assignedOn, 38);
  let replyDay = late
    ? days.wd(finalDue, random.int(2, 12))
    : extension
      ? days.back(finalDue, random.int(5, 25))
      : pickBetween(ctx, earliest, days.back(finalDue, 4));
  // A lapsed co unit holds the lead's letter until its window has passed.
  if (coOpinions.includes(null) && replyDay <= input.coDue) replyDay = days.wd(input.coDue, random.int(2, 8));
  const contactDuring =
    random.next() < 0.3
      ? { day: days.back(replyDay, random.int(3, 10)), method: random.pick(methods) }
      : null;
  const outcome = drawOutcome(random);
  const sentDay = days.wd(replyDay, 2);
  const contactAfter = random.next() < 0.35 ? days.wd(sentDay, random.int(1, 3)) : null;
  const noFeedback = random.next() < 0.07;
  const first = noFeedback
    ? null
    : { ...drawRating(random, outcome, input.unsatisfiedShare), day: days.wd(sentDay, random.int(3, 9)) };
  let second: CasePlan['second'] = null;
  if (first && (first.result === 'unsatisfied' || first.attitude === 'unsatisfied')) {
    const secondOutcome =
      outcome === 'D' ? 'C' : outcome === 'C' ? random.pick(['B', 'C']) : random.pick(['A', 'B']);
    const secondReply = days.wd(first.day, random.int(10, 18));
    const secondRating =
      random.next() < 0.05
        ? null
        : {
            ...drawRating(random, secondOutcome, input.unsatisfiedShare ?? 0.15),
            day: days.wd(secondReply, random.int(4, 9)),
          };
    second = { replyDay: secondReply, outcome: secondOutcome, rating: secondRating };
  }
  const closedDay = second
    ? (second.rating?.day ?? days.wd(second.replyDay, 18))
    : (first?.day ?? days.wd(sentDay, 18));
  const x = random.next();
  const signed = x < 0.86 ? 3 : x < 0.9 ? 2 : x < 0.94 ? 1 : x < 0.97 ? 0 : -1;
  const d1 = days.wd(closedDay, random.int(5, 20));
  const d2 = days.wd(d1, random.int(2, 8));
  const record = signed < 0 ? null : { signed, days: [d1, d2, days.wd(d2, random.int(2, 8))] };
  const contactAfterOk = contactAfter && (!first || contactAfter <= first.day) ? contactAfter : null;
  return {
    receiveDay,
    planDay,
    contactBefore: contactBefore && contactBefore.day < replyDay ? contactBefore : null,
    coOpinions,
    extension,
    contactDuring: contactDuring && contactDuring.day > planDay ? contactDuring : null,
    replyDay,
    outcome,
    signatures: 3,
    contactAfter: contactAfterOk,
    rating: first,
    second,
    record,
  };
}

function pickBetween(ctx: HistoryContext, from: string, to: string): string {
  if (to <= from) return from;
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return ctx.days.work(ctx.days.plus(from, ctx.random.int(0, span)));
}

/**
 * Plays a plan on a case up to `ctx.today`: every step dated later does not happen (yet), so the
 * item stays in the state it has on that day. B promises get their target date, progress reports
 * and, for most older ones, the office's confirmation that they were fulfilled.
 */
export function playPlan(ctx: HistoryContext, c: DemoCase, plan: CasePlan): void {
  const { days, random, today } = ctx;
  const ok = (day: string | null | undefined): day is string => !!day && day <= today;
  const lead = c.lead;
  if (!lead || !ok(plan.receiveDay)) return;
  const cos = c.units.filter((u) => u.row.role === 'co');
  for (const u of c.units) c.receive(u, u.row.role === 'co' ? days.wd(plan.receiveDay, 1) : plan.receiveDay);
  if (!ok(plan.planDay)) return;
  c.plan(
    lead,
    plan.planDay,
    random.pick(planTexts),
    days.back(lead.row.reply_due_on ?? '', random.int(3, 10)),
  );
  const steps: { day: string; run: () => void }[] = [];
  if (plan.contactBefore) {
    const { day, method } = plan.contactBefore;
    steps.push({
      day,
      run: () => c.contact(lead, 'before', method, day, random.pick(contactSummaries.before)),
    });
  }
  cos.forEach((u, i) => {
    const day = plan.coOpinions[i];
    if (day) steps.push({ day, run: () => c.opinion(u, day, random.pick(coOpinions)) });
    else {
      const lapseDay = days.plus(u.row.co_opinion_due_on ?? '', 1);
      steps.push({ day: lapseDay, run: () => c.lapse(u) });
    }
  });
  if (plan.extension) {
    const { day, newDue, approveDay } = plan.extension;
    steps.push({
      day,
      run: () =>
        c.extend(
          lead,
          day,
          newDue,
          random.pick(extensionReasons),
          approveDay && approveDay <= today ? approveDay : null,
        ),
    });
  }
  if (plan.contactDuring) {
    const { day, method } = plan.contactDuring;
    steps.push({
      day,
      run: () => c.contact(lead, 'during', method, day, random.pick(contactSummaries.during)),
    });
  }
  steps.sort((a, b) => a.day.localeCompare(b.day));
  for (const step of steps) if (ok(step.day)) step.run();
  // The lead's letter waits for every co unit's opinion or lapse.
  if (!ok(plan.replyDay) || cos.some((u) => !['opinion_submitted', 'opinion_lapsed'].includes(u.row.status)))
    return;
  const signatures = Math.min(
    plan.signatures,
    1 + [1, 2].filter((i) => ok(days.wd(plan.replyDay, i))).length,
  );
  const sentDay = c.reply(lead, plan.replyDay, letter(ctx, c, lead, plan.outcome, plan.replyDay), signatures);
  if (!sentDay) return;
  if (ok(plan.contactAfter))
    c.contact(lead, 'after', 'phone', plan.contactAfter, random.pick(contactSummaries.after));
  if (!plan.rating) {
    if (ok(days.plus(days.wd(c.row.feedback_due_on ?? '', 5), 1))) c.closeNoFeedback();
  } else if (ok(plan.rating.day)) {
    c.rate(plan.rating.day, plan.rating.attitude, plan.rating.result, plan.rating.reason);
    const second = plan.second;
    if (c.row.status === 'rehandling' && second && ok(second.replyDay)) {
      const sent2 = c.reply(
        lead,
        second.replyDay,
        letter(ctx, c, lead, second.outcome, second.replyDay),
        [1, 2].filter((i) => ok(days.wd(second.replyDay, i))).length + 1,
      );
      if (sent2) {
        if (!second.rating) {
          if (ok(days.plus(days.wd(c.row.feedback_due_on ?? '', 5), 1))) c.closeNoFeedback();
        } else if (ok(second.rating.day))
          c.rate(second.rating.day, second.rating.attitude, second.rating.result, second.rating.reason);
      }
    }
  }
  for (const promise of ctx.rows.promises)
    if (promise.suggestion_id === c.row.id && promise.status === 'open')
      afterPromise(ctx, promise, lead.staff);
  if (c.row.status === 'closed' && plan.record && c.input.lead.userId) {
    const signed = plan.record.days.filter((d, i) => i < (plan.record?.signed ?? 0) && ok(d)).length;
    c.record(signed, plan.record.days, ctx.governmentLeader(lead.row.unit_id));
  }
}

function letter(
  ctx: HistoryContext,
  c: DemoCase,
  lead: { staff: DemoUnitStaff },
  outcome: string,
  day: string,
) {
  const target = `${Number(day.slice(0, 4)) + (day.slice(5, 7) > '08' ? 1 : 0)}年${ctx.random.pick(['6', '9', '12'])}月底`;
  return {
    outcome,
    documentNo: ctx.documentNo(lead.staff, day.slice(0, 4)),
    body: replyBody({
      deputyName: c.input.lead.name,
      title: c.row.title,
      proposals: c.row.proposals,
      outcome,
      pick: ctx.random.pick,
      date: day,
      target,
    }),
    faceToFace: ctx.random.next() < 0.2,
  };
}

/** The unit sets the promise's target date, reports progress, and the office confirms fulfilment. */
function afterPromise(ctx: HistoryContext, promise: Row<'followup_promises'>, staff: DemoUnitStaff) {
  if (!promise.id) return;
  const { days, random, today } = ctx;
  const entered = promise.entered_on ?? today;
  const target = days.plus(days.months(entered, random.int(4, 14)), 0);
  promise.target_on = `${target.slice(0, 7)}-${target.slice(5, 7) === '02' ? '28' : '30'}`;
  promise.version = (promise.version ?? 0) + 1;
  const fulfilled = random.next() < 0.8;
  const reports = random.int(1, 3);
  let percent = 0;
  for (let i = 1; i <= reports; i += 1) {
    const day = days.wd(entered, i * random.int(25, 60));
    if (day > today || (fulfilled && day > promise.target_on)) break;
    percent = Math.min(90, percent + random.int(20, 40));
    ctx.rows.progress.push({
      id: newId(),
      promise_id: promise.id,
      report_on: day,
      text: random.pick(progressReports),
      percent,
      created_by: staff.handler.userId,
      created_by_name: staff.handler.name,
      created_at: days.at(day, 16),
    });
    Object.assign(promise, {
      progress_percent: percent,
      last_progress_on: day,
      updated_at: days.at(day, 16),
    });
    promise.version = (promise.version ?? 0) + 1;
  }
  const fulfilledOn = days.back(promise.target_on, random.int(0, 30));
  if (fulfilled && fulfilledOn <= today && fulfilledOn >= entered) {
    Object.assign(promise, {
      status: 'fulfilled',
      fulfilled_on: fulfilledOn,
      fulfilled_note: random.pick(fulfilledNotes),
      fulfilled_by: ctx.office.userId,
      updated_at: days.at(fulfilledOn, 17),
    });
    promise.version = (promise.version ?? 0) + 1;
  }
}
