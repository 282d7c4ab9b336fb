import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { DialectHelpers } from '../db/dialect/dialect.js';
import type { NewUser, UserRow, UserUpdate } from '../db/schema.js';
import type { Role } from '../../shared/schemas/roles.js';

export interface RoleGrantRow {
  id: string;
  user_id: string;
  role: string;
  body_id: string;
  body_name: string;
  body_path: string;
  unit_id: string | null;
  unit_name: string | null;
  committee_id: string | null;
}

export interface UserListFilter {
  q?: string;
  role?: Role;
  unitId?: string;
  bodyId?: string;
  status?: string;
  /** Only users holding a role in one of these subtrees (null: no restriction). */
  bodyPathPrefixes: string[] | null;
}

export class UsersRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: DialectHelpers,
  ) {}

  async findById(id: string, executor: Executor = this.db): Promise<UserRow | undefined> {
    return executor.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A user with the deputy record linked to the account (one read per authenticated request). */
  async findWithDeputy(id: string): Promise<{ user: UserRow; deputyId: string | null } | undefined> {
    const row = await this.db
      .selectFrom('users')
      .leftJoin('deputies', 'deputies.user_id', 'users.id')
      .selectAll('users')
      .select('deputies.id as linked_deputy_id')
      .where('users.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const { linked_deputy_id, ...user } = row;
    return { user, deputyId: linked_deputy_id };
  }

  async findByUsername(username: string, executor: Executor = this.db): Promise<UserRow | undefined> {
    return executor.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  async insert(user: NewUser, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('users').values(user).execute();
  }

  async update(id: string, changes: UserUpdate, executor: Executor = this.db): Promise<void> {
    await executor.updateTable('users').set(changes).where('id', '=', id).execute();
  }

  /** Counts a failed login and returns the new count (atomic, so parallel guesses all count). */
  async incrementFailures(id: string, executor: Executor = this.db): Promise<number> {
    const row = await executor
      .updateTable('users')
      .set({ failed_attempts: sql`failed_attempts + 1` })
      .where('id', '=', id)
      .returning('failed_attempts')
      .executeTakeFirstOrThrow();
    return row.failed_attempts;
  }

  async rolesOf(userIds: string[], executor: Executor = this.db): Promise<RoleGrantRow[]> {
    if (userIds.length === 0) return [];
    return executor
      .selectFrom('user_roles as r')
      .innerJoin('bodies as b', 'b.id', 'r.body_id')
      .leftJoin('units as u', 'u.id', 'r.unit_id')
      .select([
        'r.id',
        'r.user_id',
        'r.role',
        'r.body_id',
        'b.name as body_name',
        'b.path as body_path',
        'r.unit_id',
        'u.name as unit_name',
        'r.committee_id',
      ])
      .where('r.user_id', 'in', userIds)
      .orderBy('r.created_at')
      .execute();
  }

  async replaceRoles(
    userId: string,
    grants: {
      id: string;
      role: string;
      bodyId: string;
      unitId: string | null;
      committeeId: string | null;
      createdAt: string;
    }[],
    executor: Executor,
  ): Promise<void> {
    await executor.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    if (grants.length === 0) return;
    await executor
      .insertInto('user_roles')
      .values(
        grants.map((g) => ({
          id: g.id,
          user_id: userId,
          role: g.role,
          body_id: g.bodyId,
          unit_id: g.unitId,
          committee_id: g.committeeId,
          created_at: g.createdAt,
        })),
      )
      .execute();
  }

  async list(
    filter: UserListFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: UserRow[]; total: number }> {
    let query = this.db.selectFrom('users');
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) =>
        eb.or([
          this.dialect.containsInsensitive(eb.ref('users.username'), q),
          this.dialect.containsInsensitive(eb.ref('users.display_name'), q),
        ]),
      );
    }
    if (filter.status) query = query.where('users.status', '=', filter.status);
    if (filter.role || filter.unitId || filter.bodyId || filter.bodyPathPrefixes) {
      const prefixes = filter.bodyPathPrefixes;
      query = query.where('users.id', 'in', (eb) => {
        let roles = eb
          .selectFrom('user_roles as r')
          .innerJoin('bodies as b', 'b.id', 'r.body_id')
          .select('r.user_id');
        if (filter.role) roles = roles.where('r.role', '=', filter.role);
        if (filter.unitId) roles = roles.where('r.unit_id', '=', filter.unitId);
        if (filter.bodyId) roles = roles.where('r.body_id', '=', filter.bodyId);
        if (prefixes)
          roles = roles.where((w) =>
            w.or(prefixes.length > 0 ? prefixes.map((p) => w('b.path', 'like', `${p}%`)) : [w.lit(false)]),
          );
        return roles;
      });
    }
    const [items, count] = await Promise.all([
      query
        .selectAll('users')
        .orderBy('users.username')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.total) };
  }

  async usernamesTaken(usernames: string[], executor: Executor = this.db): Promise<Set<string>> {
    if (usernames.length === 0) return new Set();
    const rows = await executor
      .selectFrom('users')
      .select('username')
      .where('username', 'in', usernames)
      .execute();
    return new Set(rows.map((r) => r.username));
  }

  async countUsers(executor: Executor = this.db): Promise<number> {
    const row = await executor
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
