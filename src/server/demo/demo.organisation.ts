import type { Insertable } from 'kysely';
import type { Services } from '../services.js';
import type { Executor } from '../db/executor.js';
import type { BodyRow, Database } from '../db/schema.js';
import { newId } from '../platform/ids.js';
import type { Role } from '../../shared/schemas/roles.js';
import type { MemberPosition } from '../../shared/schemas/organisations.js';
import type { DemoRepository } from './demo.repository.js';
import {
  demoAccountSpecs,
  demoCommittees,
  demoCounty,
  demoPassword,
  demoTownships,
  demoTownshipUnits,
  demoUnits,
} from './demo.data.js';
import type { seededRandom } from './demo.random.js';

export interface DemoAccount {
  username: string;
  password: string;
  description: string;
}

type Row<T extends keyof Database> = Insertable<Database[T]>;
type UnitRowIn = Row<'units'> & { id: string; name: string; body_id: string };

export const countyDeputyCount = 200;
export const townshipSeatsPerTownship = 100;
/** County deputies who also sit in their township's congress (a deputy may sit at two levels). */
const dualSeatsPerTownship = 4;

/** The demo county's organisation: bodies, terms, sessions, delegations, groups, units, deputies. */
export interface DemoOrganisation {
  county: BodyRow;
  townships: BodyRow[];
  countyTermId: string;
  sessions: Row<'congress_sessions'>[];
  delegations: Row<'delegations'>[];
  groups: Row<'deputy_groups'>[];
  committees: { id: string; name: string }[];
  /** County units (government departments and others), in `demoUnits` order. */
  units: UnitRowIn[];
  /** Township offices that handle township congress suggestions. */
  townshipUnits: UnitRowIn[];
  deputies: Row<'deputies'>[];
  seats: Row<'deputy_seats'>[];
  countyDeputies: Row<'deputies'>[];
}

/**
 * Writes the county 青禾县 with 15 townships: terms, sessions, delegations, groups, committees,
 * ~40 handling units (and a few township offices), ~200 county and ~1,500 township deputies.
 */
