import { newId } from '../platform/ids.js';
import { DemoCase } from './demo.case.js';
import { drawPlan, playPlan } from './demo.lifecycle.js';
import type { CasePlan, HistoryContext } from './demo.lifecycle.js';
import type { BatchDeadlines, HistoryCast } from './demo.history.js';
import { wording } from './demo.history.js';
import type { DemoPerson, DemoUnitStaff } from './demo.staff.js';

type Deputy = DemoPerson & { deputyId: string };

/** Deadlines of an assignment day under the Henan defaults (3 months, co 2 months, 10 wd, max 6). */
export function deadlinesOf(ctx: HistoryContext, day: string): BatchDeadlines {
  const { days } = ctx;
  return {
    reply: days.months(day, 3),
    co: days.months(day, 2),
    window: days.wd(day, 10),
    max: days.months(day, 6),
  };
}

const satisfied = { attitude: 'satisfied', result: 'satisfied', reason: null };
const unhappy = {
  attitude: 'basically_satisfied',
  result: 'unsatisfied',
  reason: '答复没有明确解决时限，现场问题依旧，请重新办理。',
};

/**
 * Hand-made plans that leave some current-session items in the states a November shows: replied
 * late and awaiting the rating, re-handling after 不满意, overdue (one after an extension), and
 * closed items whose handling record waits for the deputy, a unit leader or a government leader.
 */
export function currentOverrides(ctx: HistoryContext, demoDeputyId: string) {
  const { days, today } = ctx;
  const waitingRecord = new Map<string, number>([
    ['县教育局', 1],
    ['县住房和城乡建设局', 1],
  ]);
  let governmentWaits = 3;
  return (index: number, plan: CasePlan, c: DemoCase): CasePlan => {
    const early = plan.coOpinions.map(() => days.wd(c.row.assigned_at?.slice(0, 10) ?? today, 20));
    const base = { ...plan, coOpinions: early, contactAfter: null, extension: null, record: null };
    if ([1, 2, 3, 10].includes(index))
      return {
        ...base,
        replyDay: days.back(today, 28),
        rating: { ...unhappy, day: days.back(today, 18) },
        second: {
          replyDay: days.back(today, 6),
          outcome: 'B',
          rating: { ...satisfied, day: days.wd(today, 4) },
        },
      };
    if ([4, 5, 6].includes(index))
      return {
        ...base,
        replyDay: days.back(today, 36),
        rating: { ...unhappy, day: days.back(today, 12) },
        second: { replyDay: days.wd(today, 8), outcome: 'A', rating: null },
      };
    if (index === 7) return { ...base, replyDay: days.wd(today, 6) };
    if (index === 8)
      return {
        ...base,
        extension: {
          day: days.back(plan.replyDay, 5),
          newDue: days.months(plan.receiveDay, 5),
          approveDay: days.back(plan.replyDay, 3),
        },
        replyDay: days.wd(today, 6),
      };
    const closedEarly =
      plan.rating !== null && plan.second === null && plan.rating.day < days.back(today, 20);
    if (!closedEarly) return plan;
    const recent = [days.back(today, 12), days.back(today, 5), days.wd(today, 5)];
    if (c.input.lead.deputyId === demoDeputyId) return { ...plan, record: { signed: 0, days: recent } };
    const unit = c.lead?.staff.unitName ?? '';
    const unitWaits = waitingRecord.get(unit) ?? 0;
    if (unitWaits > 0) {
      waitingRecord.set(unit, unitWaits - 1);
      return { ...plan, record: { signed: 1, days: recent } };
    }
    if (index > 40 && index % 9 === 0 && governmentWaits > 0) {
      governmentWaits -= 1;
      return { ...plan, record: { signed: 2, days: recent } };
    }
    return plan;
  };
}

interface RecessItem {
  matter: number;
  /** Lead unit (and co units) by name; defaults to the matter's unit. */
  units?: string[];
  lead?: Deputy;
  plan?: (plan: CasePlan) => CasePlan;
}

/**
 * Suggestions raised in the recess (闭会期间), dated from the clock's today so the inboxes stay
 * live: a batch assigned about 75 working days ago (replies, extensions, an overdue item, a letter
 * waiting for edu_leader, a reply waiting for the demo deputy's rating), one 20 working days ago
 * (plans, contacts, co-unit opinions due, edu_handler's draft), one 4 days ago (receipt and
 * adjustment window open) and items still in review.
 */
