import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { UserRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AuthService } from '../auth/auth.service.js';
import type { AuthRepository } from '../auth/auth.repository.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { notFound } from '../platform/errors.js';
import type { Actor } from '../auth/actor.js';
import { isDeploymentAdmin, requireAnyRole, requireCoversBody, scopePaths } from '../auth/actor.js';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import type { BodiesRepository } from '../organisations/bodies.repository.js';
import type { UnitsRepository } from '../units/units.repository.js';
import type { RoleGrantInput, Role } from '../../shared/schemas/roles.js';
import { unitRoles } from '../../shared/schemas/roles.js';
import type { User, UserCreate, UserUpdate } from '../../shared/schemas/users.js';
import type { RoleGrantRow, UserListFilter, UsersRepository } from './users.repository.js';
import { userErrors, userNoun } from './users.errors.js';

function toUser(row: UserRow, grants: RoleGrantRow[]): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    status: row.status as User['status'],
    phone: row.phone,
    email: row.email,
    mustChangePassword: row.must_change_password === 1,
    totpEnabled: row.totp_enabled === 1,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
    roles: grants
      .filter((g) => g.user_id === row.id)
      .map((g) => ({
        id: g.id,
        role: g.role as Role,
        bodyId: g.body_id,
        bodyName: g.body_name,
        unitId: g.unit_id,
        unitName: g.unit_name,
        committeeId: g.committee_id,
      })),
    createdAt: row.created_at,
  };
}