export async function seedOrganisation(
  trx: Executor,
  repository: DemoRepository,
  random: ReturnType<typeof seededRandom>,
  at: string,
): Promise<DemoOrganisation> {
  const body = (name: string, level: string, parent: BodyRow | null, regionName: string): BodyRow => {
    const id = newId();
    return {
      id,
      name,
      level,
      parent_id: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      region_code: null,
      region_name: regionName,
      created_at: at,
      updated_at: at,
    };
  };
  const county = {
    ...body(demoCounty.name, 'county', null, demoCounty.regionName),
    region_code: demoCounty.regionCode,
  };
  const townships = demoTownships.map((name) => body(`${name}人民代表大会`, 'township', county, name));
  await repository.insertMany('bodies', [county, ...townships], trx);

  const term = (bodyId: string): Row<'terms'> => ({
    id: newId(),
    body_id: bodyId,
    number: 18,
    start_date: '2021-12-20',
    end_date: null,
    created_at: at,
  });
  const countyTerm = term(county.id);
  const townshipTerms = townships.map((t) => term(t.id));
  await repository.insertMany('terms', [countyTerm, ...townshipTerms], trx);

  const sessionDates = ['2021-12-20', '2023-01-10', '2024-01-09', '2025-01-14', '2026-01-13'];
  const numerals = ['一', '二', '三', '四', '五'];
  const sessions: Row<'congress_sessions'>[] = [];
  for (const [bodyRow, termRow] of [
    [county, countyTerm],
    ...townships.map((t, i) => [t, townshipTerms[i]] as const),
  ] as const) {
    if (!termRow) continue;
    sessionDates.forEach((date, index) =>
      sessions.push({
        id: newId(),
        body_id: bodyRow.id,
        term_id: termRow.id,
        number: index + 1,
        name: `${bodyRow.name.replace('人民代表大会', '')}第十八届人民代表大会第${numerals[index]}次会议`,
        start_date: date,
        end_date: null,
        created_at: at,
      }),
    );
  }
  await repository.insertMany('congress_sessions', sessions, trx);

  const delegations: Row<'delegations'>[] = [...demoTownships, '县直机关'].map((name) => ({
    id: newId(),
    body_id: county.id,
    term_id: countyTerm.id,
    name: `${name}代表团`,
    created_at: at,
  }));
  await repository.insertMany('delegations', delegations, trx);

  const groups: Row<'deputy_groups'>[] = [];
  const countyGroups = demoTownships.map((name) => ({
    id: newId(),
    body_id: county.id,
    term_id: countyTerm.id,
    name: `县人大代表${name}小组`,
    created_at: at,
  }));
  groups.push(...countyGroups);
  const townshipGroups = townships.map((t, i) =>
    Array.from({ length: 10 }, (_, g) => ({
      id: newId(),
      body_id: t.id,
      term_id: townshipTerms[i]?.id ?? null,
      name: `${demoTownships[i]}第${g + 1}代表小组`,
      created_at: at,
    })),
  );
  groups.push(...townshipGroups.flat());
  await repository.insertMany('deputy_groups', groups, trx);

  const committees = demoCommittees.map((c) => ({
    id: newId(),
    body_id: county.id,
    name: c.name,
    kind: c.kind,
    created_at: at,
  }));
  await repository.insertMany('committees', committees, trx);

  const units = demoUnits.map((u) => ({
    id: newId(),
    body_id: county.id,
    name: u.name,
    kind: u.kind,
    short_name: null,
    contact_person: random.personName(),
    contact_phone: random.phone(),
    active: 1,
    created_at: at,
    updated_at: at,
  }));
  const townshipUnits = townships.slice(0, demoTownshipUnits.length).flatMap((township, t) =>
    (demoTownshipUnits[t] ?? []).map((name) => ({
      id: newId(),
      body_id: township.id,
      name: `${township.region_name ?? ''}${name}`,
      kind: 'government_department',
      short_name: null,
      contact_person: random.personName(),
      contact_phone: random.phone(),
      active: 1,
      created_at: at,
      updated_at: at,
    })),
  );
  await repository.insertMany('units', [...units, ...townshipUnits], trx);
  const departments = demoUnits.flatMap((u, i) =>
    (u.departments ?? []).map((name) => ({
      id: newId(),
      unit_id: units[i]?.id ?? '',
      name,
      created_at: at,
    })),
  );
  await repository.insertMany('unit_departments', departments, trx);

  const deputies: Row<'deputies'>[] = [];
  const seats: Row<'deputy_seats'>[] = [];
  const person = (): Row<'deputies'> => {
    const row = {
      id: newId(),
      user_id: null,
      name: random.personName(),
      gender: random.next() < 0.32 ? 'female' : 'male',
      ethnicity: random.ethnicity(),
      birth_year: random.int(1962, 1996),
      occupation: random.occupation(),
      phone: random.phone(),
      email: null,
      address: null,
      photo_file_id: null,
      created_at: at,
      updated_at: at,
    };
    deputies.push(row);
    return row;
  };
  const seat = (
    deputyId: string,
    bodyRow: BodyRow,
    termId: string,
    delegationId: string | null,
    groupId: string | null,
    district: string,
  ) =>
    seats.push({
      id: newId(),
      deputy_id: deputyId,
      body_id: bodyRow.id,
      term_id: termId,
      level: bodyRow.level,
      delegation_id: delegationId,
      group_id: groupId,
      electoral_district: district,
      status: 'active',
      terminated_on: null,
      created_at: at,
      updated_at: at,
    });

  const countyDeputies: Row<'deputies'>[] = [];
  for (let i = 0; i < countyDeputyCount; i += 1) {
    const townshipIndex = i % (demoTownships.length + 1);
    const delegation = delegations[townshipIndex];
    const group = countyGroups[townshipIndex] ?? null;
    const deputy = person();
    countyDeputies.push(deputy);
    seat(
      deputy.id,
      county,
      countyTerm.id,
      delegation?.id ?? null,
      group?.id ?? null,
      `第${(i % 60) + 1}选区`,
    );
  }
  townships.forEach((township, t) => {
    const termId = townshipTerms[t]?.id ?? '';
    const townshipGroupList = townshipGroups[t] ?? [];
    for (let i = 0; i < townshipSeatsPerTownship; i += 1) {
      // The first few seats go to county deputies of this township's delegation: two levels, one person.
      const dual =
        i < dualSeatsPerTownship
          ? countyDeputies.filter((_, index) => index % (demoTownships.length + 1) === t)[i]
          : undefined;
      const deputy = dual ?? person();
      seat(
        deputy.id,
        township,
        termId,
        null,
        townshipGroupList[i % townshipGroupList.length]?.id ?? null,
        `${demoTownships[t]}第${(i % 20) + 1}选区`,
      );
    }
  });
  await repository.insertMany('deputies', deputies, trx);
  await repository.insertMany('deputy_seats', seats, trx);

  const positions: MemberPosition[] = [
    'chair',
    'vice_chair',
    'vice_chair',
    'vice_chair',
    'vice_chair',
    'secretary_general',
    ...Array.from({ length: 19 }, (): MemberPosition => 'member'),
  ];
  await repository.insertMany(
    'standing_committee_members',
    positions.map((position, i) => ({
      id: newId(),
      body_id: county.id,
      term_id: countyTerm.id,
      deputy_id: countyDeputies[i * 7]?.id ?? '',
      position,
      created_at: at,
    })),
    trx,
  );

  return {
    county,
    townships,
    countyTermId: countyTerm.id,
    sessions,
    delegations,
    groups,
    committees,
    units,
    townshipUnits,
    deputies,
    seats,
    countyDeputies,
  };
}