export function playRecess(ctx: HistoryContext, cast: HistoryCast, deputy: Deputy) {
  const { days, today, random } = ctx;
  const staff = (name: string) => cast.unitsByName.get(name) as DemoUnitStaff;
  const scopeOf = (day: string) => `${cast.countyId}:recess:${day.slice(0, 4)}`;
  const item = (spec: RecessItem, submitted: string) => {
    const text = wording(ctx, spec.matter, random.pick(cast.townships));
    const c = new DemoCase(ctx.rows, days, ctx.office, {
      bodyId: cast.countyId,
      sessionId: null,
      lead: spec.lead ?? random.pick(cast.deputies),
      title: text.title,
      grounds: text.grounds,
      proposals: text.proposals,
      categoryId: cast.categoryIds.get(text.matter.category) ?? null,
      createdOn: days.back(submitted, 1),
      coSigners: random.next() < 0.5 ? [random.pick(cast.deputies).deputyId] : [],
    });
    c.submit(submitted);
    return { c, text };
  };
  const accept = (c: DemoCase, day: string) => {
    const scope = scopeOf(day);
    c.review(day, 3, { scope, number: (ctx.rows.counters.get(scope) ?? 0) + 1 });
  };
  const batch = (ago: number, name: string, items: RecessItem[]) => {
    const assignedOn = days.back(today, ago);
    const due = deadlinesOf(ctx, assignedOn);
    const batchId = newId();
    ctx.rows.batches.push({
      id: batchId,
      body_id: cast.countyId,
      name,
      assigned_on: assignedOn,
      item_count: items.length,
      created_by: ctx.office.userId,
      created_at: days.at(assignedOn, 9),
    });
    return items.map((spec) => {
      const { c, text } = item(spec, days.back(assignedOn, 8));
      accept(c, days.back(assignedOn, 5));
      const names = spec.units ?? [text.matter.unit];
      c.assign(
        assignedOn,
        batchId,
        names.map((n, i) => ({ staff: staff(n), role: i === 0 ? ('lead' as const) : ('co' as const) })),
        due,
      );
      const drawn = drawPlan(ctx, {
        assignedOn,
        due: due.reply,
        coDue: due.co,
        coUnits: names.length - 1,
        maxDue: due.max,
      });
      playPlan(ctx, c, spec.plan ? spec.plan(drawn) : drawn);
      return c;
    });
  };
  const edu = '县教育局';
  const zjj = '县住房和城乡建设局';
  const extended = (p: CasePlan): CasePlan => ({
    ...p,
    extension: {
      day: days.back(today, 12),
      newDue: days.months(p.receiveDay, 5),
      approveDay: days.back(today, 10),
    },
    replyDay: days.wd(today, 15),
  });
  const older = batch(75, '闭会期间代表建议交办（第三批）', [
    { matter: 5, plan: extended },
    { matter: 1, plan: extended },
    { matter: 3, plan: (p) => ({ ...p, extension: null, replyDay: days.wd(today, 4) }) },
    {
      matter: 6,
      units: [edu, '县财政局'],
      plan: (p) => ({
        ...p,
        coOpinions: [days.back(today, 30)],
        extension: extended(p).extension,
        replyDay: days.back(today, 1),
        signatures: 2,
      }),
    },
    {
      matter: 13,
      lead: deputy,
      plan: (p) => ({
        ...p,
        extension: null,
        replyDay: days.back(today, 5),
        rating: { ...satisfied, day: days.wd(today, 3) },
        second: null,
      }),
    },
    ...[7, 9, 10, 14, 16, 18, 20].map((matter) => ({ matter })),
  ]);
  const recent = batch(20, '闭会期间代表建议交办（第四批）', [
    { matter: 5, plan: (p) => ({ ...p, replyDay: days.back(today, 1), signatures: 0 }) },
    { matter: 2, units: ['县交通运输局', edu], plan: (p) => ({ ...p, coOpinions: [days.wd(today, 10)] }) },
    { matter: 20, units: ['县城市管理局', zjj], plan: (p) => ({ ...p, coOpinions: [days.wd(today, 12)] }) },
    { matter: 0 },
    { matter: 1 },
    { matter: 6 },
    ...[4, 8, 11, 12, 15, 17, 19, 21].map((matter) => ({ matter })),
  ]);
  const future = (p: CasePlan): CasePlan => ({ ...p, receiveDay: days.wd(today, 2) });
  const newest = batch(4, '闭会期间代表建议交办（第五批）', [
    { matter: 6, plan: future },
    { matter: 0, plan: future },
    { matter: 9, plan: future },
  ]);
  const adjusting = newest[1];
  const zjjUnit = adjusting?.lead;
  if (adjusting && zjjUnit) {
    adjusting.receive(zjjUnit, days.back(today, 3));
    adjusting.requestAdjustment(
      zjjUnit,
      days.back(today, 1),
      '该路段停车设施建设和管理属于县城市管理局职责，建议调整由县城市管理局主办。',
    );
  }
  // Still before assignment: in review at each tier, returned, rejected, accepted, drafts.
  const pending: DemoCase[] = [];
  const stages = [
    'tier0',
    'tier0',
    'tier1',
    'tier2',
    'returned',
    'rejected',
    'accepted',
    'accepted',
    'accepted',
  ];
  stages.forEach((stage, i) => {
    const submitted = days.back(today, 10 - i);
    const { c } = item({ matter: (i * 5 + 3) % 22, lead: i === 0 ? deputy : undefined }, submitted);
    const reviewDay = days.wd(submitted, 1) > today ? submitted : days.wd(submitted, 1);
    if (stage === 'tier1') c.review(reviewDay, 1);
    if (stage === 'tier2') c.review(reviewDay, 2);
    if (stage === 'returned') c.returnForRevision(reviewDay, '案据不够具体，请补充相关数据和群众反映情况。');
    if (stage === 'rejected') c.reject(reviewDay, '属于个人诉求事项，建议通过信访渠道反映。');
    if (stage === 'accepted') accept(c, submitted);
    pending.push(c);
  });
  for (const matter of [12, 17]) {
    const text = wording(ctx, matter, random.pick(cast.townships));
    pending.push(
      new DemoCase(ctx.rows, days, ctx.office, {
        bodyId: cast.countyId,
        sessionId: null,
        lead: matter === 12 ? deputy : random.pick(cast.deputies),
        title: text.title,
        grounds: text.grounds,
        proposals: '',
        categoryId: cast.categoryIds.get(text.matter.category) ?? null,
        createdOn: days.back(today, 2),
        coSigners: [],
      }),
    );
  }
  return { older, recent, newest, pending };
}
