import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import type { BallotsService, PreparedBallot } from '../ballots/ballots.service.js';
import type { BallotsRepository } from '../ballots/ballots.repository.js';
import { resultsOf } from '../ballots/ballot.views.js';
import { check, staleTransition } from '../workflow/workflow.js';
import type { RoundStatus, StartBallotInput } from '../../shared/schemas/livelihood.js';
import type { LivelihoodRepository } from './livelihood.repository.js';
import type { RoundsService } from './rounds.service.js';
import type { RoundBallots } from './round-ballots.js';
import { nextVote } from './round-ballots.js';
import { roundWorkflow } from './round.workflow.js';

/**
 * Runs the round's workflow actions. `check` decides; the effect prepares any ballot before the
 * transaction (SQLite has one connection); one compare-and-set moves the status, with the ballot
 * and the audit entry in the same transaction.
 */
export class RoundActionsService {
  constructor(
    private readonly db: Db,
    private readonly rounds: LivelihoodRepository,
    private readonly reader: RoundsService,
    private readonly ballotsRepository: BallotsRepository,
    private readonly ballots: BallotsService,
    private readonly roundBallots: RoundBallots,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async perform(actor: Actor, id: string, action: string, rawInput: unknown): Promise<void> {
    const { round, body } = await this.reader.visible(actor, id);
    const context = await this.reader.context(actor, round, body.path);
    const { input, from, to } = check(roundWorkflow, action, context, rawInput);
    const at = this.clock.now().toISOString();
    const changes: Record<string, string | null> = { updated_at: at };
    let prepared: PreparedBallot | null = null;
    const projects = await this.rounds.projectsOf(round.id);
    const start = input as StartBallotInput;
    if (action === 'start_vote') {
      prepared = await this.roundBallots.prepareVote(
        actor,
        round,
        projects.filter((p) => p.status === 'candidate'),
        round.seats,
        start,
        false,
      );
      changes.vote_ballot_id = prepared.row.id;
    } else if (action === 'runoff') {
      const last = round.vote_ballot_id
        ? await this.ballotsRepository.findById(round.vote_ballot_id)
        : undefined;
      const results = last ? resultsOf(last) : null;
      const next = results ? nextVote(results) : null;
      prepared = await this.roundBallots.prepareVote(
        actor,
        round,
        projects.filter((p) => next?.projectIds.includes(p.id)),
        next?.seats ?? 1,
        start,
        true,
      );
      changes.vote_ballot_id = prepared.row.id;
    } else if (action === 'start_evaluation') {
      prepared = await this.roundBallots.prepareEvaluation(
        actor,
        round,
        projects.filter((p) => p.status === 'selected'),
        start,
      );
      changes.satisfaction_ballot_id = prepared.row.id;
    } else if (action === 'publish') {
      changes.published_at = at;
    }
    await this.db.transaction().execute(async (trx) => {
      // The ballot first: the round refers to it. A lost compare-and-set rolls both back.
      if (prepared) await this.ballots.insertPrepared(trx, actor, prepared);
      const moved = await this.rounds.transitionRound(
        round.id,
        { status: from, version: round.version },
        to as RoundStatus,
        changes,
        trx,
      );
      if (!moved) throw staleTransition('livelihood_round');
      if (action === 'conclude_vote') await this.rounds.closeCandidates(round.id, at, trx);
      await this.audit.record(trx, {
        actor,
        action: `livelihood.${action}`,
        targetType: 'livelihood_round',
        targetId: round.id,
        bodyId: round.body_id,
        before: { status: from },
        after: { status: to, ...changes, ...(input && typeof input === 'object' ? input : {}) },
      });
    });
  }
}