export async function createAccounts(
  services: Services,
  trx: Executor,
  repository: DemoRepository,
  context: {
    county: BodyRow;
    townships: BodyRow[];
    units: { id: string; name: string }[];
    committees: { id: string; name: string }[];
    countyDeputies: Row<'deputies'>[];
    deputies: Row<'deputies'>[];
  },
): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const spec of demoAccountSpecs) {
    const bodyId =
      'township' in spec
        ? (context.townships.find((t) => t.region_name === spec.township)?.id ?? context.county.id)
        : context.county.id;
    const unitId = 'unit' in spec ? (context.units.find((u) => u.name === spec.unit)?.id ?? null) : null;
    const committeeId =
      'committee' in spec ? (context.committees.find((c) => c.name === spec.committee)?.id ?? null) : null;
    await services.users.create(
      null,
      {
        username: spec.username,
        displayName: spec.displayName,
        password: demoPassword,
        roles: [{ role: spec.role as Role, bodyId, unitId, committeeId }],
        mustChangePassword: false,
      },
      trx,
    );
    accounts.push({ username: spec.username, password: demoPassword, description: spec.description });
  }
  // Two deputies get accounts: one sitting at county and township level, one township-only.
  const countyDeputy = context.countyDeputies[0];
  const townshipOnly = context.deputies.find((d) => !context.countyDeputies.includes(d));
  const firstTownship = context.townships[0];
  if (!firstTownship) return accounts;
  // Both sit in the first township (青禾镇): the county deputy through a dual seat.
  for (const [username, deputy, description, bodyIds] of [
    ['deputy', countyDeputy, '县人大代表（兼乡镇人大代表）', [context.county.id, firstTownship.id]],
    ['deputy2', townshipOnly, '乡镇人大代表', [firstTownship.id]],
  ] as const) {
    if (!deputy) continue;
    const user = await services.users.create(
      null,
      {
        username,
        displayName: deputy.name,
        password: demoPassword,
        roles: bodyIds.map((bodyId) => ({ role: 'deputy' as const, bodyId })),
        mustChangePassword: false,
      },
      trx,
    );
    await repository.linkDeputyAccount(deputy.id, user.id, trx);
    accounts.push({ username, password: demoPassword, description: `${description} ${deputy.name}` });
  }
  return accounts;
}
