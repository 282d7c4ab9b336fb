import type { Db } from '../db/database.js';
import type { LivelihoodRoundRow } from '../db/schema-voting.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { organisationReaders, scopePaths } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { forbidden, invalidField, notFound } from '../platform/errors.js';
import type { Locale } from '../http/locale.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { BallotsRepository } from '../ballots/ballots.repository.js';
import { localiseActions, resultsOf } from '../ballots/ballot.views.js';
import { availability } from '../workflow/workflow.js';
import type { RoundCreate, RoundDetail, RoundUpdate } from '../../shared/schemas/livelihood.js';
import { passRuleSchema } from '../../shared/schemas/ballots.js';
import type { TieRule } from '../../shared/schemas/ballots.js';
import type { LivelihoodRepository } from './livelihood.repository.js';
import type { NominationsRepository } from './nominations.repository.js';
import { livelihoodErrors, roundNoun } from './livelihood.errors.js';
import { roundWorkflow } from './round.workflow.js';
import { nextVote } from './round-ballots.js';
import type { RoundContext } from './round.workflow.js';
import {
  managesLivelihood,
  minimumCandidates,
  readsLivelihood,
  toProjectSummary,
  toRoundSummary,
} from './livelihood.views.js';

const days = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/** Public collection lasts at least 30 days (the start day not counted, Civil Code art. 201). */
function checkPeriod(startsOn: string, endsOn: string): void {
  if (days(startsOn, endsOn) < 30) throw livelihoodErrors.periodTooShort();
}

/** Rounds of livelihood projects: creating, reading, and the context their workflow judges. */
export class RoundsService {
  constructor(
    private readonly db: Db,
    private readonly rounds: LivelihoodRepository,
    private readonly nominations: NominationsRepository,
    private readonly ballots: BallotsRepository,
    private readonly bodies: BodiesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A round the actor may follow, else 404. */
  async visible(actor: Actor, id: string) {
    const round = await this.rounds.round(id);
    if (!round) throw notFound(roundNoun, id);
    const body = await this.bodies.require(round.body_id);
    if (!readsLivelihood(actor, body)) throw notFound(roundNoun, id);
    return { round, body, manages: managesLivelihood(actor, body.path) };
  }

  async managed(actor: Actor, id: string) {
    const visible = await this.visible(actor, id);
    if (!visible.manages)
      throw forbidden({ zh: '只有代表工委工作人员可以办理。', en: 'Only office staff may do this.' });
    return visible;
  }

  async create(actor: Actor, input: RoundCreate): Promise<LivelihoodRoundRow> {
    const body = await this.bodies.require(input.bodyId);
    if (!managesLivelihood(actor, body.path))
      throw forbidden({
        zh: '只有代表工委工作人员可以发起民生实事票决。',
        en: 'Only office staff create rounds.',
      });
    checkPeriod(input.nominationStartsOn, input.nominationEndsOn);
    const term = await this.ballots.termOf(input.termId);
    if (!term || term.body_id !== body.id)
      throw invalidField('termId', { zh: '「届次」不属于该人大', en: '"Term" is not of this body' });
    const at = this.clock.now().toISOString();
    const row: LivelihoodRoundRow = {
      id: newId(),
      body_id: body.id,
      term_id: term.id,
      session_id: input.sessionId ?? null,
      year: input.year,
      title: input.title,
      description: input.description ?? null,
      nomination_starts_on: input.nominationStartsOn,
      nomination_ends_on: input.nominationEndsOn,
      seats: input.seats,
      candidate_ratio_percent: input.candidateRatioPercent,
      tie_rule: input.tieRule,
      require_majority: input.requireMajority ? 1 : 0,
      satisfaction_rule_json: JSON.stringify(input.satisfactionRule),
      status: 'draft',
      vote_ballot_id: null,
      satisfaction_ballot_id: null,
      published_at: null,
      version: 0,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.rounds.insertRound(row, trx);
      await this.audit.record(trx, {
        actor,
        action: 'livelihood.round_create',
        targetType: 'livelihood_round',
        targetId: row.id,
        bodyId: row.body_id,
        after: row,
      });
    });
    return row;
  }

