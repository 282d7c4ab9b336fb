import type { DemoOrganisation } from './demo.organisation.js';
import type { DemoDays, DemoRows } from './demo.rows.js';
import type { seededRandom } from './demo.random.js';
import type { DemoPerson, DemoStaff, DemoUnitStaff } from './demo.staff.js';
import type { HistoryContext } from './demo.lifecycle.js';
import { categoryRows, playSession } from './demo.history.js';
import type { HistoryCast } from './demo.history.js';
import { currentOverrides, deadlinesOf, playRecess } from './demo.current.js';
import { liveJobs, playTownship, rectify, superviseKeyItems } from './demo.oversight.js';
import { demoTownships } from './demo.data.js';

/** The current session's assignment meeting (fixed: the session is 2026-01-13). */
export const currentAssignedOn = '2026-02-26';
/** County suggestions accepted per session, oldest first (plus a few rejected and one withdrawn). */
export const sessionSizes = [108, 126, 139, 147, 114];

export interface HistoryInput {
  rows: DemoRows;
  days: DemoDays;
  random: ReturnType<typeof seededRandom>;
  org: DemoOrganisation;
  staff: DemoStaff;
  known: Map<string, { id: string; displayName: string }>;
  /** The clock's day (Asia/Shanghai) and instant. */
  today: string;
  nowIso: string;
}

const fieldOf = (unitName: string) =>
  /住房|交通|城市管理|自然资源|公安|应急|工业|发展|商务|村镇建设/.test(unitName)
    ? 'urban'
    : /农业|水利|林业|乡村|生态/.test(unitName)
      ? 'rural'
      : 'social';

/**
 * The year-by-year history of the demo county: sessions 一 to 四 handled and closed, the current
 * session as of November 2026 (or the clock's day, when later), recess batches dated from the
 * clock, three townships' suggestions, supervision of key items, rectification tasks and the
 * pending jobs of live items.
 */
export async function playDemoHistory(input: HistoryInput): Promise<void> {
  const { rows, days, random, org, staff, known } = input;
  const county = org.county;
  // The current session needs a day late in 2026 to be "a living year"; the clock's day when later.
  const sessionToday = input.today >= '2026-10-01' ? input.today : '2026-11-20';
  const person = (name: string): DemoPerson => {
    const found = known.get(name);
    return { userId: found?.id ?? null, name: found?.displayName ?? name };
  };
  const office = person('office');
  const counters = new Map<string, number>();
  const leaders = new Map(staff.governmentLeaders.map((g) => [g.field, g.person]));
  const unitNames = new Map([...staff.unitStaff.values()].map((s) => [s.unitId, s.unitName]));
  const context = (today: string): HistoryContext => ({
    rows,
    days,
    random,
    office,
    today,
    governmentLeader: (unitId) => leaders.get(fieldOf(unitNames.get(unitId) ?? '')) ?? office,
    documentNo: (unit, year) => {
      const key = `${unit.unitId}:${year}`;
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      const short = unit.unitName.replace(/^县|^市/, '').slice(0, 1);
      return `青${short}建复〔${year}〕${n}号`;
    },
  });
  const ctx = context(sessionToday);
  const { categories, categoryUnits } = categoryRows(
    county.id,
    new Map(org.units.map((u) => [u.name, u.id])),
    days.at('2021-12-01', 9),
  );
  rows.categories.push(...categories);
  rows.categoryUnits.push(...categoryUnits);
  const deputies = org.countyDeputies.map((d) => ({
    deputyId: d.id ?? '',
    userId: staff.deputyUsers.get(d.id ?? '') ?? null,
    name: d.name,
  }));
  const demoDeputy = deputies[0];
  if (!demoDeputy) return;
  const cast: HistoryCast = {
    countyId: county.id,
    categoryIds: new Map(categories.map((c) => [c.name, c.id])),
    deputies,
    unitsByName: new Map(
      [...staff.unitStaff.values()].filter((s) => s.bodyId === county.id).map((s) => [s.unitName, s]),
    ),
    townships: demoTownships,
  };
  const sessions = org.sessions.filter((s) => s.body_id === county.id);
  const names = ['一次会议', '二次会议', '三次会议', '四次会议', '五次会议'];
  const countyCases = sessions.flatMap((session, i) => {
    const current = i === sessions.length - 1;
    const assignedOn = current ? currentAssignedOn : days.wd(session.start_date, random.int(22, 30));
    const leader = person('leader');
    return playSession(ctx, cast, {
      sessionId: session.id ?? '',
      name: names[i] ?? '',
      sessionDay: session.start_date,
      assignedOn,
      due: deadlinesOf(ctx, assignedOn),
      assigned: sessionSizes[i] ?? 100,
      rejected: i % 2 === 0 ? 3 : 2,
      withdrawn: 1,
      unhappyUnits: i === 3 ? ['县城市管理局'] : current ? ['县交通运输局'] : undefined,
      override: current ? currentOverrides(ctx, demoDeputy.deputyId) : undefined,
      leadFor: (index) => (current && [10, 11, 40].includes(index) ? demoDeputy : undefined),
      sponsorFor: (index) =>
        current && [4, 33].includes(index) ? { ...leader, title: '县人大常委会主任' } : undefined,
    });
  });
  const clockCtx = context(input.today);
  const recess = playRecess(clockCtx, cast, demoDeputy);
  const townshipCases = org.townships.slice(0, 3).flatMap((township) => {
    const offices = [...staff.unitStaff.values()].filter((s) => s.bodyId === township.id);
    const seated = new Set(org.seats.filter((s) => s.body_id === township.id).map((s) => s.deputy_id));
    const local = org.deputies
      .filter((d) => seated.has(d.id ?? '') && !deputies.some((c) => c.deputyId === d.id))
      .slice(0, 40)
      .map((d) => ({ deputyId: d.id ?? '', userId: null, name: d.name }));
    const own = org.sessions
      .filter((s) => s.body_id === township.id)
      .slice(-2)
      .map((s) => ({ id: s.id ?? '', day: s.start_date }));
    return playTownship(ctx, {
      bodyId: township.id,
      township: township.region_name ?? '',
      sessions: own,
      deputies: local,
      offices: offices as DemoUnitStaff[],
    });
  });
  superviseKeyItems(ctx, [...countyCases, ...recess.older], person('supervision'));
  rectify(ctx, county.id, 2025, '2026-01-20', {
    report: '已召开专题会议分析不满意原因，逐件重新办理，建立代表建议办理回访制度。',
    explanation: '个别建议办理前未与代表充分沟通，答复内容不够具体，已对相关责任人进行约谈。',
  });
  rectify(ctx, county.id, Number(sessionToday.slice(0, 4)), days.back(sessionToday, 8), null);
  // Follow-up promises belong to the term of their session (the ledger job reads it the same way).
  const termOf = new Map(org.sessions.map((s) => [s.id, s.term_id]));
  const bySuggestion = new Map(rows.suggestions.map((s) => [s.id, s]));
  for (const promise of rows.promises) {
    const s = bySuggestion.get(promise.suggestion_id);
    promise.term_id = (s?.session_id ? termOf.get(s.session_id) : undefined) ?? org.countyTermId;
  }
  void townshipCases;
  liveJobs(clockCtx, input.nowIso);
}
