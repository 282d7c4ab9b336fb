import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { DialectHelpers } from '../db/dialect/dialect.js';
import type { StationRow, StationsTable } from '../db/schema.js';
import type { StationScope } from './stations.access.js';

/** Roles whose holders can be made station staff. */
export const stationStaffRoles = ['office_staff', 'committee_staff', 'leader', 'collector'] as const;

/** `/a/b/c/` → `/a/`, `/a/b/`, `/a/b/c/`. */
function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

export interface StationViewRow extends StationRow {
  body_name: string;
  body_path: string;
}

export interface StationListFilter {
  scope: StationScope | null;
  bodyId?: string;
  subtreePath?: string;
  kind?: string;
  q?: string;
  onlyStationIds?: string[];
  activeOnly?: boolean;
}

export interface ActiveSeatRow {
  deputy_id: string;
  body_id: string;
  body_path: string;
  body_name: string;
  level: string;
}

/** Stations, the deputies and staff assigned to them, body label settings and public codes. */
export class StationsRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: DialectHelpers,
  ) {}

  private views(executor: Executor) {
    return executor
      .selectFrom('stations as s')
      .innerJoin('bodies as b', 'b.id', 's.body_id')
      .selectAll('s')
      .select(['b.name as body_name', 'b.path as body_path']);
  }

  async findView(id: string, executor: Executor = this.db): Promise<StationViewRow | undefined> {
    return this.views(executor).where('s.id', '=', id).executeTakeFirst();
  }

  async findByCode(code: string, executor: Executor = this.db): Promise<StationViewRow | undefined> {
    return this.views(executor).where('s.public_code', '=', code).executeTakeFirst();
  }

  async findViews(ids: string[], executor: Executor = this.db): Promise<StationViewRow[]> {
    if (ids.length === 0) return [];
    return this.views(executor).where('s.id', 'in', ids).execute();
  }

  async insert(row: Insertable<StationsTable>, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('stations').values(row).execute();
  }

  /** Compare-and-set on the version: false when someone changed the station since it was read. */
  async update(
    id: string,
    version: number,
    changes: Updateable<StationsTable>,
    executor: Executor = this.db,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('stations')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Stations matching the filter, by body then name, with the total. */
  async list(
    filter: StationListFilter,
    page: number,
    pageSize: number,
    executor: Executor = this.db,
  ): Promise<{ items: StationViewRow[]; total: number }> {
    let query = executor.selectFrom('stations as s').innerJoin('bodies as b', 'b.id', 's.body_id');
    const scope = filter.scope;
    if (scope) {
      query = query.where((eb) => {
        const allowed = [
          ...scope.pathPrefixes.map((p) => eb('b.path', 'like', `${p}%`)),
          ...(scope.bodyIds.length > 0 ? [eb('s.body_id', 'in', scope.bodyIds)] : []),
          ...(scope.stationIds.length > 0 ? [eb('s.id', 'in', scope.stationIds)] : []),
        ];
        return allowed.length > 0 ? eb.or(allowed) : eb.lit(false);
      });
    }
    if (filter.subtreePath) query = query.where('b.path', 'like', `${filter.subtreePath}%`);
    else if (filter.bodyId) query = query.where('s.body_id', '=', filter.bodyId);
    if (filter.onlyStationIds) {
      const ids = filter.onlyStationIds;
      query = query.where((eb) => (ids.length > 0 ? eb('s.id', 'in', ids) : eb.lit(false)));
    }
    if (filter.kind) query = query.where('s.kind', '=', filter.kind);
    if (filter.activeOnly) query = query.where('s.active', '=', 1);
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) =>
        eb.or([
          this.dialect.containsInsensitive(eb.ref('s.name'), q),
          this.dialect.containsInsensitive(eb.ref('s.address'), q),
        ]),
      );
    }
    const [items, count] = await Promise.all([
      query
        .selectAll('s')
        .select(['b.name as body_name', 'b.path as body_path'])
        .orderBy('b.path')
        .orderBy('s.name')
        .orderBy('s.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** Every active station of a body (for roster generation). */
  async activeOfBody(bodyId: string, executor: Executor = this.db): Promise<StationRow[]> {
    return executor
      .selectFrom('stations')
      .selectAll()
      .where('body_id', '=', bodyId)
      .where('active', '=', 1)
      .orderBy('name')
      .execute();
  }

  /** Deputies of the stations in rotation order, with their names. */
  async deputiesOf(stationIds: string[], executor: Executor = this.db) {
    if (stationIds.length === 0) return [];
    return executor
      .selectFrom('station_deputies as sd')
      .innerJoin('deputies as d', 'd.id', 'sd.deputy_id')
      .leftJoin('deputy_public_codes as c', 'c.deputy_id', 'sd.deputy_id')
      .select(['sd.station_id', 'sd.deputy_id', 'sd.sort_order', 'd.name', 'c.code'])
      .where('sd.station_id', 'in', stationIds)
      .orderBy('sd.station_id')
      .orderBy('sd.sort_order')
      .execute();
  }

  async deputyCounts(stationIds: string[], executor: Executor = this.db): Promise<Map<string, number>> {
    if (stationIds.length === 0) return new Map();
    const rows = await executor
      .selectFrom('station_deputies')
      .select(['station_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('station_id', 'in', stationIds)
      .groupBy('station_id')
      .execute();
    return new Map(rows.map((r) => [r.station_id, Number(r.n)]));
  }

  async replaceDeputies(
    stationId: string,
    deputyIds: string[],
    at: string,
    executor: Executor = this.db,
  ): Promise<void> {
    await executor.deleteFrom('station_deputies').where('station_id', '=', stationId).execute();
    if (deputyIds.length === 0) return;
    await executor
      .insertInto('station_deputies')
      .values(
        deputyIds.map((deputyId, index) => ({
          station_id: stationId,
          deputy_id: deputyId,
          sort_order: index,
          created_at: at,
        })),
      )
      .execute();
  }

  async staffOf(stationIds: string[], executor: Executor = this.db) {
    if (stationIds.length === 0) return [];
    return executor
      .selectFrom('station_staff as ss')
      .innerJoin('users as u', 'u.id', 'ss.user_id')
      .select(['ss.station_id', 'ss.user_id', 'u.display_name'])
      .where('ss.station_id', 'in', stationIds)
      .orderBy('u.display_name')
      .execute();
  }

  async replaceStaff(stationId: string, userIds: string[], at: string, executor: Executor = this.db) {
    await executor.deleteFrom('station_staff').where('station_id', '=', stationId).execute();
    if (userIds.length === 0) return;
    await executor
      .insertInto('station_staff')
      .values(userIds.map((userId) => ({ station_id: stationId, user_id: userId, created_at: at })))
      .execute();
  }

  /**
   * Accounts that may work at a station of the body at `bodyPath`: active users holding an office,
   * committee, leader or collector role in that body, a body above it or one below it.
   */
  async staffCandidates(
    bodyPath: string,
    q: string | undefined,
    limit: number,
    executor: Executor = this.db,
  ) {
    const ancestors = ancestorPaths(bodyPath);
    let query = executor
      .selectFrom('users as u')
      .select(['u.id', 'u.username', 'u.display_name'])
      .where('u.status', '=', 'active')
      .where('u.id', 'in', (eb) =>
        eb
          .selectFrom('user_roles as r')
          .innerJoin('bodies as b', 'b.id', 'r.body_id')
          .select('r.user_id')
          .where('r.role', 'in', [...stationStaffRoles])
          .where((w) => w.or([w('b.path', 'in', ancestors), w('b.path', 'like', `${bodyPath}%`)])),
      );
    if (q)
      query = query.where((eb) =>
        eb.or([
          this.dialect.containsInsensitive(eb.ref('u.username'), q),
          this.dialect.containsInsensitive(eb.ref('u.display_name'), q),
        ]),
      );
    return query.orderBy('u.display_name').orderBy('u.id').limit(limit).execute();
  }

  async existingUserIds(userIds: string[], executor: Executor = this.db): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await executor.selectFrom('users').select('id').where('id', 'in', userIds).execute();
    return rows.map((r) => r.id);
  }

  /** Stations where the user works as station staff. */
  async stationIdsOfStaff(userId: string, executor: Executor = this.db): Promise<string[]> {
    const rows = await executor
      .selectFrom('station_staff')
      .select('station_id')
      .where('user_id', '=', userId)
      .execute();
    return rows.map((r) => r.station_id);
  }

  /** Stations the deputy is assigned to. */
  async stationIdsOfDeputy(deputyId: string, executor: Executor = this.db): Promise<string[]> {
    const rows = await executor
      .selectFrom('station_deputies')
      .select('station_id')
      .where('deputy_id', '=', deputyId)
      .execute();
    return rows.map((r) => r.station_id);
  }

  /** Active seats of the deputies with their bodies' paths and names, highest level first. */
  async activeSeatsOf(deputyIds: string[], executor: Executor = this.db): Promise<ActiveSeatRow[]> {
    if (deputyIds.length === 0) return [];
    return executor
      .selectFrom('deputy_seats as s')
      .innerJoin('bodies as b', 'b.id', 's.body_id')
      .select(['s.deputy_id', 's.body_id', 's.level', 'b.path as body_path', 'b.name as body_name'])
      .where('s.deputy_id', 'in', deputyIds)
      .where('s.status', '=', 'active')
      .orderBy('b.path')
      .execute();
  }

  async deputyNames(deputyIds: string[], executor: Executor = this.db): Promise<Map<string, string>> {
    if (deputyIds.length === 0) return new Map();
    const rows = await executor
      .selectFrom('deputies')
      .select(['id', 'name'])
      .where('id', 'in', [...new Set(deputyIds)])
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async bodyPath(bodyId: string, executor: Executor = this.db): Promise<string | undefined> {
    const row = await executor
      .selectFrom('bodies')
      .select('path')
      .where('id', '=', bodyId)
      .executeTakeFirst();
    return row?.path;
  }

  async labelScheme(bodyId: string, executor: Executor = this.db): Promise<string | undefined> {
    const row = await executor
      .selectFrom('station_body_settings')
      .select('label_scheme')
      .where('body_id', '=', bodyId)
      .executeTakeFirst();
    return row?.label_scheme;
  }

  async labelSchemes(bodyIds: string[], executor: Executor = this.db): Promise<Map<string, string>> {
    if (bodyIds.length === 0) return new Map();
    const rows = await executor
      .selectFrom('station_body_settings')
      .select(['body_id', 'label_scheme'])
      .where('body_id', 'in', bodyIds)
      .execute();
    return new Map(rows.map((r) => [r.body_id, r.label_scheme]));
  }

  async putLabelScheme(bodyId: string, scheme: string, at: string, executor: Executor = this.db) {
    await executor
      .insertInto('station_body_settings')
      .values({ body_id: bodyId, label_scheme: scheme, updated_at: at })
      .onConflict((oc) => oc.column('body_id').doUpdateSet({ label_scheme: scheme, updated_at: at }))
      .execute();
  }

  /** The fields of a deputy a public page may show (no contacts). */
  async publicDeputy(deputyId: string, executor: Executor = this.db) {
    return executor
      .selectFrom('deputies')
      .select(['id', 'name', 'gender', 'occupation', 'photo_file_id'])
      .where('id', '=', deputyId)
      .executeTakeFirst();
  }

  async deputyCode(deputyId: string, executor: Executor = this.db): Promise<string | undefined> {
    const row = await executor
      .selectFrom('deputy_public_codes')
      .select('code')
      .where('deputy_id', '=', deputyId)
      .executeTakeFirst();
    return row?.code;
  }

  async deputyCodes(deputyIds: string[], executor: Executor = this.db): Promise<Map<string, string>> {
    if (deputyIds.length === 0) return new Map();
    const rows = await executor
      .selectFrom('deputy_public_codes')
      .select(['deputy_id', 'code'])
      .where('deputy_id', 'in', deputyIds)
      .execute();
    return new Map(rows.map((r) => [r.deputy_id, r.code]));
  }

  async deputyIdByCode(code: string, executor: Executor = this.db): Promise<string | undefined> {
    const row = await executor
      .selectFrom('deputy_public_codes')
      .select('deputy_id')
      .where('code', '=', code)
      .executeTakeFirst();
    return row?.deputy_id;
  }

  /** Gives the deputies codes unless they have one; a code never changes once given. */
  async insertDeputyCodes(
    rows: { deputy_id: string; code: string; created_at: string }[],
    executor: Executor = this.db,
  ): Promise<void> {
    if (rows.length === 0) return;
    await executor
      .insertInto('deputy_public_codes')
      .values(rows)
      .onConflict((oc) => oc.column('deputy_id').doNothing())
      .execute();
  }
}