  /** A draft changes freely; while collecting, only the description and a later end date. */
  async update(actor: Actor, id: string, input: RoundUpdate & { version: number }) {
    const { round } = await this.managed(actor, id);
    const collecting = round.status === 'nominating';
    if (round.status !== 'draft' && !collecting) throw livelihoodErrors.notEditable();
    const allowed = collecting ? ['description', 'nominationEndsOn', 'version'] : null;
    if (allowed && Object.keys(input).some((key) => !allowed.includes(key)))
      throw livelihoodErrors.notEditable();
    const startsOn = input.nominationStartsOn ?? round.nomination_starts_on;
    const endsOn = input.nominationEndsOn ?? round.nomination_ends_on;
    checkPeriod(startsOn, endsOn);
    if (collecting && endsOn < round.nomination_ends_on) throw livelihoodErrors.notEditable();
    const changes = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.year !== undefined ? { year: input.year } : {}),
      ...(input.sessionId !== undefined ? { session_id: input.sessionId } : {}),
      ...(input.seats !== undefined ? { seats: input.seats } : {}),
      ...(input.candidateRatioPercent !== undefined
        ? { candidate_ratio_percent: input.candidateRatioPercent }
        : {}),
      ...(input.tieRule !== undefined ? { tie_rule: input.tieRule } : {}),
      ...(input.requireMajority !== undefined ? { require_majority: input.requireMajority ? 1 : 0 } : {}),
      ...(input.satisfactionRule !== undefined
        ? { satisfaction_rule_json: JSON.stringify(input.satisfactionRule) }
        : {}),
      nomination_starts_on: startsOn,
      nomination_ends_on: endsOn,
      updated_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.rounds.updateRound(id, input.version, changes, trx)))
        throw livelihoodErrors.concurrentChange();
      await this.audit.record(trx, {
        actor,
        action: 'livelihood.round_update',
        targetType: 'livelihood_round',
        targetId: id,
        bodyId: round.body_id,
        before: round,
        after: changes,
      });
    });
  }

  async list(actor: Actor, bodyId?: string) {
    const rows = await this.rounds.rounds({
      bodyId,
      pathPrefixes: scopePaths(actor, organisationReaders),
      bodyIds: [...new Set(actor.roles.map((grant) => grant.bodyId))],
    });
    return rows.map(toRoundSummary);
  }

  /** What the workflow needs to decide the round's actions. */
  async context(actor: Actor, round: LivelihoodRoundRow, bodyPath: string): Promise<RoundContext> {
    const [projects, counts, vote] = await Promise.all([
      this.rounds.projectsOf(round.id),
      this.nominations.countsByStatus(round.id),
      round.vote_ballot_id ? this.ballots.findById(round.vote_ballot_id) : Promise.resolve(undefined),
    ]);
    const results = vote ? resultsOf(vote) : null;
    return {
      round,
      actor,
      bodyPath,
      today: shanghaiDate(this.clock.now()),
      unscreened: counts.submitted ?? 0,
      candidates: projects.filter((p) => p.status !== 'withdrawn').length,
      selected: projects.filter((p) => p.status === 'selected').length,
      minimumCandidates: minimumCandidates(round.seats, round.candidate_ratio_percent),
      vote: vote
        ? { status: vote.status, runoffNeeded: results !== null && nextVote(results) !== null }
        : null,
    };
  }

  async detail(actor: Actor, id: string, locale: Locale): Promise<RoundDetail> {
    const { round, body, manages } = await this.visible(actor, id);
    const [context, projects, counts, vote] = await Promise.all([
      this.context(actor, round, body.path),
      this.rounds.projectsOf(round.id),
      this.nominations.countsByStatus(round.id),
      round.vote_ballot_id ? this.ballots.findById(round.vote_ballot_id) : Promise.resolve(undefined),
    ]);
    const results = vote?.status === 'closed' ? resultsOf(vote) : null;
    const next = results && round.status === 'voting' ? nextVote(results) : null;
    return {
      ...toRoundSummary(round),
      termId: round.term_id,
      sessionId: round.session_id,
      description: round.description,
      candidateRatioPercent: round.candidate_ratio_percent,
      minimumCandidates: context.minimumCandidates,
      tieRule: round.tie_rule as TieRule,
      requireMajority: round.require_majority === 1,
      satisfactionRule: passRuleSchema.parse(JSON.parse(round.satisfaction_rule_json)),
      voteBallotId: round.vote_ballot_id,
      satisfactionBallotId: round.satisfaction_ballot_id,
      runoff: next ? { projectIds: next.projectIds, seatsLeft: next.seats } : null,
      nominationCounts: counts,
      projects: projects.map(toProjectSummary),
      actions: manages ? localiseActions(availability(roundWorkflow, context), locale) : [],
      canManage: manages,
      version: round.version,
    };
  }
}
