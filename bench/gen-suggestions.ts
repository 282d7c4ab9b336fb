/**
 * The province's suggestions over three terms: each item gets a dated plan (drafted before its
 * session, reviewed, assigned, replied, rated) and a drawn end state — mostly closed in older
 * years, handling / replied in the current one — cut at the generated "today" so nothing is
 * dated in the future. Rows, timeline events, assignments, replies and ratings are written the
 * way `src/server/suggestions/*` services write them (compare `src/server/demo/demo.case.ts`).
 */
import { drawOutcome, drawRating } from '../src/server/demo/demo.lifecycle.js';
import { planTexts, coOpinions } from '../src/server/demo/demo.texts.js';
import type { seededRandom } from '../src/server/demo/demo.random.js';
import type { ProvinceProfile } from './profile.js';
import type { BulkWriter, Value } from './lib/writer.js';
import type { GenBody, Org, Person } from './gen-organisation.js';
import { DAY, at, currentYear, dayOf, generatedToday, iso, utcDay } from './gen-organisation.js';
import { composeMatter, placeName } from './texts.js';
import { must } from './lib/must.js';

type Random = ReturnType<typeof seededRandom>;
type State =
  | 'draft'
  | 'in_review'
  | 'returned'
  | 'rejected'
  | 'withdrawn'
  | 'accepted'
  | 'handling'
  | 'replied'
  | 'rehandling'
  | 'closed';

const oldMix: [State, number][] = [
  ['closed', 0.925],
  ['rejected', 0.03],
  ['withdrawn', 0.02],
  ['returned', 0.01],
  ['replied', 0.01],
  ['handling', 0.005],
];
const currentMix: [State, number][] = [
  ['draft', 0.02],
  ['in_review', 0.04],
  ['returned', 0.01],
  ['rejected', 0.02],
  ['withdrawn', 0.01],
  ['accepted', 0.04],
  ['handling', 0.36],
  ['replied', 0.2],
  ['rehandling', 0.03],
  ['closed', 0.27],
];
const order: State[] = ['draft', 'in_review', 'accepted', 'handling', 'replied', 'rehandling', 'closed'];

function draw(random: Random, mix: [State, number][]): State {
  let x = random.next();
  for (const [state, share] of mix) {
    if (x < share) return state;
    x -= share;
  }
  return must(mix[0], 'state mix')[0];
}

const plusMonths = (dayMs: number, months: number) => {
  const d = new Date(dayMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate());
};

export interface SuggestionSummary {
  /** Items waiting at review tier 0 in each bench county (the action scenario's pool). */
  pool: Map<string, string[]>;
}

