import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { notFound } from '../platform/errors.js';
import type { CandidateInput, ProjectSummary } from '../../shared/schemas/livelihood.js';
import type { LivelihoodRepository } from './livelihood.repository.js';
import type { NominationsRepository } from './nominations.repository.js';
import type { RoundsService } from './rounds.service.js';
import { livelihoodErrors, projectNoun } from './livelihood.errors.js';
import { toProjectSummary } from './livelihood.views.js';

/** Rounds in which the candidate list may still change. */
const openForCandidates = ['draft', 'nominating', 'screening'];

/** The candidate list: projects drawn from accepted proposals (or the government's own). */
export class CandidatesService {
  constructor(
    private readonly db: Db,
    private readonly rounds: LivelihoodRepository,
    private readonly nominations: NominationsRepository,
    private readonly reader: RoundsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private async checkInput(roundId: string, bodyId: string, input: Partial<CandidateInput>) {
    if (input.unitId && !(await this.rounds.unitInBody(input.unitId, bodyId)))
      throw livelihoodErrors.unitNotInBody();
    for (const id of input.nominationIds ?? []) {
      const nomination = await this.nominations.findById(id);
      if (!nomination || nomination.round_id !== roundId || nomination.status !== 'accepted')
        throw livelihoodErrors.nominationsNotAccepted();
    }
  }

  async add(actor: Actor, roundId: string, input: CandidateInput): Promise<ProjectSummary> {
    const { round } = await this.reader.managed(actor, roundId);
    if (!openForCandidates.includes(round.status)) throw livelihoodErrors.candidatesFixed();
    await this.checkInput(round.id, round.body_id, input);
    const at = this.clock.now().toISOString();
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      const row = {
        id,
        round_id: round.id,
        body_id: round.body_id,
        position: await this.rounds.nextPosition(round.id, trx),
        title: input.title,
        description: input.description,
        investment_fen: input.investmentFen,
        unit_id: input.unitId,
        completion_date: input.completionDate,
        status: 'candidate',
        votes: null,
        vote_rank: null,
        progress_percent: 0,
        satisfaction_json: null,
        version: 0,
        created_at: at,
        updated_at: at,
      };
      await this.rounds.insertProject(row, trx);
      await this.nominations.linkToProject(input.nominationIds, id, trx);
      await this.audit.record(trx, {
        actor,
        action: 'livelihood.candidate_create',
        targetType: 'livelihood_project',
        targetId: id,
        bodyId: round.body_id,
        after: { ...row, nominationIds: input.nominationIds },
      });
    });
    return this.summary(id);
  }

  async update(
    actor: Actor,
    projectId: string,
    input: Partial<CandidateInput> & { version: number },
  ): Promise<ProjectSummary> {
    const project = await this.rounds.project(projectId);
    if (!project) throw notFound(projectNoun, projectId);
    const { round } = await this.reader.managed(actor, project.round_id);
    if (!openForCandidates.includes(round.status) || project.status !== 'candidate')
      throw livelihoodErrors.candidatesFixed();
    await this.checkInput(round.id, round.body_id, input);
    const changes = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.investmentFen !== undefined ? { investment_fen: input.investmentFen } : {}),
      ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
      ...(input.completionDate !== undefined ? { completion_date: input.completionDate } : {}),
      updated_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.rounds.updateProject(projectId, input.version, changes, trx)))
        throw livelihoodErrors.concurrentChange();
      if (input.nominationIds) await this.nominations.linkToProject(input.nominationIds, projectId, trx);
      await this.audit.record(trx, {
        actor,
        action: 'livelihood.candidate_update',
        targetType: 'livelihood_project',
        targetId: projectId,
        bodyId: round.body_id,
        before: project,
        after: changes,
      });
    });
    return this.summary(projectId);
  }

  /** Takes a candidate off the list (kept, marked withdrawn) before the candidates are fixed. */
  async withdraw(actor: Actor, projectId: string, version: number): Promise<ProjectSummary> {
    const project = await this.rounds.project(projectId);
    if (!project) throw notFound(projectNoun, projectId);
    const { round } = await this.reader.managed(actor, project.round_id);
    if (!openForCandidates.includes(round.status) || project.status !== 'candidate')
      throw livelihoodErrors.candidatesFixed();
    await this.db.transaction().execute(async (trx) => {
      const changes = { status: 'withdrawn', updated_at: this.clock.now().toISOString() };
      if (!(await this.rounds.updateProject(projectId, version, changes, trx)))
        throw livelihoodErrors.concurrentChange();
      await this.audit.record(trx, {
        actor,
        action: 'livelihood.candidate_withdraw',
        targetType: 'livelihood_project',
        targetId: projectId,
        bodyId: round.body_id,
        before: { status: project.status },
        after: changes,
      });
    });
    return this.summary(projectId);
  }

  private async summary(id: string): Promise<ProjectSummary> {
    const row = await this.rounds.project(id);
    if (!row) throw notFound(projectNoun, id);
    return toProjectSummary(row);
  }
}
