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

  return { body, unit, user, adminOf };
}
