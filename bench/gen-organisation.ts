/**
 * The province's organisation: bodies (province, cities, counties, townships), three terms of
 * five sessions each, handling units with their staff, categories, deputies with seats and
 * accounts, and office staff (stations and receptions: gen-stations.ts). Rows follow the table types of
 * `src/server/db/schema*.ts`, written the way the services write them.
 */
import crypto from 'node:crypto';
import { demoCategories } from '../src/server/demo/demo.matters.js';
import { demoUnits, ethnicities, occupations } from '../src/server/demo/demo.data.js';
import type { seededRandom } from '../src/server/demo/demo.random.js';
import type { ProvinceProfile } from './profile.js';
import { voterToken } from './profile.js';
import type { BulkWriter } from './lib/writer.js';
import { personName, placeName } from './texts.js';

export type Random = ReturnType<typeof seededRandom>;

export const DAY = 86_400_000;
export const iso = (ms: number) => new Date(ms).toISOString();
/** The calendar day (Asia/Shanghai) of an instant. */
export const dayOf = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
/** Beijing `hour` on the day `day` (ms at UTC midnight of that date). */
export const at = (dayMs: number, hour: number) => dayMs + (hour - 8) * 3_600_000;
export const utcDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

/** The generated province's "today": the data ends here, whatever day the benchmark runs. */
export const generatedToday = utcDay(2026, 11, 20);
export const termYears = [
  { number: 13, start: 2012 },
  { number: 14, start: 2017 },
  { number: 15, start: 2022 },
];
export const currentYear = 2026;
const sessionMonthDay: Record<string, [number, number]> = {
  province: [1, 15],
  city: [1, 25],
  county: [2, 20],
  township: [3, 5],
};
const numerals = ['一', '二', '三', '四', '五'];
const termNumerals: Record<number, string> = { 13: '十三', 14: '十四', 15: '十五' };

export interface Person {
  userId: string;
  name: string;
}
export interface GenBody {
  id: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'township';
  path: string;
  index: number;
  /** Units handling this body's items (a township's are its county's). */
  units: string[];
  unitStaff: Map<string, { handler: Person; leader: Person }>;
  categories: { id: string; name: string }[];
  deputies: { id: string; name: string; userId: string }[];
  terms: { id: string; number: number }[];
  sessions: { id: string; year: number; termId: string; startDay: number }[];
  office: (Person & { username: string }) | null;
  parent: GenBody | null;
}

export interface Org {
  bodies: GenBody[];
  province: GenBody;
  counties: GenBody[];
  admin: Person;
}

const unitBaseNames = [
  ...demoUnits.map((u) => u.name.replace(/^县/, '').replace(/^市生态环境局青禾分局$/, '生态环境局')),
  '审计局',
  '统计局',
  '退役军人事务局',
  '林业局',
  '乡村振兴局',
  '医疗保障局',
  '城市管理局',
  '应急管理局',
  '体育局',
  '人民防空办公室',
  '供销合作社',
  '气象局',
  '税务局',
  '供电公司',
  '自来水公司',
].filter((name, i, all) => all.indexOf(name) === i);

