import type { Insertable } from 'kysely';
import type { Database } from '../db/schema.js';
import { newId } from '../platform/ids.js';
import type { seededRandom } from './demo.random.js';

type Row<T extends keyof Database> = Insertable<Database[T]>;

/** Someone who acts in the history: an account id (null for a person without one) and a name. */
export interface DemoPerson {
  userId: string | null;
  name: string;
}

/** The three people of a unit's reply sign-off chain: handler → department head → unit leader. */
export interface DemoUnitStaff {
  unitId: string;
  unitName: string;
  bodyId: string;
  handler: DemoPerson & { phone: string };
  head: DemoPerson;
  leader: DemoPerson;
}

export interface DemoStaff {
  users: Row<'users'>[];
  roles: Row<'user_roles'>[];
  /** Deputy id → the deputy's account. */
  deputyUsers: Map<string, string>;
  /** Unit id → its sign-off chain. */
  unitStaff: Map<string, DemoUnitStaff>;
  /** Government leaders in charge (副县长), who sign handling records; by field. */
  governmentLeaders: { field: string; title: string; person: DemoPerson }[];
}

export interface DemoStaffInput {
  countyId: string;
  units: { id: string; name: string; body_id: string }[];
  /** Demo accounts already created, by username (edu_handler, edu_leader, zjj_…, deputy). */
  accounts: Map<string, { id: string; displayName: string }>;
  /** County deputies without an account yet (the demo `deputy` already has one). */
  deputies: { id: string; name: string; user_id: string | null }[];
  /** One hash of a random secret: these accounts exist but nobody knows their password. */
  passwordHash: string;
  random: ReturnType<typeof seededRandom>;
  at: string;
}

const demoUnitAccounts: Record<string, { handler: string; leader: string }> = {
  县教育局: { handler: 'edu_handler', leader: 'edu_leader' },
  县住房和城乡建设局: { handler: 'zjj_handler', leader: 'zjj_leader' },
};

/**
 * Accounts the history needs besides the demo logins: every unit's handler, department head and
 * leader (replies are signed by three people), three government leaders in charge (handling
 * records), and an account for every county deputy (deputies rate and sign records). Their
 * passwords are unknown; an administrator resets one to use it.
 */
export function demoStaffRows(input: DemoStaffInput): DemoStaff {
  const { random, at } = input;
  const users: Row<'users'>[] = [];
  const roles: Row<'user_roles'>[] = [];
  const account = (
    username: string,
    name: string,
    grant: { role: string; bodyId: string; unitId?: string },
  ): DemoPerson => {
    const id = newId();
    users.push({
      id,
      username,
      display_name: name,
      password_hash: input.passwordHash,
      must_change_password: 1,
      failed_attempts: 0,
      locked_until: null,
      totp_secret: null,
      totp_enabled: 0,
      status: 'active',
      phone: null,
      email: null,
      locale: null,
      last_login_at: null,
      created_at: at,
      updated_at: at,
    });
    roles.push({
      id: newId(),
      user_id: id,
      role: grant.role,
      body_id: grant.bodyId,
      unit_id: grant.unitId ?? null,
      committee_id: null,
      created_at: at,
    });
    return { userId: id, name };
  };
  const existing = (username: string): DemoPerson | undefined => {
    const found = input.accounts.get(username);
    return found ? { userId: found.id, name: found.displayName } : undefined;
  };
  const unitStaff = new Map<string, DemoUnitStaff>();
  input.units.forEach((unit, index) => {
    const code = `u${String(index + 1).padStart(2, '0')}`;
    const grant = (role: string) => ({ role, bodyId: unit.body_id, unitId: unit.id });
    const demo = demoUnitAccounts[unit.name];
    const handler =
      (demo && existing(demo.handler)) ??
      account(`${code}.handler`, random.personName(), grant('unit_handler'));
    const leader =
      (demo && existing(demo.leader)) ?? account(`${code}.leader`, random.personName(), grant('unit_leader'));
    const head = account(`${code}.head`, random.personName(), grant('unit_handler'));
    unitStaff.set(unit.id, {
      unitId: unit.id,
      unitName: unit.name,
      bodyId: unit.body_id,
      handler: { ...handler, phone: random.phone() },
      head,
      leader,
    });
  });
  const governmentLeaders = [
    { field: 'urban', title: '副县长（分管城建交通）' },
    { field: 'social', title: '副县长（分管教育卫生社保）' },
    { field: 'rural', title: '副县长（分管农业农村生态）' },
  ].map((g, i) => ({
    ...g,
    person: account(`gov.leader${i + 1}`, random.personName(), { role: 'leader', bodyId: input.countyId }),
  }));
  const deputyUsers = new Map<string, string>();
  input.deputies.forEach((deputy, index) => {
    if (deputy.user_id) {
      deputyUsers.set(deputy.id, deputy.user_id);
      return;
    }
    const person = account(`rd${String(index).padStart(3, '0')}`, deputy.name, {
      role: 'deputy',
      bodyId: input.countyId,
    });
    if (person.userId) deputyUsers.set(deputy.id, person.userId);
  });
  return { users, roles, deputyUsers, unitStaff, governmentLeaders };
}
