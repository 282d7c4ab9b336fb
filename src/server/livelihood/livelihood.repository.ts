import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type {
  LivelihoodProjectRow,
  LivelihoodProjectsTable,
  LivelihoodRoundRow,
  LivelihoodRoundsTable,
} from '../db/schema-voting.js';

export type ProjectWithUnit = LivelihoodProjectRow & { unit_name: string };

/** Rounds (one a year) and their projects. */
export class LivelihoodRepository {
  constructor(private readonly db: Db) {}

  async insertRound(row: Insertable<LivelihoodRoundsTable>, executor: Executor): Promise<void> {
    await executor.insertInto('livelihood_rounds').values(row).execute();
  }

  async round(id: string, executor: Executor = this.db): Promise<LivelihoodRoundRow | undefined> {
    return executor.selectFrom('livelihood_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Rounds of bodies whose path starts with one of the prefixes, or of the given bodies. */
  async rounds(filter: { bodyId?: string; pathPrefixes: string[]; bodyIds: string[] }) {
    let query = this.db
      .selectFrom('livelihood_rounds as r')
      .innerJoin('bodies as b', 'b.id', 'r.body_id')
      .selectAll('r');
    if (filter.bodyId) query = query.where('r.body_id', '=', filter.bodyId);
    query = query.where((eb) =>
      eb.or([
        ...filter.pathPrefixes.map((prefix) => eb('b.path', 'like', `${prefix}%`)),
        ...(filter.bodyIds.length > 0 ? [eb('r.body_id', 'in', filter.bodyIds)] : []),
        eb('r.id', '=', '-'),
      ]),
    );
    return query.orderBy('r.year', 'desc').orderBy('r.created_at', 'desc').limit(200).execute();
  }

  /** Rounds the public may read: collecting proposals, or with published results. */
  async publicRounds(bodyId?: string) {
    let query = this.db
      .selectFrom('livelihood_rounds')
      .selectAll()
      .where((eb) => eb.or([eb('status', '=', 'nominating'), eb('published_at', 'is not', null)]));
    if (bodyId) query = query.where('body_id', '=', bodyId);
    return query.orderBy('year', 'desc').orderBy('created_at', 'desc').limit(50).execute();
  }

  /** Changes fields other than the status, only if nobody changed the round since it was read. */
  async updateRound(
    id: string,
    version: number,
    changes: Updateable<LivelihoodRoundsTable>,
    executor: Executor,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('livelihood_rounds')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** The only writer of a round's status: compare-and-set on status (and version when known). */
  async transitionRound(
    id: string,
    from: { status: string; version?: number },
    to: string,
    changes: Updateable<LivelihoodRoundsTable>,
    executor: Executor,
  ): Promise<boolean> {
    let query = executor
      .updateTable('livelihood_rounds')
      .set((eb) => ({ ...changes, status: to, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('status', '=', from.status);
    if (from.version !== undefined) query = query.where('version', '=', from.version);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async insertProject(row: Insertable<LivelihoodProjectsTable>, executor: Executor): Promise<void> {
    await executor.insertInto('livelihood_projects').values(row).execute();
  }

  private projectsWithUnit(executor: Executor) {
    return executor
      .selectFrom('livelihood_projects as p')
      .innerJoin('units as u', 'u.id', 'p.unit_id')
      .selectAll('p')
      .select('u.name as unit_name');
  }

  async project(id: string, executor: Executor = this.db): Promise<ProjectWithUnit | undefined> {
    return this.projectsWithUnit(executor).where('p.id', '=', id).executeTakeFirst();
  }

  async projectsOf(roundId: string, executor: Executor = this.db): Promise<ProjectWithUnit[]> {
    return this.projectsWithUnit(executor)
      .where('p.round_id', '=', roundId)
      .orderBy('p.position')
      .orderBy('p.id')
      .execute();
  }

  async nextPosition(roundId: string, executor: Executor): Promise<number> {
    const row = await executor
      .selectFrom('livelihood_projects')
      .select((eb) => eb.fn.max<number>('position').as('last'))
      .where('round_id', '=', roundId)
      .executeTakeFirst();
    return Number(row?.last ?? 0) + 1;
  }

  async updateProject(
    id: string,
    version: number | null,
    changes: Updateable<LivelihoodProjectsTable>,
    executor: Executor,
  ): Promise<boolean> {
    let query = executor
      .updateTable('livelihood_projects')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (version !== null) query = query.where('version', '=', version);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Candidates still undecided when the vote is concluded are not selected. */
  async closeCandidates(roundId: string, at: string, executor: Executor): Promise<void> {
    await executor
      .updateTable('livelihood_projects')
      .set((eb) => ({ status: 'not_selected', updated_at: at, version: eb('version', '+', 1) }))
      .where('round_id', '=', roundId)
      .where('status', '=', 'candidate')
      .execute();
  }

  async unitInBody(unitId: string, bodyId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('units')
      .select('id')
      .where('id', '=', unitId)
      .where('body_id', '=', bodyId)
      .where('active', '=', 1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async bodyName(bodyId: string): Promise<string> {
    const row = await this.db.selectFrom('bodies').select('name').where('id', '=', bodyId).executeTakeFirst();
    return row?.name ?? '';
  }
}
