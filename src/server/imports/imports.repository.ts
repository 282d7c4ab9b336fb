import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { DialectHelpers } from '../db/dialect/dialect.js';

/** Which body (or subtree) and text an export of units or users covers. */
export interface BodyExportFilter {
  bodyId: string;
  /** The body's path when the bodies below it are included. */
  subtreePath?: string;
  q?: string;
  unitKind?: string;
  active?: boolean;
  role?: string;
  userStatus?: string;
}

export interface UnitExportRow {
  id: string;
  name: string;
  short_name: string | null;
  kind: string;
  contact_person: string | null;
  contact_phone: string | null;
}

export interface GrantExportRow {
  user_id: string;
  username: string;
  display_name: string;
  phone: string | null;
  email: string | null;
  role: string;
  unit_name: string | null;
}

/**
 * Whole-body reads for imports (loaded once, then looked up in memory: no query per row) and
 * exports of units and users.
 */
export class ImportsRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: DialectHelpers,
  ) {}

  async termsOf(bodyId: string, executor: Executor = this.db) {
    return executor.selectFrom('terms').select(['id', 'number']).where('body_id', '=', bodyId).execute();
  }

  async delegationsOf(bodyId: string, executor: Executor = this.db) {
    return executor
      .selectFrom('delegations')
      .select(['id', 'term_id', 'name'])
      .where('body_id', '=', bodyId)
      .execute();
  }

  async groupsOf(bodyId: string, executor: Executor = this.db) {
    return executor
      .selectFrom('deputy_groups')
      .select(['id', 'term_id', 'name'])
      .where('body_id', '=', bodyId)
      .execute();
  }

  async unitsOf(bodyId: string, executor: Executor = this.db) {
    return executor.selectFrom('units').select(['id', 'name']).where('body_id', '=', bodyId).execute();
  }

  private bodyIds(filter: BodyExportFilter) {
    return filter.subtreePath
      ? this.db.selectFrom('bodies').select('id').where('path', 'like', `${filter.subtreePath}%`)
      : this.db.selectFrom('bodies').select('id').where('id', '=', filter.bodyId);
  }

  async unitsForExport(filter: BodyExportFilter): Promise<UnitExportRow[]> {
    let query = this.db
      .selectFrom('units')
      .select(['id', 'name', 'short_name', 'kind', 'contact_person', 'contact_phone'])
      .where('body_id', 'in', this.bodyIds(filter));
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) => this.dialect.containsInsensitive(eb.ref('name'), q));
    }
    if (filter.unitKind) query = query.where('kind', '=', filter.unitKind);
    if (filter.active !== undefined) query = query.where('active', '=', filter.active ? 1 : 0);
    return query.orderBy('body_id').orderBy('name').execute();
  }

  async departmentsOf(unitIds: string[]): Promise<{ unit_id: string; name: string }[]> {
    if (unitIds.length === 0) return [];
    const rows: { unit_id: string; name: string }[] = [];
    for (let start = 0; start < unitIds.length; start += 500) {
      const part = unitIds.slice(start, start + 500);
      rows.push(
        ...(await this.db
          .selectFrom('unit_departments')
          .select(['unit_id', 'name'])
          .where('unit_id', 'in', part)
          .orderBy('created_at')
          .orderBy('id')
          .execute()),
      );
    }
    return rows;
  }

  /** Role grants held in the body (or subtree), with their users: one row per grant. */
  async grantsForExport(filter: BodyExportFilter): Promise<GrantExportRow[]> {
    let query = this.db
      .selectFrom('user_roles as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .leftJoin('units as un', 'un.id', 'r.unit_id')
      .select([
        'u.id as user_id',
        'u.username',
        'u.display_name',
        'u.phone',
        'u.email',
        'r.role',
        'un.name as unit_name',
      ])
      .where('r.body_id', 'in', this.bodyIds(filter));
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) =>
        eb.or([
          this.dialect.containsInsensitive(eb.ref('u.username'), q),
          this.dialect.containsInsensitive(eb.ref('u.display_name'), q),
        ]),
      );
    }
    if (filter.role) query = query.where('r.role', '=', filter.role);
    if (filter.userStatus) query = query.where('u.status', '=', filter.userStatus);
    return query.orderBy('u.username').orderBy('r.created_at').execute();
  }
}
