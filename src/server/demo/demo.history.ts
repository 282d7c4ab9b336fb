import { newId } from '../platform/ids.js';
import { DemoCase } from './demo.case.js';
import type { Deadlines } from './demo.case.js';
import { demoCategories, demoMatters } from './demo.matters.js';
import type { DemoMatter } from './demo.matters.js';
import { matterVariants } from './demo.matter-variants.js';
import { drawPlan, playPlan } from './demo.lifecycle.js';
import type { CasePlan, HistoryContext } from './demo.lifecycle.js';
import type { DemoPerson, DemoUnitStaff } from './demo.staff.js';

/** Deputies and units the history draws from. */
export interface HistoryCast {
  countyId: string;
  categoryIds: Map<string, string>;
  deputies: (DemoPerson & { deputyId: string })[];
  unitsByName: Map<string, DemoUnitStaff>;
  townships: string[];
}

export interface BatchDeadlines extends Deadlines {
  max: string;
}

/** The category rows and the units that usually handle each (suggested at assignment). */
export function categoryRows(countyId: string, unitIds: Map<string, string>, at: string) {
  const categories = demoCategories.map((c, i) => ({
    id: newId(),
    body_id: countyId,
    parent_id: null,
    name: c.name,
    sort_order: i + 1,
    created_at: at,
  }));
  const categoryUnits = demoCategories.flatMap((c, i) =>
    c.units.flatMap((unitName, u) => {
      const unitId = unitIds.get(unitName);
      const category = categories[i];
      return unitId && category
        ? [{ category_id: category.id, unit_id: unitId, role: u === 0 ? 'lead' : 'co' }]
        : [];
    }),
  );
  return { categories, categoryUnits };
}

/** One of the matters in one of its wordings, placed in a township. */
export function wording(ctx: HistoryContext, index: number, place: string) {
  const matter = demoMatters[index % demoMatters.length] as DemoMatter;
  const variants = matterVariants[index % demoMatters.length];
  const pick = (base: string, others: string[] | undefined) =>
    ctx.random.pick([base, ...(others ?? [])]).replaceAll('{place}', place);
  return {
    matter,
    title: pick(matter.title, variants?.titles),
    grounds: pick(matter.grounds, variants?.grounds),
    proposals: pick(matter.proposals, variants?.proposals),
  };
}

/** Lead unit from the matter (about 15 % to another plausible unit), co units sometimes. */
export function unitsFor(ctx: HistoryContext, cast: HistoryCast, matter: DemoMatter) {
  const { random } = ctx;
  const category = demoCategories.find((c) => c.name === matter.category);
  const others = (category?.units ?? []).filter((u) => u !== matter.unit);
  const leadName =
    random.next() < 0.85
      ? matter.unit
      : random.pick(others.length > 0 ? others : ['县发展和改革局', '县财政局']);
  const coNames = new Set<string>();
  if (matter.coUnit && random.next() < 0.7) coNames.add(matter.coUnit);
  if (random.next() < 0.12) coNames.add(random.pick([...others, matter.unit, '县财政局']));
  coNames.delete(leadName);
  const staff = (name: string) => cast.unitsByName.get(name);
  const lead = staff(leadName);
  if (!lead) throw new Error(`demo unit missing: ${leadName}`);
  return [
    { staff: lead, role: 'lead' as const },
    ...[...coNames].flatMap((n) => {
      const s = staff(n);
      return s ? [{ staff: s, role: 'co' as const }] : [];
    }),
  ];
}

export interface SessionSpec {
  sessionId: string;
  name: string;
  sessionDay: string;
  assignedOn: string;
  due: BatchDeadlines;
  /** Items accepted and assigned; plus a few rejected and withdrawn in review. */
  assigned: number;
  rejected: number;
  withdrawn: number;
  /** Units whose deputies are markedly less satisfied this session (a rectification case). */
  unhappyUnits?: string[];
  /** Hand-made plans for some items, by index: live states of the current session. */
  override?: (index: number, plan: CasePlan, c: DemoCase) => CasePlan | 'skip';
  /** Chooses the lead deputy of an item (the demo deputy leads a few). */
  leadFor?: (index: number) => (DemoPerson & { deputyId: string }) | undefined;
  /** The sponsor of a key item, when not a government leader (the demo `leader` account). */
  sponsorFor?: (index: number) => (DemoPerson & { title: string }) | undefined;
}

