import crypto from 'node:crypto';
import type { Services } from '../services.js';
import type { Executor } from '../db/executor.js';
import { shanghaiDate } from '../platform/clock.js';
import { hashPassword } from '../auth/passwords.js';
import { DemoRepository } from './demo.repository.js';
import { demoTownships } from './demo.data.js';
import { seededRandom } from './demo.random.js';
import { seedDemoBallots } from './demo.ballots.js';
import { planDemoStations, seedDemoStations } from './demo.stations.js';
import type { DemoAccount, DemoOrganisation } from './demo.organisation.js';
import {
  countyDeputyCount,
  createAccounts,
  seedOrganisation,
  townshipSeatsPerTownship,
} from './demo.organisation.js';
import { demoStaffRows } from './demo.staff.js';
import type { DemoStaff } from './demo.staff.js';
import { DemoDays, emptyRows, insertDemoRows } from './demo.rows.js';
import { playDemoHistory } from './demo.year.js';

export type { DemoAccount } from './demo.organisation.js';

export interface DemoSeedResult {
  accounts: DemoAccount[];
  counts: {
    bodies: number;
    countyDeputies: number;
    townshipDeputies: number;
    units: number;
    delegations: number;
    groups: number;
    suggestions: number;
  };
}

/**
 * Builds the demo county 青禾县 with 15 townships (organisation, units, deputies, one account per
 * role, stations, ballots) and five sessions of suggestions with their whole handling history up
 * to today, plus recess suggestions dated from the clock. Runs in one transaction: a failure
 * leaves the database empty.
 */
export async function seedDemo(services: Services): Promise<DemoSeedResult> {
  const repository = new DemoRepository(services.handle.db);
  // Reads before the transaction (SQLite has one connection): password policy, calendar, stations.
  await services.settings.security();
  const days = new DemoDays(await services.calendar.snapshot());
  const stationPlan = await planDemoStations(services);
  // Staff accounts of the history: their password is a random secret nobody knows.
  const staffHash = await hashPassword(crypto.randomBytes(18).toString('base64url'));
  const random = seededRandom(20250320);
  const now = services.clock.now();
  const at = now.toISOString();
  return services.handle.db.transaction().execute(async (trx) => {
    const org = await seedOrganisation(trx, repository, random, at);
    const { county, townships, units, countyDeputies, deputies } = org;
    const accounts = await createAccounts(services, trx, repository, {
      county,
      townships,
      units,
      committees: org.committees,
      countyDeputies,
      deputies,
    });
    const user = async (username: string) => {
      const row = await services.users.findByUsername(username, trx);
      return row ? { id: row.id, displayName: row.display_name } : undefined;
    };
    const known = new Map<string, { id: string; displayName: string }>();
    for (const name of [
      'office',
      'leader',
      'supervision',
      'collector',
      'deputy',
      'edu_handler',
      'edu_leader',
      'zjj_handler',
      'zjj_leader',
    ]) {
      const found = await user(name);
      if (found) known.set(name, found);
    }
    const demoDeputy = countyDeputies[0];
    const staff = demoStaffRows({
      countyId: county.id,
      units: [...units, ...org.townshipUnits],
      accounts: known,
      deputies: countyDeputies.map((d) => ({
        id: d.id ?? '',
        name: d.name,
        user_id: d === demoDeputy ? (known.get('deputy')?.id ?? null) : null,
      })),
      passwordHash: staffHash,
      random,
      at,
    });
    await repository.insertMany('users', staff.users, trx);
    await repository.insertMany('user_roles', staff.roles, trx);
    await linkDeputies(trx, staff, demoDeputy?.id);

    if (demoDeputy)
      await seedDemoStations(trx, repository, stationPlan, {
        county,
        townships,
        seats: org.seats,
        countyDeputyIds: countyDeputies.map((d) => d.id ?? ''),
        demoDeputyId: demoDeputy.id ?? '',
        clerkUserId: known.get('collector')?.id ?? null,
        unitIds: new Map(units.map((u) => [u.name, u.id])),
        at,
      });

    const rows = emptyRows();
    const countySessions = org.sessions.filter((s) => s.body_id === county.id);
    await playDemoHistory({
      rows,
      days,
      random,
      org,
      staff,
      known,
      today: shanghaiDate(now),
      nowIso: at,
    });
    await insertDemoRows(repository, trx, rows);

    const lastSession = countySessions.at(-1);
    if (lastSession && demoDeputy)
      await seedDemoBallots(repository, trx, {
        countyId: county.id,
        termId: org.countyTermId,
        sessionId: lastSession.id ?? '',
        units,
        countyDeputyIds: countyDeputies.map((d) => d.id ?? ''),
        demoDeputyId: demoDeputy.id ?? '',
        at,
      });
    await services.audit.record(trx, {
      actor: null,
      action: 'demo.seed',
      targetType: 'body',
      targetId: county.id,
      bodyId: county.id,
      after: {
        townships: townships.length,
        deputies: deputies.length,
        seats: org.seats.length,
        units: units.length + org.townshipUnits.length,
        suggestions: rows.suggestions.length,
      },
    });
    return result(org, accounts, rows.suggestions.length);
  });
}

function result(org: DemoOrganisation, accounts: DemoAccount[], suggestions: number): DemoSeedResult {
  return {
    accounts,
    counts: {
      bodies: 1 + org.townships.length,
      countyDeputies: countyDeputyCount,
      townshipDeputies: demoTownships.length * townshipSeatsPerTownship,
      units: org.units.length + org.townshipUnits.length,
      delegations: org.delegations.length,
      groups: org.groups.length,
      suggestions,
    },
  };
}

/** Links the county deputies to their new accounts (the demo `deputy` is linked already). */
async function linkDeputies(trx: Executor, staff: DemoStaff, skipId: string | undefined) {
  const repository = new DemoRepository(trx as never);
  for (const [deputyId, userId] of staff.deputyUsers)
    if (deputyId !== skipId) await repository.linkDeputyAccount(deputyId, userId, trx);
}

/** Seeds the demo county only into an empty database; returns null when data is already there. */
export async function seedDemoIfEmpty(services: Services): Promise<DemoSeedResult | null> {
  if (!(await new DemoRepository(services.handle.db).isEmpty())) return null;
  return seedDemo(services);
}