export function generateOrganisation(
  w: BulkWriter,
  random: Random,
  ulid: (time: number) => string,
  profile: ProvinceProfile,
  passwordHash: string,
  seed: number,
): Org {
  const created = utcDay(2011, 12, 1);
  const createdIso = iso(created);
  const bodies: GenBody[] = [];
  let userCount = 0;
  const user = (
    username: string,
    displayName: string,
    role: string,
    bodyId: string,
    unitId: string | null,
  ) => {
    const id = ulid(created + userCount);
    userCount += 1;
    w.insert('users', [
      id,
      username,
      displayName,
      passwordHash,
      0,
      0,
      null,
      null,
      0,
      'active',
      null,
      null,
      null,
      null,
      createdIso,
      createdIso,
    ]);
    w.insert('user_roles', [ulid(created), id, role, bodyId, unitId, null, createdIso]);
    return id;
  };

  const makeBody = (level: GenBody['level'], name: string, parent: GenBody | null): GenBody => {
    const id = ulid(created + bodies.length);
    const path = `${parent?.path ?? '/'}${id}/`;
    w.insert('bodies', [
      id,
      `${name}人民代表大会`,
      level,
      parent?.id ?? null,
      path,
      null,
      name,
      createdIso,
      createdIso,
    ]);
    const body: GenBody = {
      id,
      name,
      level,
      path,
      index: bodies.length,
      units: parent && level === 'township' ? parent.units : [],
      unitStaff: parent && level === 'township' ? parent.unitStaff : new Map(),
      categories: [],
      deputies: [],
      terms: [],
      sessions: [],
      office: null,
      parent,
    };
    bodies.push(body);
    for (const t of termYears) {
      const termId = ulid(utcDay(t.start, 1, 1));
      w.insert('terms', [
        termId,
        id,
        t.number,
        `${t.start}-01-01`,
        t.number === 15 ? null : `${t.start + 4}-12-31`,
        createdIso,
      ]);
      body.terms.push({ id: termId, number: t.number });
      for (let n = 0; n < 5; n += 1) {
        const [month, dayOfMonth] = sessionMonthDay[level] ?? [3, 1];
        const startDay = utcDay(t.start + n, month, dayOfMonth);
        const sessionId = ulid(startDay);
        w.insert('congress_sessions', [
          sessionId,
          id,
          termId,
          n + 1,
          `${name}第${termNumerals[t.number]}届人民代表大会第${numerals[n]}次会议`,
          dayOf(startDay),
          dayOf(startDay + 4 * DAY),
          createdIso,
        ]);
        body.sessions.push({ id: sessionId, year: t.start + n, termId, startDay });
      }
    }
    for (const [i, c] of demoCategories.entries()) {
      const categoryId = ulid(created + i);
      w.insert('categories', [categoryId, id, null, c.name, i, createdIso]);
      body.categories.push({ id: categoryId, name: c.name });
    }
    return body;
  };

  const addUnits = (body: GenBody, count: number, prefix: string) => {
    for (let i = 0; i < count; i += 1) {
      const base = unitBaseNames[i % unitBaseNames.length] ?? '办公室';
      const name = `${prefix}${base}${i >= unitBaseNames.length ? `（${Math.floor(i / unitBaseNames.length) + 1}）` : ''}`;
      const unitId = ulid(created + i);
      const handlerName = personName(random);
      w.insert('units', [
        unitId,
        body.id,
        name,
        'government_department',
        null,
        handlerName,
        random.phone(),
        1,
        createdIso,
        createdIso,
      ]);
      const n = w.counts.get('units') ?? 0;
      const handler = {
        userId: user(`unit${n}_h`, handlerName, 'unit_handler', body.id, unitId),
        name: handlerName,
      };
      const leaderName = personName(random);
      const leader = {
        userId: user(`unit${n}_l`, leaderName, 'unit_leader', body.id, unitId),
        name: leaderName,
      };
      body.units.push(unitId);
      body.unitStaff.set(unitId, { handler, leader });
    }
    // Each category suggests a lead unit at assignment (category_units), spread over the units.
    body.categories.forEach((c, i) => {
      const unitId = body.units[(i * 3) % body.units.length];
      if (unitId) w.insert('category_units', [c.id, unitId, 'lead']);
    });
  };
  const addOffice = (body: GenBody) => {
    const username = `office_${body.index}`;
    const name = personName(random);
    body.office = { userId: user(username, name, 'office_staff', body.id, null), name, username };
  };

  const provinceName = '青禾省';
  const province = makeBody('province', provinceName, null);
  const admin = { userId: user('admin', '系统管理员', 'admin', province.id, null), name: '系统管理员' };
  addUnits(province, profile.unitsPerProvince, '省');
  addOffice(province);
  const counties: GenBody[] = [];
  for (let c = 0; c < profile.cities; c += 1) {
    const city = makeBody('city', placeName(random, '市'), province);
    addUnits(city, profile.unitsPerCity, '市');
    addOffice(city);
    for (let k = 0; k < profile.countiesPerCity; k += 1) {
      const county = makeBody('county', placeName(random, '县'), city);
      addUnits(county, profile.unitsPerCounty, '县');
      addOffice(county);
      counties.push(county);
      for (let t = 0; t < profile.townshipsPerCounty; t += 1)
        makeBody('township', placeName(random, random.next() < 0.7 ? '镇' : '乡'), county);
    }
  }

  // Deputies: the province's first (voters, with API tokens), then cities, counties, townships.
  const townships = bodies.filter((b) => b.level === 'township');
  const perLevel = (b: GenBody) =>
    b.level === 'province'
      ? profile.provinceDeputies
      : b.level === 'city'
        ? profile.cityDeputies
        : b.level === 'county'
          ? profile.countyDeputies
          : 0;
  const fixed = bodies.reduce((sum, b) => sum + perLevel(b), 0);
  const perTownship = Math.max(1, Math.floor((profile.deputies - fixed) / townships.length));
  const remainder = Math.max(0, profile.deputies - fixed - perTownship * townships.length);
  let deputyIndex = 0;
  for (const body of bodies) {
    const count =
      body.level === 'township'
        ? perTownship + (townships.indexOf(body) < remainder ? 1 : 0)
        : perLevel(body);
    for (let i = 0; i < count; i += 1) {
      const name = personName(random);
      const deputyId = ulid(created + deputyIndex);
      const userId = user(`d${deputyIndex}`, name, 'deputy', body.id, null);
      w.insert('deputies', [
        deputyId,
        userId,
        name,
        random.next() < 0.3 ? 'female' : 'male',
        random.pick(ethnicities),
        random.int(1960, 1995),
        random.pick(occupations),
        random.phone(),
        null,
        null,
        null,
        createdIso,
        createdIso,
      ]);
      // A seat in the current term; about half sat in the previous term too.
      body.terms.forEach((term, t) => {
        if (t === 2 || random.next() < 0.5)
          w.insert('deputy_seats', [
            ulid(created),
            deputyId,
            body.id,
            term.id,
            body.level,
            null,
            null,
            null,
            'active',
            null,
            createdIso,
            createdIso,
          ]);
      });
      if (body.level === 'province' && i < profile.provinceDeputies)
        w.insert('api_tokens', [
          ulid(created),
          userId,
          'bench',
          crypto.createHash('sha256').update(voterToken(seed, i)).digest('hex'),
          createdIso,
          // Used recently: resolving the token writes nothing (as in the ballots load test).
          iso(Date.now()),
          null,
          null,
        ]);
      body.deputies.push({ id: deputyId, name, userId });
      deputyIndex += 1;
    }
  }
  return { bodies, province, counties, admin };
}
