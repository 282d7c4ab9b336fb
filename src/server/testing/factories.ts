import crypto from 'node:crypto';
import type { Services } from '../services.js';
import { newId } from '../platform/ids.js';
import type { BodyRow, UnitRow } from '../db/schema.js';
import type { BodyLevel } from '../../shared/schemas/common.js';
import type { RoleGrantInput } from '../../shared/schemas/roles.js';

/** The password every factory user gets (meets the default policy). */
export const testPassword = 'Test-Pass-2025';

const suffix = () => crypto.randomBytes(3).toString('hex');

/**
 * Factories build what a test needs, with random names and any missing parents, straight through
 * repositories (no audit noise), so tests never depend on fixtures or on each other.
 */
export function factories(services: Services) {
  const at = () => services.clock.now().toISOString();

  async function body(
    options: { level?: BodyLevel; parent?: BodyRow; name?: string } = {},
  ): Promise<BodyRow> {
    const id = newId();
    const row: BodyRow = {
      id,
      name: options.name ?? `测试人大${suffix()}`,
      level: options.level ?? (options.parent ? 'township' : 'county'),
      parent_id: options.parent?.id ?? null,
      path: `${options.parent?.path ?? '/'}${id}/`,
      region_code: null,
      region_name: null,
      created_at: at(),
      updated_at: at(),
    };
    await services.repositories.bodies.insert(row);
    return row;
  }

  async function unit(options: { body?: BodyRow; name?: string; kind?: string } = {}): Promise<UnitRow> {
    const owner = options.body ?? (await body());
    const row: UnitRow = {
      id: newId(),
      body_id: owner.id,
      name: options.name ?? `测试局${suffix()}`,
      kind: options.kind ?? 'government_department',
      short_name: null,
      contact_person: null,
      contact_phone: null,
      active: 1,
      created_at: at(),
      updated_at: at(),
    };
    await services.handle.db.insertInto('units').values(row).execute();
    return row;
  }

  // Terms are unique per body and number: give each a fresh number unless the test picks one.
  let termNumber = 20;
  async function term(options: { body?: BodyRow; number?: number; startDate?: string } = {}) {
    const owner = options.body ?? (await body());
    termNumber += 1;
    const row = {
      id: newId(),
      body_id: owner.id,
      number: options.number ?? termNumber,
      start_date: options.startDate ?? '2021-12-20',
      end_date: null,
      created_at: at(),
    };
    await services.handle.db.insertInto('terms').values(row).execute();
    return row;
  }

  async function delegation(options: { term?: Awaited<ReturnType<typeof term>>; name?: string } = {}) {
    const owner = options.term ?? (await term());
    const row = {
      id: newId(),
      body_id: owner.body_id,
      term_id: owner.id,
      name: options.name ?? `代表团${suffix()}`,
      created_at: at(),
    };
    await services.handle.db.insertInto('delegations').values(row).execute();
    return row;
  }

  async function committee(options: { body?: BodyRow; name?: string; kind?: string } = {}) {
    const owner = options.body ?? (await body());
    const row = {
      id: newId(),
      body_id: owner.id,
      name: options.name ?? `委员会${suffix()}`,
      kind: options.kind ?? 'special',
      created_at: at(),
    };
    await services.handle.db.insertInto('committees').values(row).execute();
    return row;
  }

  async function deputyGroup(options: { body?: BodyRow; termId?: string | null; name?: string } = {}) {
    const owner = options.body ?? (await body());
    const row = {
      id: newId(),
      body_id: owner.id,
      term_id: options.termId ?? null,
      name: options.name ?? `代表小组${suffix()}`,
      created_at: at(),
    };
    await services.handle.db.insertInto('deputy_groups').values(row).execute();
    return row;
  }

  /** A deputy with one active seat in the term's body (a new body and term unless given). */
  async function deputy(
    options: {
      term?: Awaited<ReturnType<typeof term>>;
      name?: string;
      delegationId?: string | null;
      groupId?: string | null;
      userId?: string | null;
      phone?: string | null;
    } = {},
  ) {
    const seatTerm = options.term ?? (await term());
    const seatBody = await services.repositories.bodies.findById(seatTerm.body_id);
    const person = {
      id: newId(),
      user_id: options.userId ?? null,
      name: options.name ?? `代表${suffix()}`,
      gender: 'female',
      ethnicity: '汉族',
      birth_year: 1975,
      occupation: '教师',
      phone: options.phone === undefined ? '13800000000' : options.phone,
      email: 'deputy@example.com',
      address: '人民路 1 号',
      photo_file_id: null,
      created_at: at(),
      updated_at: at(),
    };
    const seat = {
      id: newId(),
      deputy_id: person.id,
      body_id: seatTerm.body_id,
      term_id: seatTerm.id,
      level: seatBody?.level ?? 'county',
      delegation_id: options.delegationId ?? null,
      group_id: options.groupId ?? null,
      electoral_district: '第一选区',
      status: 'active',
      terminated_on: null,
      created_at: at(),
      updated_at: at(),
    };
    await services.handle.db.insertInto('deputies').values(person).execute();
    await services.handle.db.insertInto('deputy_seats').values(seat).execute();
    return { deputy: person, seat };
  }

  async function user(options: {
    roles: RoleGrantInput[];
    username?: string;
    mustChangePassword?: boolean;
    password?: string;
  }) {
    return services.users.create(null, {
      username: options.username ?? `u_${suffix()}`,
      displayName: `测试用户${suffix()}`,
      password: options.password ?? testPassword,
      roles: options.roles,
      mustChangePassword: options.mustChangePassword ?? false,
    });
  }

  /** A body with an administrator account. */
  async function adminOf(target?: BodyRow) {
    const owner = target ?? (await body());
    const account = await user({ roles: [{ role: 'admin', bodyId: owner.id }] });
    return { body: owner, user: account };
  }

  return { body, unit, user, adminOf, term, delegation, committee, deputyGroup, deputy };
}
