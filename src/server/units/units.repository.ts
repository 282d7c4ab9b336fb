import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { DialectHelpers } from '../db/dialect/dialect.js';
import type { UnitDepartmentsTable, UnitRow, UnitsTable } from '../db/schema.js';

export type UnitDepartmentRow = Selectable<UnitDepartmentsTable>;
export type UnitWithPathRow = UnitRow & { body_path: string };

/** Which units a reader may see: any of the three grants it. */
export interface UnitVisibility {
  /** Units of bodies in these subtrees (staff). */
  bodyPathPrefixes: string[];
  /** Units of exactly these bodies (deputies). */
  bodyIds: string[];
  /** These units themselves (unit handlers and leaders). */
  unitIds: string[];
}

export interface UnitListFilter {
  bodyId?: string;
  kind?: string;
  q?: string;
  active?: boolean;
  visibility: UnitVisibility;
}

/** Rows per INSERT, well under SQLite's and PostgreSQL's bound-parameter limits. */
const chunkSize = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += chunkSize) result.push(items.slice(i, i + chunkSize));
  return result;
}

export class UnitsRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: DialectHelpers,
  ) {}

  async findById(id: string, executor: Executor = this.db): Promise<UnitRow | undefined> {
    return executor.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByIds(ids: string[], executor: Executor = this.db): Promise<UnitRow[]> {
    if (ids.length === 0) return [];
    return executor.selectFrom('units').selectAll().where('id', 'in', ids).execute();
  }

  /** The unit with its body's path, for visibility checks. */
  async findWithPath(id: string, executor: Executor = this.db): Promise<UnitWithPathRow | undefined> {
    return executor
      .selectFrom('units as u')
      .innerJoin('bodies as b', 'b.id', 'u.body_id')
      .selectAll('u')
      .select('b.path as body_path')
      .where('u.id', '=', id)
      .executeTakeFirst();
  }

  async findByName(bodyId: string, name: string, executor: Executor = this.db): Promise<UnitRow | undefined> {
    return executor
      .selectFrom('units')
      .selectAll()
      .where('body_id', '=', bodyId)
      .where('name', '=', name)
      .executeTakeFirst();
  }

  /** Which of the names a body's units already use. */
  async namesTaken(bodyId: string, names: string[], executor: Executor = this.db): Promise<Set<string>> {
    const taken = new Set<string>();
    for (const part of chunks(names)) {
      const rows = await executor
        .selectFrom('units')
        .select('name')
        .where('body_id', '=', bodyId)
        .where('name', 'in', part)
        .execute();
      for (const row of rows) taken.add(row.name);
    }
    return taken;
  }

  async list(
    filter: UnitListFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: UnitWithPathRow[]; total: number }> {
    const { bodyPathPrefixes, bodyIds, unitIds } = filter.visibility;
    let query = this.db
      .selectFrom('units as u')
      .innerJoin('bodies as b', 'b.id', 'u.body_id')
      .where((eb) =>
        eb.or([
          ...bodyPathPrefixes.map((p) => eb('b.path', 'like', `${p}%`)),
          ...(bodyIds.length > 0 ? [eb('u.body_id', 'in', bodyIds)] : []),
          ...(unitIds.length > 0 ? [eb('u.id', 'in', unitIds)] : []),
          // An empty OR would match nothing in SQL but is not valid syntax: say so explicitly.
          eb.lit(false),
        ]),
      );
    if (filter.bodyId) query = query.where('u.body_id', '=', filter.bodyId);
    if (filter.kind) query = query.where('u.kind', '=', filter.kind);
    if (filter.active !== undefined) query = query.where('u.active', '=', filter.active ? 1 : 0);
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) =>
        eb.or([
          this.dialect.containsInsensitive(eb.ref('u.name'), q),
          this.dialect.containsInsensitive(eb.ref('u.short_name'), q),
        ]),
      );
    }
    const [items, count] = await Promise.all([
      query
        .selectAll('u')
        .select('b.path as body_path')
        .orderBy('b.path')
        .orderBy('u.name')
        .orderBy('u.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.total) };
  }

  async insertMany(rows: Insertable<UnitsTable>[], executor: Executor = this.db): Promise<void> {
    for (const part of chunks(rows)) await executor.insertInto('units').values(part).execute();
  }

  async update(id: string, changes: Updateable<UnitsTable>, executor: Executor = this.db): Promise<void> {
    await executor.updateTable('units').set(changes).where('id', '=', id).execute();
  }

  // ── Departments (内设科室) ──────────────────────────────────────────────

  async departmentsOf(unitId: string, executor: Executor = this.db): Promise<UnitDepartmentRow[]> {
    return executor
      .selectFrom('unit_departments')
      .selectAll()
      .where('unit_id', '=', unitId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async findDepartment(id: string, executor: Executor = this.db): Promise<UnitDepartmentRow | undefined> {
    return executor.selectFrom('unit_departments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findDepartmentByName(
    unitId: string,
    name: string,
    executor: Executor = this.db,
  ): Promise<UnitDepartmentRow | undefined> {
    return executor
      .selectFrom('unit_departments')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('name', '=', name)
      .executeTakeFirst();
  }

  async insertDepartments(rows: UnitDepartmentRow[], executor: Executor = this.db): Promise<void> {
    for (const part of chunks(rows)) await executor.insertInto('unit_departments').values(part).execute();
  }

  async renameDepartment(id: string, name: string, executor: Executor = this.db): Promise<void> {
    await executor.updateTable('unit_departments').set({ name }).where('id', '=', id).execute();
  }

  async deleteDepartment(id: string, executor: Executor = this.db): Promise<void> {
    await executor.deleteFrom('unit_departments').where('id', '=', id).execute();
  }
}
