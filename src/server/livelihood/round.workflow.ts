import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { coversBody } from '../auth/actor.js';
import type { LivelihoodRoundRow } from '../db/schema-voting.js';
import type { LocalisedText } from '../platform/errors.js';
import type { RoundStatus } from '../../shared/schemas/livelihood.js';
import { roundStatusLabels, startBallotSchema } from '../../shared/schemas/livelihood.js';
import type { Role } from '../../shared/schemas/roles.js';
import type { ActionDefinition, WorkflowDefinition } from '../workflow/workflow.js';

/** Who runs livelihood-project rounds. */
export const livelihoodManagers: readonly Role[] = ['admin', 'office_staff'];

export interface RoundContext {
  round: LivelihoodRoundRow;
  actor: Actor;
  bodyPath: string;
  /** Today in Beijing, `YYYY-MM-DD`. */
  today: string;
  unscreened: number;
  candidates: number;
  selected: number;
  minimumCandidates: number;
  /** The latest session-vote ballot: its status and whether another vote is needed. */
  vote: { status: string; runoffNeeded: boolean } | null;
}

const reason = (zh: string, en: string): LocalisedText => ({ zh, en });

function manager(c: RoundContext): true | LocalisedText {
  return coversBody(c.actor, livelihoodManagers, c.bodyPath)
    ? true
    : reason('只有代表工委工作人员可以办理民生实事票决。', 'Only office staff run livelihood rounds.');
}

type Action = ActionDefinition<RoundStatus, RoundContext, never>;
const action = <Input>(definition: ActionDefinition<RoundStatus, RoundContext, Input>): Action =>
  definition as unknown as Action;
const empty = z.object({}).strict();

/** 群众提 → 筛选 → 候选 → 代表决 → 政府办 → 人大评: one definition, one place that moves the status. */
export const roundWorkflow: WorkflowDefinition<RoundStatus, RoundContext> = {
  name: 'livelihood_round',
  states: roundStatusLabels,
  stateOf: (c) => c.round.status as RoundStatus,
  actions: [
    action({
      name: 'open_nomination',
      label: reason('开始公开征集', 'Open for proposals'),
      from: ['draft'],
      to: 'nominating',
      who: manager,
      guard: (c) =>
        c.today > c.round.nomination_ends_on
          ? reason('征集截止日期已过，请先修改征集期。', 'The collection period is already over.')
          : true,
      input: empty,
    }),
    action({
      name: 'close_nomination',
      label: reason('结束征集，开始筛选', 'Close collection and screen'),
      from: ['nominating'],
      to: 'screening',
      who: manager,
      guard: (c) =>
        c.today <= c.round.nomination_ends_on
          ? reason(
              `征集期至 ${c.round.nomination_ends_on}，期满后才能结束（不少于 30 日）。`,
              `Proposals are collected until ${c.round.nomination_ends_on}.`,
            )
          : true,
      input: empty,
    }),
    action({
      name: 'fix_candidates',
      label: reason('确定候选项目', 'Fix the candidates'),
      from: ['screening'],
      to: 'candidates',
      who: manager,
      guard: (c) => {
        if (c.unscreened > 0)
          return reason(
            `还有 ${c.unscreened} 条群众建议未筛选。`,
            `${c.unscreened} proposals are not screened yet.`,
          );
        if (c.candidates < c.minimumCandidates)
          return reason(
            `候选项目须多于票决项目（差额）：至少 ${c.minimumCandidates} 个，目前 ${c.candidates} 个。`,
            `At least ${c.minimumCandidates} candidates are needed; there are ${c.candidates}.`,
          );
        return true;
      },
      input: empty,
    }),
    action({
      name: 'start_vote',
      label: reason('提交代表票决', 'Put to the vote'),
      from: ['candidates'],
      to: 'voting',
      who: manager,
      input: startBallotSchema,
    }),
    action({
      name: 'runoff',
      label: reason('另行投票', 'Another vote'),
      from: ['voting'],
      to: 'voting',
      who: manager,
      guard: (c) =>
        c.vote?.status === 'closed' && c.vote.runoffNeeded
          ? true
          : reason(
              '只有末位同票、或有名额无人达到当选票数时才需另行投票。',
              'Another vote is only needed after a tie or with seats left.',
            ),
      input: startBallotSchema,
    }),
    action({
      name: 'conclude_vote',
      label: reason('按现有结果确定项目', 'Conclude with the current result'),
      from: ['voting'],
      to: 'implementing',
      who: manager,
      guard: (c) =>
        c.vote?.status === 'closed' ? true : reason('票决尚未结束。', 'The vote has not closed yet.'),
      input: empty,
    }),
    action({
      name: 'start_evaluation',
      label: reason('开展年终满意度测评', 'Start the year-end evaluation'),
      from: ['implementing'],
      to: 'evaluating',
      who: manager,
      guard: (c) => (c.selected > 0 ? true : reason('没有票决确定的项目。', 'No project was selected.')),
      input: startBallotSchema,
    }),
    action({
      name: 'publish',
      label: reason('公开结果', 'Publish the results'),
      from: ['implementing', 'evaluating', 'evaluated'],
      to: (c) => c.round.status as RoundStatus,
      who: manager,
      input: empty,
    }),
  ],
};