export function generateSuggestions(
  w: BulkWriter,
  random: Random,
  ulid: (time: number) => string,
  org: Org,
  profile: ProvinceProfile,
): SuggestionSummary {
  const system: Person = { userId: 'system', name: '系统' };
  const levels: [GenBody[], number][] = [
    [org.bodies.filter((b) => b.level === 'province'), 0.03],
    [org.bodies.filter((b) => b.level === 'city'), 0.12],
    [org.bodies.filter((b) => b.level === 'county'), 0.45],
    [org.bodies.filter((b) => b.level === 'township'), 0.4],
  ];
  const places = new Map<string, string[]>();
  const placesOf = (body: GenBody) => {
    let list = places.get(body.id);
    if (!list) {
      list = Array.from({ length: 6 }, () => placeName(random, random.next() < 0.7 ? '镇' : '乡'));
      if (body.level === 'township') list.unshift(body.name);
      places.set(body.id, list);
    }
    return list;
  };
  const counters = new Map<string, number>();
  const officeOf = (body: GenBody): Person =>
    body.office ?? (body.parent ? officeOf(body.parent) : org.admin);

  const event = (
    sid: string,
    t: number,
    actor: Person,
    action: string,
    from: string | null,
    to: string | null,
    note: string | null,
    data: unknown,
  ) =>
    w.insert('suggestion_events', [
      ulid(t),
      sid,
      iso(t),
      actor.userId,
      actor.name,
      action,
      from,
      to,
      note,
      data === null ? null : JSON.stringify(data),
    ]);

  const writeItem = (
    body: GenBody,
    year: number,
    timing: 'session' | 'recess',
    wanted: State,
    createdDay: number,
    tier0 = false,
  ) => {
    const session = timing === 'session' ? body.sessions.find((s) => s.year === year) : undefined;
    const lead =
      body.deputies.length > 0 ? random.pick(body.deputies) : must(org.province.deputies[0], 'a deputy');
    const leadPerson = { userId: lead.userId, name: lead.name };
    const matter = composeMatter(random, random.pick(placesOf(body)));
    const category = body.categories.find((c) => c.name === matter.category) ?? null;
    const office = officeOf(body);
    // The plan, every date decided up front.
    const created = at(createdDay, 15) + random.int(0, 59) * 60_000;
    const accepted = at(createdDay + random.int(8, 25) * DAY, 11);
    const assignedDay = Math.floor(accepted / DAY) * DAY + random.int(5, 20) * DAY;
    const assigned = at(assignedDay, 10);
    const replyDue = plusMonths(assignedDay, 3);
    const received = at(assignedDay + random.int(1, 4) * DAY, 9);
    const sentDay = assignedDay + random.int(35, 95) * DAY;
    const sent = at(sentDay, 16);
    const feedbackDue = sentDay + 14 * DAY;
    const rated = at(sentDay + random.int(3, 13) * DAY, 20);
    const noFeedback = random.next() < 0.08;
    const closedAt = noFeedback ? at(feedbackDue + 8 * DAY, 8) + 5 * 60_000 : rated;
    // Cut at today: a step dated later has not happened yet.
    const happened = (t: number) => t <= generatedToday + DAY;
    let state = wanted;
    const reachable = (s: State) => {
      if (s === 'draft' || s === 'in_review' || s === 'returned' || s === 'rejected' || s === 'withdrawn')
        return true;
      if (s === 'accepted') return happened(accepted);
      if (s === 'handling') return happened(received);
      if (s === 'replied') return happened(sent);
      return happened(closedAt) && happened(rated);
    };
    while (!reachable(state)) state = order[order.indexOf(state) - 1] ?? 'in_review';

    const id = ulid(created);
    const serialScope = session ? session.id : `${body.id}:recess:${year}`;
    const isAccepted = ['accepted', 'handling', 'replied', 'rehandling', 'closed'].includes(state);
    let serial: number | null = null;
    if (isAccepted) {
      serial = (counters.get(serialScope) ?? 0) + 1;
      counters.set(serialScope, serial);
    }
    let version = 0;
    let updated = created;
    const events: (() => void)[] = [];
    const move = (
      t: number,
      actor: Person,
      action: string,
      from: string,
      to: string,
      note: string | null,
      data: unknown,
    ) => {
      version += 1;
      updated = t;
      events.push(() => event(id, t, actor, action, from, to, note, data));
    };
    events.push(() => event(id, created, leadPerson, 'create', null, 'draft', null, null));
    const submitted = state === 'draft' ? null : created + 3_600_000;
    let reviewTier = 0;
    if (submitted) move(submitted, leadPerson, 'submit', 'draft', 'in_review', null, {});
    const reviewed = Math.min(at(createdDay + random.int(3, 8) * DAY, 11), at(generatedToday, 11));
    if (state === 'in_review' && !tier0) {
      reviewTier = random.int(0, 2);
      for (let t = 0; t < reviewTier; t += 1)
        move(reviewed + t * DAY, office, 'review_pass', 'in_review', 'in_review', null, {});
    }
    if (state === 'returned')
      move(reviewed, office, 'review_return', 'in_review', 'returned', '请补充问题的具体情况和建议措施', {
        reason: '请补充问题的具体情况和建议措施',
      });
    if (state === 'rejected')
      move(reviewed, office, 'review_reject', 'in_review', 'rejected', '属于信访事项，不作为代表建议', {
        reason: '属于信访事项，不作为代表建议',
      });
    if (state === 'withdrawn')
      move(reviewed, leadPerson, 'withdraw', 'in_review', 'withdrawn', '代表申请撤回', {
        reason: '代表申请撤回',
      });
    if (isAccepted) {
      reviewTier = 2;
      move(accepted, office, 'review_pass', 'in_review', 'accepted', '同意立案', { note: '同意立案' });
    }
    const assignedState = ['handling', 'replied', 'rehandling', 'closed'].includes(state);
    const leadUnit =
      body.units[
        ((category ? body.categories.indexOf(category) * 3 : 0) % body.units.length) + random.int(0, 2)
      ] ?? must(body.units[0], 'a unit');
    const coUnit = random.next() < 0.25 ? random.pick(body.units) : null;
    const units =
      coUnit && coUnit !== leadUnit
        ? [
            { unitId: leadUnit, role: 'lead' },
            { unitId: coUnit, role: 'co' },
          ]
        : [{ unitId: leadUnit, role: 'lead' }];
    const replied = ['replied', 'rehandling', 'closed'].includes(state);
    if (assignedState)
      move(assigned, office, 'assign', 'accepted', 'handling', null, { assignedOn: dayOf(assigned), units });
    let round = 1;
    let rating: ReturnType<typeof drawRating> | null = null;
    const outcome = drawOutcome(random);
    if (replied)
      move(sent, system, 'mark_replied', 'handling', 'replied', null, { feedbackDueOn: dayOf(feedbackDue) });
    let closeReason: string | null = null;
    if (state === 'rehandling') {
      rating = {
        attitude: 'unsatisfied',
        result: 'unsatisfied',
        reason: '答复内容空泛，没有具体措施和时间表',
      };
      move(rated, leadPerson, 'rate', 'replied', 'rehandling', rating.reason, rating);
      round = 2;
    } else if (state === 'closed') {
      if (noFeedback) {
        closeReason = 'no_feedback';
        move(
          closedAt,
          system,
          'close_no_feedback',
          'replied',
          'closed',
          '提醒后仍未反馈，按未反馈办结（不计入满意率）',
          {},
        );
      } else {
        rating = drawRating(random, outcome);
        const unsatisfied = rating.result === 'unsatisfied' || rating.attitude === 'unsatisfied';
        closeReason = unsatisfied ? 'unsatisfied_escalated' : 'rated';
        move(
          rated,
          leadPerson,
          'rate',
          'replied',
          'closed',
          rating.reason,
          rating.reason ? rating : { attitude: rating.attitude, result: rating.result },
        );
      }
    }
    const row: Value[] = [
      id,
      body.id,
      session?.id ?? null,
      'suggestion',
      timing,
      lead.id,
      matter.title,
      matter.grounds,
      matter.proposals,
      category?.id ?? null,
      state,
      reviewTier,
      isAccepted ? serialScope : null,
      serial,
      'none',
      1,
      null,
      null,
      submitted === null ? null : iso(submitted),
      isAccepted ? iso(accepted) : null,
      assignedState ? iso(assigned) : null,
      version,
      leadPerson.userId,
      iso(created),
      iso(updated),
      state === 'replied' ? iso(sent) : null,
      state === 'replied' ? dayOf(feedbackDue) : null,
      round,
      state === 'closed' ? iso(closedAt) : null,
      closeReason,
      closeReason === 'unsatisfied_escalated' ? 1 : 0,
    ];
    w.insert('suggestions', row);
    for (const e of events) e();
    if (random.next() < 0.15)
      for (const signer of new Set(
        Array.from({ length: random.int(1, 3) }, () => random.pick(body.deputies).id),
      ))
        if (signer !== lead.id)
          w.insert('suggestion_signers', [
            id,
            signer,
            'confirmed',
            iso(created + 3_600_000),
            iso(created + 5 * 3_600_000),
          ]);
    if (!assignedState) return id;
    for (const u of units) {
      const staff = body.unitStaff.get(u.unitId);
      const isLead = u.role === 'lead';
      const status = isLead
        ? replied
          ? state === 'rehandling'
            ? 'rehandling'
            : 'replied'
          : 'handling'
        : replied || random.next() < 0.7
          ? 'opinion_submitted'
          : 'handling';
      const assignmentId = ulid(assigned);
      w.insert('assignments', [
        assignmentId,
        id,
        u.unitId,
        u.role,
        status,
        null,
        dayOf(assigned),
        dayOf(replyDue),
        isLead ? null : dayOf(plusMonths(assignedDay, 2)),
        dayOf(assignedDay + 14 * DAY),
        iso(received),
        null,
        null,
        null,
        null,
        null,
        null,
        status === 'handling' ? 1 : 2,
        iso(assigned),
        iso(isLead && replied ? sent : received),
        staff?.handler.name ?? null,
        null,
        isLead ? random.pick(planTexts) : null,
        isLead ? dayOf(replyDue - 5 * DAY) : null,
        status === 'opinion_submitted' ? random.pick(coOpinions) : null,
        status === 'opinion_submitted' ? iso(received + 20 * DAY) : null,
        null,
        null,
        null,
        null,
        isLead && state !== 'rehandling' && replied ? iso(sent) : null,
      ]);
      if (isLead && replied) {
        w.insert('replies', [
          ulid(sent),
          id,
          assignmentId,
          u.unitId,
          1,
          outcome,
          `${body.name}〔${dayOf(sent).slice(0, 4)}〕${random.int(1, 300)}号`,
          `${lead.name}代表：您提出的《${matter.title}》收悉，现答复如下：${matter.proposals.slice(0, 60)}……感谢您对我们工作的关心和支持。`,
          random.next() < 0.2 ? 1 : 0,
          'sent',
          3,
          3,
          iso(sent),
          staff?.handler.userId ?? null,
          iso(sent - 2 * DAY),
          iso(sent),
        ]);
        if (rating)
          w.insert('ratings', [
            ulid(rated),
            id,
            1,
            lead.id,
            1,
            rating.attitude,
            rating.result,
            rating.reason,
            iso(rated),
          ]);
      }
    }
    return id;
  };

  // Years 2012-2026, slowly growing; 12 % of items come in recess.
  const years = Array.from({ length: currentYear - 2012 + 1 }, (_, i) => 2012 + i);
  const weights = years.map((y) => 1 + (y - 2012) * 0.05);
  const total = weights.reduce((a, b) => a + b, 0);
  const main = profile.suggestions - profile.actionPool;
  let written = 0;
  years.forEach((year, yi) => {
    const count = yi === years.length - 1 ? main - written : Math.round((main * (weights[yi] ?? 1)) / total);
    const mix = year === currentYear ? currentMix : oldMix;
    for (let i = 0; i < count; i += 1) {
      let x = random.next();
      let list = must(levels[0], 'levels')[0];
      for (const [bodies, share] of levels) {
        list = bodies;
        if (x < share) break;
        x -= share;
      }
      const body = must(list[Math.floor(random.next() * list.length)], 'body');
      const recess = random.next() < 0.12;
      const session = must(
        body.sessions.find((s) => s.year === year),
        'session',
      );
      let createdDay = recess
        ? utcDay(year, 4, 1) + random.int(0, 250) * DAY
        : session.startDay - random.int(0, 6) * DAY;
      if (createdDay > generatedToday - 3 * DAY) createdDay = generatedToday - random.int(3, 60) * DAY;
      writeItem(body, year, recess ? 'recess' : 'session', draw(random, mix), createdDay);
    }
    written += count;
  });
  // The action scenario's pool: recess items just submitted in the bench counties, at review tier 0.
  const pool = new Map<string, string[]>();
  const benchCounties = org.counties.slice(0, profile.benchCounties);
  for (let i = 0; i < profile.actionPool; i += 1) {
    const county = must(benchCounties[i % benchCounties.length], 'bench county');
    const id = writeItem(
      county,
      currentYear,
      'recess',
      'in_review',
      generatedToday - random.int(1, 10) * DAY,
      true,
    );
    pool.set(county.id, [...(pool.get(county.id) ?? []), id]);
  }
  for (const [scope, last] of counters) w.insert('serial_counters', [scope, last]);
  return { pool };
}
