import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type {
  LivelihoodPlansTable,
  LivelihoodProgressTable,
  LivelihoodSupervisorsTable,
} from '../db/schema-voting.js';
import type { FileRow } from '../deputies/files.repository.js';

export const progressPhotoOwner = 'livelihood_progress';

/** How selected projects are carried out: plans, progress reports with photos, supervision groups. */
export class ImplementationRepository {
  constructor(private readonly db: Db) {}

  async plan(projectId: string, executor: Executor = this.db) {
    return executor
      .selectFrom('livelihood_plans as pl')
      .innerJoin('units as u', 'u.id', 'pl.unit_id')
      .selectAll('pl')
      .select('u.name as unit_name')
      .where('pl.project_id', '=', projectId)
      .executeTakeFirst();
  }

  async putPlan(row: Insertable<LivelihoodPlansTable>, executor: Executor): Promise<void> {
    await executor
      .insertInto('livelihood_plans')
      .values(row)
      .onConflict((oc) =>
        oc.column('project_id').doUpdateSet({
          unit_id: row.unit_id,
          targets: row.targets,
          milestones_json: row.milestones_json,
          funds_fen: row.funds_fen,
          funding_source: row.funding_source,
          updated_by: row.updated_by,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  }

  async insertProgress(row: Insertable<LivelihoodProgressTable>, executor: Executor): Promise<void> {
    await executor.insertInto('livelihood_progress').values(row).execute();
  }

  async progressById(id: string) {
    return this.db.selectFrom('livelihood_progress').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async progressOf(projectIds: string[]) {
    if (projectIds.length === 0) return [];
    return this.db
      .selectFrom('livelihood_progress')
      .selectAll()
      .where('project_id', 'in', projectIds)
      .orderBy('reported_on', 'desc')
      .orderBy('created_at', 'desc')
      .execute();
  }

  /** Photo files of these progress reports, oldest first. */
  async photosOf(progressIds: string[]) {
    if (progressIds.length === 0) return [];
    return this.db
      .selectFrom('files')
      .select(['id', 'owner_id'])
      .where('owner_type', '=', progressPhotoOwner)
      .where('owner_id', 'in', progressIds)
      .orderBy('created_at')
      .execute();
  }

  async photo(fileId: string): Promise<FileRow | undefined> {
    return this.db
      .selectFrom('files')
      .selectAll()
      .where('id', '=', fileId)
      .where('owner_type', '=', progressPhotoOwner)
      .executeTakeFirst();
  }

  async insertPhoto(row: FileRow, executor: Executor): Promise<void> {
    await executor.insertInto('files').values(row).execute();
  }

  async supervisors(projectIds: string[], executor: Executor = this.db) {
    if (projectIds.length === 0) return [];
    return executor
      .selectFrom('livelihood_supervisors as s')
      .innerJoin('deputies as d', 'd.id', 's.deputy_id')
      .select(['s.project_id', 's.deputy_id', 's.is_leader', 'd.name'])
      .where('s.project_id', 'in', projectIds)
      .orderBy('s.is_leader', 'desc')
      .orderBy('d.name')
      .execute();
  }

  async replaceSupervisors(
    projectId: string,
    rows: Insertable<LivelihoodSupervisorsTable>[],
    executor: Executor,
  ): Promise<void> {
    await executor.deleteFrom('livelihood_supervisors').where('project_id', '=', projectId).execute();
    if (rows.length > 0) await executor.insertInto('livelihood_supervisors').values(rows).execute();
  }

  /** Deputies holding an active seat in the term (supervision groups are drawn from them). */
  async seatedDeputies(termId: string, deputyIds: string[]): Promise<string[]> {
    if (deputyIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('deputy_seats')
      .select('deputy_id')
      .where('term_id', '=', termId)
      .where('status', '=', 'active')
      .where('deputy_id', 'in', deputyIds)
      .execute();
    return rows.map((row) => row.deputy_id);
  }

  /** Whether the deputy sits in a supervision group of one of the round's projects. */
  async supervisesInRound(roundId: string, deputyId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('livelihood_supervisors as s')
      .innerJoin('livelihood_projects as p', 'p.id', 's.project_id')
      .select('s.deputy_id')
      .where('p.round_id', '=', roundId)
      .where('s.deputy_id', '=', deputyId)
      .executeTakeFirst();
    return row !== undefined;
  }
}
