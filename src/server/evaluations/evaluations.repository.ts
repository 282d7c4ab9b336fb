import { sql } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type {
  EvaluationRectificationsTable,
  EvaluationRow,
  EvaluationSamplesTable,
  EvaluationSubjectsTable,
  EvaluationsTable,
} from '../db/schema-voting.js';

/** Evaluations, their subjects (a report or a unit each), site-check samples and rectifications. */
export class EvaluationsRepository {
  constructor(private readonly db: Db) {}

  async insert(row: Insertable<EvaluationsTable>, executor: Executor): Promise<void> {
    await executor.insertInto('evaluations').values(row).execute();
  }

  async findById(id: string, executor: Executor = this.db): Promise<EvaluationRow | undefined> {
    return executor.selectFrom('evaluations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(filter: { bodyId?: string; pathPrefixes: string[]; unitIds: string[] }) {
    let query = this.db
      .selectFrom('evaluations as e')
      .innerJoin('bodies as b', 'b.id', 'e.body_id')
      .leftJoin('ballots as bl', 'bl.id', 'e.ballot_id')
      .selectAll('e')
      .select([
        'bl.status as ballot_status',
        (eb) =>
          eb
            .selectFrom('evaluation_subjects as s')
            .select((inner) => inner.fn.countAll<number>().as('n'))
            .whereRef('s.evaluation_id', '=', 'e.id')
            .as('subject_count'),
      ]);
    if (filter.bodyId) query = query.where('e.body_id', '=', filter.bodyId);
    query = query.where((eb) =>
      eb.or([
        ...filter.pathPrefixes.map((prefix) => eb('b.path', 'like', `${prefix}%`)),
        ...(filter.unitIds.length > 0
          ? [
              eb.exists(
                eb
                  .selectFrom('evaluation_subjects as s')
                  .select('s.id')
                  .whereRef('s.evaluation_id', '=', 'e.id')
                  .where('s.unit_id', 'in', filter.unitIds),
              ),
            ]
          : []),
        sql<boolean>`1 = 0`,
      ]),
    );
    return query.orderBy('e.year', 'desc').orderBy('e.created_at', 'desc').limit(200).execute();
  }

  async setBallot(id: string, ballotId: string, executor: Executor): Promise<void> {
    await executor.updateTable('evaluations').set({ ballot_id: ballotId }).where('id', '=', id).execute();
  }

  async insertSubjects(rows: Insertable<EvaluationSubjectsTable>[], executor: Executor): Promise<void> {
    if (rows.length > 0) await executor.insertInto('evaluation_subjects').values(rows).execute();
  }

  async subjects(evaluationId: string, executor: Executor = this.db) {
    return executor
      .selectFrom('evaluation_subjects as s')
      .leftJoin('units as u', 'u.id', 's.unit_id')
      .selectAll('s')
      .select('u.name as unit_name')
      .where('s.evaluation_id', '=', evaluationId)
      .orderBy('s.position')
      .execute();
  }

  async subject(id: string) {
    return this.db.selectFrom('evaluation_subjects').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async updateSubject(id: string, changes: Updateable<EvaluationSubjectsTable>, executor: Executor) {
    await executor.updateTable('evaluation_subjects').set(changes).where('id', '=', id).execute();
  }

  async samples(subjectIds: string[]) {
    if (subjectIds.length === 0) return [];
    return this.db
      .selectFrom('evaluation_samples')
      .selectAll()
      .where('subject_id', 'in', subjectIds)
      .orderBy('label')
      .execute();
  }

  async sample(id: string) {
    return this.db.selectFrom('evaluation_samples').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async replaceSamples(subjectId: string, rows: Insertable<EvaluationSamplesTable>[], executor: Executor) {
    await executor.deleteFrom('evaluation_samples').where('subject_id', '=', subjectId).execute();
    if (rows.length > 0) await executor.insertInto('evaluation_samples').values(rows).execute();
  }

  async recordFinding(id: string, finding: string, at: string, executor: Executor): Promise<void> {
    await executor
      .updateTable('evaluation_samples')
      .set({ finding, checked_at: at })
      .where('id', '=', id)
      .execute();
  }

  async unitBodyId(unitId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('units')
      .select('body_id')
      .where('id', '=', unitId)
      .executeTakeFirst();
    return row?.body_id;
  }

  /** Suggestions assigned to a unit since a day: the population of its site-check sample. */
  async unitSuggestions(unitId: string, sinceDay: string) {
    return this.db
      .selectFrom('assignments as a')
      .innerJoin('suggestions as s', 's.id', 'a.suggestion_id')
      .select(['s.id', 's.title', 's.serial_number'])
      .where('a.unit_id', '=', unitId)
      .where('a.assigned_on', '>=', sinceDay)
      .groupBy(['s.id', 's.title', 's.serial_number'])
      .orderBy('s.id')
      .execute();
  }

  async insertRectification(
    row: Insertable<EvaluationRectificationsTable>,
    executor: Executor,
  ): Promise<void> {
    await executor.insertInto('evaluation_rectifications').values(row).execute();
  }

  private rectificationsWithNames(executor: Executor) {
    return executor
      .selectFrom('evaluation_rectifications as r')
      .innerJoin('evaluations as e', 'e.id', 'r.evaluation_id')
      .innerJoin('evaluation_subjects as s', 's.id', 'r.subject_id')
      .innerJoin('bodies as b', 'b.id', 'r.body_id')
      .leftJoin('units as u', 'u.id', 'r.unit_id')
      .selectAll('r')
      .select([
        'e.title as evaluation_title',
        's.title as subject_title',
        'u.name as unit_name',
        'b.path as body_path',
      ]);
  }

  async rectification(id: string, executor: Executor = this.db) {
    return this.rectificationsWithNames(executor).where('r.id', '=', id).executeTakeFirst();
  }

  async rectifications(filter: {
    bodyId?: string;
    status?: string;
    pathPrefixes: string[];
    unitIds: string[];
  }) {
    let query = this.rectificationsWithNames(this.db);
    if (filter.bodyId) query = query.where('r.body_id', '=', filter.bodyId);
    if (filter.status) query = query.where('r.status', '=', filter.status);
    query = query.where((eb) =>
      eb.or([
        ...filter.pathPrefixes.map((prefix) => eb('b.path', 'like', `${prefix}%`)),
        ...(filter.unitIds.length > 0 ? [eb('r.unit_id', 'in', filter.unitIds)] : []),
        sql<boolean>`1 = 0`,
      ]),
    );
    return query.orderBy('r.due_on').orderBy('r.id').limit(500).execute();
  }

  async rectificationOfSubjects(subjectIds: string[]) {
    if (subjectIds.length === 0) return [];
    return this.db
      .selectFrom('evaluation_rectifications')
      .select(['id', 'subject_id'])
      .where('subject_id', 'in', subjectIds)
      .execute();
  }

  /** The only writer of a rectification's status: compare-and-set on status and version. */
  async transitionRectification(
    id: string,
    from: { status: string; version: number },
    to: string,
    changes: Updateable<EvaluationRectificationsTable>,
    executor: Executor,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('evaluation_rectifications')
      .set({ ...changes, status: to, version: from.version + 1 })
      .where('id', '=', id)
      .where('status', '=', from.status)
      .where('version', '=', from.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
