import type { Actor } from '../auth/actor.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Executor } from '../db/executor.js';
import type { BallotRow, LivelihoodRoundRow } from '../db/schema-voting.js';
import type { Clock } from '../platform/clock.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { BallotsService, PreparedBallot } from '../ballots/ballots.service.js';
import type { CloseHandler } from '../ballots/ballot-lifecycle.service.js';
import type { PassRule, TieRule } from '../../shared/schemas/ballots.js';
import type { BallotResults } from '../../shared/schemas/ballot-views.js';
import { passRuleSchema } from '../../shared/schemas/ballots.js';
import type { StartBallotInput } from '../../shared/schemas/livelihood.js';
import type { LivelihoodRepository, ProjectWithUnit } from './livelihood.repository.js';

export const votePurpose = 'livelihood_vote';
export const satisfactionPurpose = 'livelihood_satisfaction';

/** 1234567800 fen → "1234.57" (万元). */
export function tenThousandYuan(fen: number): string {
  return (fen / 1_000_000).toFixed(2).replace(/\.?0+$/, '');
}

/**
 * After a session vote: who goes to another vote, for how many seats. Candidates tied across the
 * last seat (tie rule "run-off"), or, when seats are left because nobody else reached the votes
 * needed, every candidate not elected (if there are more of them than seats). Null: decided.
 */
export function nextVote(results: BallotResults): { projectIds: string[]; seats: number } | null {
  const refIds = (outcome: string) =>
    results.items.filter((i) => i.outcome === outcome && i.refId).map((i) => i.refId ?? '');
  if (results.runoffItemIds.length > 0) return { projectIds: refIds('tied'), seats: results.seatsLeft };
  const others = refIds('not_elected');
  if (results.seatsLeft > 0 && others.length > results.seatsLeft)
    return { projectIds: others, seats: results.seatsLeft };
  return null;
}

const itemOf = (project: ProjectWithUnit) => ({
  title: project.title,
  description: `${project.unit_name}承办，计划投资 ${tenThousandYuan(project.investment_fen)} 万元，${project.completion_date} 前完成`,
  refId: project.id,
});

/**
 * The ballots of a round: the session vote (secret, choose up to the seats, tie rule of the
 * round), a run-off after a tie, and the year-end satisfaction vote; and what their results do.
 */
export class RoundBallots {
  constructor(
    private readonly rounds: LivelihoodRepository,
    private readonly ballots: BallotsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async prepareVote(
    actor: Actor,
    round: LivelihoodRoundRow,
    candidates: ProjectWithUnit[],
    seats: number,
    input: StartBallotInput,
    runoff: boolean,
  ): Promise<PreparedBallot> {
    return this.ballots.prepare(
      actor,
      {
        bodyId: round.body_id,
        termId: round.term_id,
        sessionId: round.session_id,
        title: runoff ? `${round.title}（另行投票）` : `${round.title}（代表票决）`,
        description: `应选 ${seats} 项，每张选票最多选 ${seats} 项，多选无效。`,
        kind: 'secret',
        questionType: 'select',
        maxSelections: seats,
        items: candidates.map(itemOf),
        electorate: { kind: input.electorate, attendeeDeputyIds: [] },
        passRule: {
          kind: 'plurality',
          tieRule: round.tie_rule as TieRule,
          requireMajorityOfAll: round.require_majority === 1,
        },
        allowChange: false,
        requirePresence: input.requirePresence,
      },
      { purpose: votePurpose, purposeId: round.id },
    );
  }

  async prepareEvaluation(
    actor: Actor,
    round: LivelihoodRoundRow,
    selected: ProjectWithUnit[],
    input: StartBallotInput,
  ): Promise<PreparedBallot> {
    const rule: PassRule = passRuleSchema.parse(JSON.parse(round.satisfaction_rule_json));
    return this.ballots.prepare(
      actor,
      {
        bodyId: round.body_id,
        termId: round.term_id,
        sessionId: null,
        title: `${round.title}（年终满意度测评）`,
        description: '请对每个项目的实施情况评价：满意、基本满意或不满意；未评价的项目按无效票计。',
        kind: 'secret',
        questionType: 'grade',
        items: selected.map(itemOf),
        electorate: { kind: input.electorate, attendeeDeputyIds: [] },
        passRule: rule,
        allowChange: false,
        requirePresence: input.requirePresence,
      },
      { purpose: satisfactionPurpose, purposeId: round.id },
    );
  }

  /** The session vote closed: selected, not selected, or tied awaiting a run-off. */
  readonly voteClosed: CloseHandler = async (ballot: BallotRow) => {
    const round = await this.rounds.round(ballot.purpose_id ?? '');
    const projects = round ? await this.rounds.projectsOf(round.id) : [];
    return async (trx: Executor, results: BallotResults) => {
      if (!round) return;
      const at = this.clock.now().toISOString();
      const selectedUnits: string[] = [];
      for (const item of results.items) {
        const project = projects.find((p) => p.id === item.refId);
        if (!project) continue;
        const status =
          item.outcome === 'elected' ? 'selected' : item.outcome === 'tied' ? 'candidate' : 'not_selected';
        if (status === 'selected') selectedUnits.push(project.unit_id);
        await this.rounds.updateProject(
          project.id,
          null,
          {
            status,
            // A run-off does not replace the votes of the session vote.
            ...(project.votes === null ? { votes: item.counts.votes ?? 0, vote_rank: item.rank } : {}),
            updated_at: at,
          },
          trx,
        );
      }
      const decided = results.runoffItemIds.length === 0;
      if (decided)
        await this.rounds.transitionRound(
          round.id,
          { status: 'voting' },
          'implementing',
          { updated_at: at },
          trx,
        );
      await this.notifications.notifyUnits(trx, selectedUnits, {
        kind: 'livelihood.selected',
        title: '民生实事项目已经代表票决确定',
        body: `「${round.title}」票决结果已产生，请制定实施计划并按时报送进度。`,
        link: `/livelihood/${round.id}`,
      });
      await this.audit.record(trx, {
        actor: null,
        action: 'livelihood.vote_counted',
        targetType: 'livelihood_round',
        targetId: round.id,
        bodyId: round.body_id,
        after: {
          ballotId: ballot.id,
          selected: results.items.filter((i) => i.outcome === 'elected').map((i) => i.refId),
          nextVote: nextVote(results),
        },
      });
    };
  };

  /** The year-end vote closed: each project's satisfaction is recorded and the round evaluated. */
  readonly satisfactionClosed: CloseHandler = async (ballot: BallotRow) => {
    const round = await this.rounds.round(ballot.purpose_id ?? '');
    return async (trx: Executor, results: BallotResults) => {
      if (!round) return;
      const at = this.clock.now().toISOString();
      for (const item of results.items) {
        if (!item.refId) continue;
        const satisfaction = { outcome: item.outcome, ratePercent: item.ratePercent, counts: item.counts };
        await this.rounds.updateProject(
          item.refId,
          null,
          { satisfaction_json: JSON.stringify(satisfaction), updated_at: at },
          trx,
        );
      }
      await this.rounds.transitionRound(
        round.id,
        { status: 'evaluating' },
        'evaluated',
        { updated_at: at },
        trx,
      );
      await this.audit.record(trx, {
        actor: null,
        action: 'livelihood.satisfaction_counted',
        targetType: 'livelihood_round',
        targetId: round.id,
        bodyId: round.body_id,
        after: {
          ballotId: ballot.id,
          outcomes: results.items.map((i) => ({ projectId: i.refId, outcome: i.outcome })),
        },
      });
    };
  };
}