const rejectReasons = ['属于个人诉求事项，建议通过信访渠道反映。', '内容不具体，不符合代表建议的要求。'];

/** A whole session of county suggestions: drafted, reviewed, assigned at one meeting, handled. */
export function playSession(ctx: HistoryContext, cast: HistoryCast, spec: SessionSpec): DemoCase[] {
  const { random, days } = ctx;
  const batchId = newId();
  ctx.rows.batches.push({
    id: batchId,
    body_id: cast.countyId,
    name: `县十八届人大${spec.name}代表建议交办会`,
    assigned_on: spec.assignedOn,
    item_count: spec.assigned,
    created_by: ctx.office.userId,
    created_at: days.at(spec.assignedOn, 9),
  });
  const total = spec.assigned + spec.rejected + spec.withdrawn;
  const cases: DemoCase[] = [];
  let serial = 0;
  const start = random.int(0, demoMatters.length - 1);
  const used = new Set<string>();
  for (let index = 0; index < total; index += 1) {
    const matterIndex = (start + index * 7 + random.int(0, 2)) % demoMatters.length;
    // One matter once per township and session: the same matter recurs from other places and years.
    let place = random.pick(cast.townships);
    for (let tries = 0; used.has(`${matterIndex}:${place}`) && tries < 15; tries += 1)
      place = random.pick(cast.townships);
    used.add(`${matterIndex}:${place}`);
    const text = wording(ctx, matterIndex, place);
    const lead = spec.leadFor?.(index) ?? random.pick(cast.deputies);
    const key = index % 29 === 4;
    const signerCount = key ? random.int(10, 12) : random.next() < 0.35 ? 0 : random.int(1, 4);
    const coSigners = new Set<string>();
    while (coSigners.size < signerCount) coSigners.add(random.pick(cast.deputies).deputyId);
    coSigners.delete(lead.deputyId);
    const c = new DemoCase(ctx.rows, days, ctx.office, {
      bodyId: cast.countyId,
      sessionId: spec.sessionId,
      lead,
      title: text.title,
      grounds: text.grounds,
      proposals: text.proposals,
      categoryId: cast.categoryIds.get(text.matter.category) ?? null,
      createdOn: spec.sessionDay,
      coSigners: [...coSigners],
      disclose: index % 23 !== 5,
    });
    cases.push(c);
    c.submit(days.plus(spec.sessionDay, 1));
    const reviewDay = days.wd(spec.sessionDay, random.int(2, 4));
    if (index >= spec.assigned) {
      if (index < spec.assigned + spec.rejected) {
        c.review(reviewDay, 1);
        c.reject(days.wd(reviewDay, 2), random.pick(rejectReasons));
      } else c.withdraw(days.wd(reviewDay, 1), '经与有关部门沟通，问题已在会后解决，申请撤回。');
      continue;
    }
    serial += 1;
    c.review(reviewDay, 3, { scope: spec.sessionId, number: serial });
    const units = unitsFor(ctx, cast, text.matter);
    if (key)
      c.key(
        days.back(spec.assignedOn, 3),
        keyLeaders(ctx, spec.sponsorFor?.(index), units[0]?.staff.unitId ?? ''),
      );
    c.assign(spec.assignedOn, batchId, units, spec.due);
    const unhappy = spec.unhappyUnits?.includes(units[0]?.staff.unitName ?? '');
    let plan = drawPlan(ctx, {
      assignedOn: spec.assignedOn,
      due: spec.due.reply,
      coDue: spec.due.co,
      coUnits: units.length - 1,
      maxDue: spec.due.max,
      unsatisfiedShare: unhappy ? 0.6 : undefined,
    });
    const changed = spec.override?.(index, plan, c);
    if (changed === 'skip') continue;
    if (changed) plan = changed;
    playPlan(ctx, c, plan);
  }
  return cases;
}

/** Sponsors (government leaders) and the supervising committee of a key suggestion. */
export function keyLeaders(
  ctx: HistoryContext,
  sponsor: (DemoPerson & { title: string }) | undefined,
  unitId: string,
) {
  const chosen = sponsor ?? { ...ctx.governmentLeader(unitId), title: '副县长' };
  return [
    { kind: 'sponsor' as const, name: chosen.name, title: chosen.title, userId: chosen.userId },
    { kind: 'supervisor' as const, name: ctx.random.personName(), title: '县人大常委会副主任', userId: null },
  ];
}
