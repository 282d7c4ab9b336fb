import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { DialectHelpers } from '../db/dialect/dialect.js';
import type { DeputiesTable, DeputyRow } from '../db/schema.js';
import { inBatches } from './batches.js';

/** Which seats a reader sees: seats in these subtrees (staff) or in exactly these bodies (deputies). */
export interface DeputyScope {
  /** Null: no restriction (the system, or a caller that has checked the body itself). */
  pathPrefixes: string[] | null;
  bodyIds: string[];
}

/** Seat-level filters: a deputy matches when one seat meets all of them and lies in the scope. */
export interface SeatFilter {
  scope: DeputyScope;
  bodyId?: string;
  /** With `bodyId`: the body's path, to include the bodies below it. */
  subtreePath?: string;
  level?: string;
  termId?: string;
  delegationId?: string;
  groupId?: string;
  status?: string;
  /** Part of the deputy's name. */
  q?: string;
}

/** One seat with its deputy and the names the spreadsheet shows, for exports. */
export interface ExportSeatRow extends DeputyRow {
  seat_id: string;
  body_path: string;
  term_number: number;
  delegation_name: string | null;
  group_name: string | null;
  electoral_district: string | null;
  username: string | null;
}

export class DeputiesRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: DialectHelpers,
  ) {}

  async findById(id: string, executor: Executor = this.db): Promise<DeputyRow | undefined> {
    return executor.selectFrom('deputies').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByUserId(userId: string, executor: Executor = this.db): Promise<DeputyRow | undefined> {
    return executor.selectFrom('deputies').selectAll().where('user_id', '=', userId).executeTakeFirst();
  }

  async insert(row: Insertable<DeputiesTable>, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('deputies').values(row).execute();
  }

  /** Bulk insert for imports: multi-row statements sized to the bound-parameter limit. */
  async insertMany(rows: Insertable<DeputiesTable>[], executor: Executor = this.db): Promise<void> {
    await inBatches(rows, async (part) => {
      await executor.insertInto('deputies').values(part).execute();
    });
  }

  async update(id: string, changes: Updateable<DeputiesTable>, executor: Executor = this.db): Promise<void> {
    await executor.updateTable('deputies').set(changes).where('id', '=', id).execute();
  }

  /**
   * Seats matching the filter. Index use: the scope and body filters become `body_id IN (…)`
   * (index deputy_seats_body), delegation and group use their own indexes.
   */
  private filteredSeats(filter: SeatFilter, executor: Executor) {
    let query = executor.selectFrom('deputy_seats as s');
    const bodiesUnder = (prefixes: string[]) =>
      executor
        .selectFrom('bodies')
        .select('bodies.id')
        .where((eb) => eb.or(prefixes.map((p) => eb('bodies.path', 'like', `${p}%`))));
    const { pathPrefixes, bodyIds } = filter.scope;
    if (pathPrefixes !== null) {
      query = query.where((eb) => {
        const allowed = [
          ...(pathPrefixes.length > 0 ? [eb('s.body_id', 'in', bodiesUnder(pathPrefixes))] : []),
          ...(bodyIds.length > 0 ? [eb('s.body_id', 'in', bodyIds)] : []),
        ];
        // No scope means no seats (an empty OR is not valid SQL); no `OR false` otherwise, which
        // would keep SQLite from using the body index.
        return allowed.length > 0 ? eb.or(allowed) : eb.lit(false);
      });
    }
    if (filter.subtreePath) query = query.where('s.body_id', 'in', bodiesUnder([filter.subtreePath]));
    else if (filter.bodyId) query = query.where('s.body_id', '=', filter.bodyId);
    if (filter.level) query = query.where('s.level', '=', filter.level);
    if (filter.termId) query = query.where('s.term_id', '=', filter.termId);
    if (filter.delegationId) query = query.where('s.delegation_id', '=', filter.delegationId);
    if (filter.groupId) query = query.where('s.group_id', '=', filter.groupId);
    if (filter.status) query = query.where('s.status', '=', filter.status);
    return query;
  }

  /** Deputies with a matching seat, by name (index deputies_name), with the total. */
  async list(
    filter: SeatFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: DeputyRow[]; total: number }> {
    let query = this.db
      .selectFrom('deputies as d')
      .where('d.id', 'in', this.filteredSeats(filter, this.db).select('s.deputy_id'));
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) => this.dialect.containsInsensitive(eb.ref('d.name'), q));
    }
    const [items, count] = await Promise.all([
      query
        .selectAll('d')
        .orderBy('d.name')
        .orderBy('d.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.total) };
  }

  /** One page of matching seats after `afterSeatId`, in seat order (keyset paging for streams). */
  async exportBatch(filter: SeatFilter, afterSeatId: string | null, limit: number): Promise<ExportSeatRow[]> {
    let query = this.filteredSeats(filter, this.db)
      .innerJoin('deputies as d', 'd.id', 's.deputy_id')
      .innerJoin('bodies as b', 'b.id', 's.body_id')
      .innerJoin('terms as t', 't.id', 's.term_id')
      .leftJoin('delegations as dl', 'dl.id', 's.delegation_id')
      .leftJoin('deputy_groups as g', 'g.id', 's.group_id')
      .leftJoin('users as u', 'u.id', 'd.user_id')
      .selectAll('d')
      .select([
        's.id as seat_id',
        'b.path as body_path',
        't.number as term_number',
        'dl.name as delegation_name',
        'g.name as group_name',
        's.electoral_district',
        'u.username',
      ]);
    if (afterSeatId) query = query.where('s.id', '>', afterSeatId);
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) => this.dialect.containsInsensitive(eb.ref('d.name'), q));
    }
    return query.orderBy('s.id').limit(limit).execute();
  }

  /** Name, gender and birth year of the deputies seated in a body, per term: duplicate checks. */
  async identitiesInBody(
    bodyId: string,
    executor: Executor = this.db,
  ): Promise<{ term_id: string; name: string; gender: string; birth_year: number | null }[]> {
    return executor
      .selectFrom('deputy_seats as s')
      .innerJoin('deputies as d', 'd.id', 's.deputy_id')
      .select(['s.term_id', 'd.name', 'd.gender', 'd.birth_year'])
      .where('s.body_id', '=', bodyId)
      .execute();
  }
}