/** Accounts and their roles. Administrators manage the users of the bodies they administer. */
export class UsersService {
  constructor(
    private readonly db: Db,
    private readonly users: UsersRepository,
    private readonly bodies: BodiesRepository,
    private readonly units: UnitsRepository,
    private readonly authRepository: AuthRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private adminScope(actor: Actor): string[] | null {
    requireAnyRole(actor, ['admin']);
    return isDeploymentAdmin(actor) ? null : scopePaths(actor, ['admin']);
  }

  async list(actor: Actor, filter: Omit<UserListFilter, 'bodyPathPrefixes'>, page: number, pageSize: number) {
    const result = await this.users.list(
      { ...filter, bodyPathPrefixes: this.adminScope(actor) },
      page,
      pageSize,
    );
    const grants = await this.users.rolesOf(result.items.map((u) => u.id));
    return { items: result.items.map((u) => toUser(u, grants)), total: result.total, page, pageSize };
  }

  /** A user the actor administers (some role of theirs lies in the actor's subtree), else 404. */
  private async visibleUser(actor: Actor, id: string): Promise<{ row: UserRow; grants: RoleGrantRow[] }> {
    const scope = this.adminScope(actor);
    const row = await this.users.findById(id);
    if (!row) throw notFound(userNoun, id);
    const grants = await this.users.rolesOf([id]);
    if (scope && !grants.some((g) => scope.some((p) => g.body_path.startsWith(p))))
      throw notFound(userNoun, id);
    return { row, grants };
  }

  async get(actor: Actor, id: string): Promise<User> {
    const { row, grants } = await this.visibleUser(actor, id);
    return toUser(row, grants);
  }

  /** Checks every grant: the body exists and the actor administers it; unit roles name a unit of that body. */
  private async checkGrants(actor: Actor | null, grants: RoleGrantInput[], executor: Executor) {
    const bodies = await this.bodies.findByIds([...new Set(grants.map((g) => g.bodyId))], executor);
    const units = await this.units.findByIds(
      grants.map((g) => g.unitId).filter((u): u is string => !!u),
      executor,
    );
    return grants.map((grant, index) => {
      const body = bodies.find((b) => b.id === grant.bodyId);
      if (!body) throw notFound({ zh: '人大机关', en: 'Congress body' }, grant.bodyId);
      if (actor) requireCoversBody(actor, ['admin'], body.path);
      const isUnitRole = unitRoles.includes(grant.role);
      if (isUnitRole && !grant.unitId) throw userErrors.unitRequired(index);
      if (grant.unitId) {
        const unit = units.find((u) => u.id === grant.unitId);
        if (!unit) throw notFound({ zh: '承办单位', en: 'Unit' }, grant.unitId);
        if (unit.body_id !== body.id) throw userErrors.unitOutsideBody(index);
      }
      return {
        id: newId(),
        role: grant.role,
        bodyId: grant.bodyId,
        unitId: isUnitRole ? (grant.unitId ?? null) : null,
        committeeId: grant.committeeId ?? null,
        createdAt: this.clock.now().toISOString(),
      };
    });
  }

  /**
   * Creates an account; `actor` null is the system (first start, demo data, CLI). Returns the
   * generated password when none was given.
   */
  async create(
    actor: Actor | null,
    input: UserCreate,
    executor?: Executor,
  ): Promise<User & { initialPassword: string | null }> {
    if (actor) this.adminScope(actor);
    const initialPassword = input.password ? null : generatePassword();
    const password = input.password ?? initialPassword ?? generatePassword();
    if (input.password) await this.auth.assertPasswordAcceptable(password, 'password');
    const passwordHash = await hashPassword(password);
    const run = async (trx: Executor) => {
      if (await this.users.findByUsername(input.username, trx))
        throw userErrors.usernameTaken(input.username);
      const grants = await this.checkGrants(actor, input.roles, trx);
      const at = this.clock.now().toISOString();
      const row: UserRow = {
        id: newId(),
        username: input.username,
        display_name: input.displayName,
        password_hash: passwordHash,
        must_change_password: input.mustChangePassword ? 1 : 0,
        failed_attempts: 0,
        locked_until: null,
        totp_secret: null,
        totp_enabled: 0,
        status: 'active',
        phone: input.phone ?? null,
        email: input.email ?? null,
        locale: null,
        last_login_at: null,
        created_at: at,
        updated_at: at,
      };
      await this.users.insert(row, trx);
      await this.users.replaceRoles(row.id, grants, trx);
      const { password_hash: _omit, ...safe } = row;
      await this.audit.record(trx, {
        actor,
        action: 'user.create',
        targetType: 'user',
        targetId: row.id,
        bodyId: grants[0]?.bodyId ?? null,
        after: { ...safe, roles: grants },
      });
      return row.id;
    };
    const id = executor ? await run(executor) : await this.db.transaction().execute(run);
    const row = await this.users.findById(id, executor);
    if (!row) throw notFound(userNoun, id);
    return { ...toUser(row, await this.users.rolesOf([id], executor)), initialPassword };
  }

  async update(actor: Actor, id: string, input: UserUpdate): Promise<User> {
    const { row, grants: beforeGrants } = await this.visibleUser(actor, id);
    if (input.status === 'disabled' && id === actor.userId) throw userErrors.cannotDisableSelf();
    await this.db.transaction().execute(async (trx) => {
      const changes = {
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        updated_at: this.clock.now().toISOString(),
      };
      await this.users.update(id, changes, trx);
      let newGrants = undefined;
      if (input.roles) {
        // Roles the actor cannot administer must not be silently dropped: check the old ones too.
        for (const grant of beforeGrants) requireCoversBody(actor, ['admin'], grant.body_path);
        newGrants = await this.checkGrants(actor, input.roles, trx);
        await this.users.replaceRoles(id, newGrants, trx);
      }
      if (input.status === 'disabled') await this.authRepository.deleteSessionsOfUser(id, null, trx);
      await this.audit.record(trx, {
        actor,
        action: 'user.update',
        targetType: 'user',
        targetId: id,
        bodyId: beforeGrants[0]?.body_id ?? null,
        before: {
          displayName: row.display_name,
          phone: row.phone,
          email: row.email,
          status: row.status,
          roles: beforeGrants,
        },
        after: { ...changes, ...(newGrants ? { roles: newGrants } : {}) },
      });
    });
    return this.get(actor, id);
  }

  /** Sets a temporary password that must be changed at next sign-in; unlocks the account. */
  async resetPassword(actor: Actor | null, id: string): Promise<{ temporaryPassword: string }> {
    if (actor) await this.visibleUser(actor, id);
    else if (!(await this.users.findById(id))) throw notFound(userNoun, id);
    const temporaryPassword = generatePassword();
    const passwordHash = await hashPassword(temporaryPassword);
    await this.db.transaction().execute(async (trx) => {
      await this.users.update(
        id,
        {
          password_hash: passwordHash,
          must_change_password: 1,
          failed_attempts: 0,
          locked_until: null,
          updated_at: this.clock.now().toISOString(),
        },
        trx,
      );
      await this.authRepository.deleteSessionsOfUser(id, null, trx);
      await this.audit.record(trx, {
        actor,
        action: 'user.reset_password',
        targetType: 'user',
        targetId: id,
      });
    });
    return { temporaryPassword };
  }

  async unlock(actor: Actor, id: string): Promise<User> {
    await this.visibleUser(actor, id);
    await this.db.transaction().execute(async (trx) => {
      await this.users.update(
        id,
        { failed_attempts: 0, locked_until: null, updated_at: this.clock.now().toISOString() },
        trx,
      );
      await this.audit.record(trx, { actor, action: 'user.unlock', targetType: 'user', targetId: id });
    });
    return this.get(actor, id);
  }

  async findByUsername(username: string, executor?: Executor): Promise<UserRow | undefined> {
    return this.users.findByUsername(username, executor);
  }

  async count(): Promise<number> {
    return this.users.countUsers();
  }
}
