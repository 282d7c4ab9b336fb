import type { Db } from '../db/database.js';
import type { EvaluationRow } from '../db/schema-voting.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders, scopePaths, unitIdsOf } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { forbidden, invalidField, notFound } from '../platform/errors.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { BallotsService } from '../ballots/ballots.service.js';
import type { BallotsRepository } from '../ballots/ballots.repository.js';
import { resultsOf } from '../ballots/ballot.views.js';
import type { BallotStatus } from '../../shared/schemas/ballots.js';
import { itemResultSchema } from '../../shared/schemas/ballot-views.js';
import type {
  EvaluationCreate,
  EvaluationDetail,
  EvaluationKind,
  EvaluationSummary,
} from '../../shared/schemas/evaluations.js';
import { samplingSchema } from '../../shared/schemas/evaluations.js';
import type { EvaluationsRepository } from './evaluations.repository.js';
import { evaluationManagers } from './rectification.workflow.js';
import { sampleSize } from './sampling.js';

export const evaluationPurpose = 'evaluation';
export const evaluationNoun = { zh: '满意度测评', en: 'Evaluation' };

/** Satisfaction evaluations of work reports and departments: each runs on one ballot. */
export class EvaluationsService {
  constructor(
    private readonly db: Db,
    private readonly evaluations: EvaluationsRepository,
    private readonly ballots: BallotsService,
    private readonly ballotsRepository: BallotsRepository,
    private readonly bodies: BodiesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** An evaluation the actor may see (staff of the subtree, or a unit being evaluated), else 404. */
  async visible(actor: Actor, id: string) {
    const row = await this.evaluations.findById(id);
    if (!row) throw notFound(evaluationNoun, id);
    const body = await this.bodies.require(row.body_id);
    const subjects = await this.evaluations.subjects(id);
    const ownUnits = unitIdsOf(actor);
    const reads =
      coversBody(actor, organisationReaders, body.path) ||
      subjects.some((s) => s.unit_id !== null && ownUnits.includes(s.unit_id));
    if (!reads) throw notFound(evaluationNoun, id);
    return { row, body, subjects, manages: coversBody(actor, evaluationManagers, body.path) };
  }

  /** Creates the evaluation, its subjects and its ballot (a draft, opened by staff at the meeting). */
  async create(actor: Actor, input: EvaluationCreate): Promise<EvaluationRow> {
    const body = await this.bodies.require(input.bodyId);
    if (!coversBody(actor, evaluationManagers, body.path))
      throw forbidden({
        zh: '只有代表工委工作人员可以组织测评。',
        en: 'Only office staff organise evaluations.',
      });
    for (const subject of input.subjects)
      if (subject.unitId) {
        if ((await this.evaluations.unitBodyId(subject.unitId)) !== body.id)
          throw invalidField('subjects', {
            zh: '被测评单位须属于本级人大',
            en: 'units must be of this body',
          });
      }
    const at = this.clock.now().toISOString();
    const id = newId();
    const subjects = input.subjects.map((subject, index) => ({
      id: newId(),
      evaluation_id: id,
      position: index + 1,
      title: subject.title,
      unit_id: subject.unitId ?? null,
      reporter: subject.reporter ?? null,
      outcome: null,
      result_json: null,
      population: null,
    }));
    const prepared = await this.ballots.prepare(
      actor,
      {
        bodyId: body.id,
        termId: input.termId,
        sessionId: input.sessionId ?? null,
        title: input.title,
        description:
          input.kind === 'department' ? '请对各被评议单位逐一评价。' : '请对工作报告作出满意度评价。',
        kind: input.ballotKind,
        questionType: input.questionType,
        scoreMax: input.questionType === 'score' ? (input.scoreMax ?? 100) : null,
        items: subjects.map((s) => ({ title: s.title, description: s.reporter, refId: s.id })),
        electorate: input.electorate,
        passRule: input.passRule,
        allowChange: false,
        requirePresence: input.requirePresence,
      },
      { purpose: evaluationPurpose, purposeId: id },
    );
    const row: EvaluationRow = {
      id,
      body_id: body.id,
      term_id: input.termId,
      kind: input.kind,
      year: input.year,
      title: input.title,
      ballot_id: null,
      sampling_json: JSON.stringify(input.sampling),
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.evaluations.insert(row, trx);
      await this.evaluations.insertSubjects(subjects, trx);
      await this.ballots.insertPrepared(trx, actor, prepared);
      await this.evaluations.setBallot(id, prepared.row.id, trx);
      await this.audit.record(trx, {
        actor,
        action: 'evaluation.create',
        targetType: 'evaluation',
        targetId: id,
        bodyId: body.id,
        after: { ...row, ballotId: prepared.row.id, subjects: subjects.map((s) => s.title) },
      });
    });
    return { ...row, ballot_id: prepared.row.id };
  }

  async list(actor: Actor, bodyId?: string): Promise<EvaluationSummary[]> {
    const rows = await this.evaluations.list({
      bodyId,
      pathPrefixes: scopePaths(actor, organisationReaders),
      unitIds: unitIdsOf(actor),
    });
    return rows.map((row) => ({
      id: row.id,
      bodyId: row.body_id,
      year: row.year,
      title: row.title,
      kind: row.kind as EvaluationKind,
      ballotId: row.ballot_id,
      ballotStatus: (row.ballot_status ?? null) as BallotStatus | null,
      subjectCount: Number(row.subject_count ?? 0),
      createdAt: row.created_at,
    }));
  }

  async detail(actor: Actor, id: string): Promise<EvaluationDetail> {
    const { row, subjects, manages } = await this.visible(actor, id);
    const sampling = samplingSchema.parse(JSON.parse(row.sampling_json));
    const [samples, tasks, ballot] = await Promise.all([
      this.evaluations.samples(subjects.map((s) => s.id)),
      this.evaluations.rectificationOfSubjects(subjects.map((s) => s.id)),
      row.ballot_id ? this.ballotsRepository.findById(row.ballot_id) : Promise.resolve(undefined),
    ]);
    const results = ballot ? resultsOf(ballot) : null;
    return {
      id: row.id,
      bodyId: row.body_id,
      termId: row.term_id,
      year: row.year,
      title: row.title,
      kind: row.kind as EvaluationKind,
      ballotId: row.ballot_id,
      ballotStatus: (ballot?.status ?? null) as BallotStatus | null,
      subjectCount: subjects.length,
      createdAt: row.created_at,
      sampling,
      canManage: manages,
      subjects: subjects.map((s) => {
        const result = s.result_json ? itemResultSchema.safeParse(JSON.parse(s.result_json)) : null;
        return {
          id: s.id,
          position: s.position,
          title: s.title,
          unitId: s.unit_id,
          unitName: s.unit_name,
          reporter: s.reporter,
          outcome: result?.success ? result.data.outcome : null,
          result: result?.success ? result.data : (results?.items.find((i) => i.refId === s.id) ?? null),
          population: s.population,
          sampleSize: s.population === null ? null : sampleSize(s.population, sampling),
          samples: samples
            .filter((sample) => sample.subject_id === s.id)
            .map((sample) => ({
              id: sample.id,
              itemRef: sample.item_ref,
              label: sample.label,
              finding: sample.finding,
              checkedAt: sample.checked_at,
            })),
          rectificationId: tasks.find((task) => task.subject_id === s.id)?.id ?? null,
        };
      }),
    };
  }
}
