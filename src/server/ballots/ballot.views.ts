import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders } from '../auth/actor.js';
import type { BallotItemRow, BallotRow } from '../db/schema-voting.js';
import type { Locale } from '../http/locale.js';
import type { ActionAvailability } from '../workflow/workflow.js';
import type { BallotKind, BallotStatus, QuestionType } from '../../shared/schemas/ballots.js';
import type { BallotDetail, BallotResults, BallotSummary } from '../../shared/schemas/ballot-views.js';
import { electorateSchema, passRuleSchema } from '../../shared/schemas/ballots.js';
import { ballotResultsSchema } from '../../shared/schemas/ballot-views.js';
import { ballotManagers } from './ballot.workflow.js';

/** Staff who read ballots of their subtree, and those who run them. */
export const ballotReaders = organisationReaders;

export function managesBallot(actor: Actor, bodyPath: string): boolean {
  return coversBody(actor, ballotManagers, bodyPath);
}

export function readsBallot(actor: Actor, bodyPath: string): boolean {
  return coversBody(actor, ballotReaders, bodyPath);
}

export function toSummary(row: BallotRow, awaitingMyVote: boolean): BallotSummary {
  return {
    id: row.id,
    bodyId: row.body_id,
    title: row.title,
    kind: row.kind as BallotKind,
    questionType: row.question_type as QuestionType,
    status: row.status as BallotStatus,
    purpose: row.purpose,
    electorateSize: row.electorate_size,
    ballotsCast: row.ballots_cast,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    awaitingMyVote,
  };
}

export function passRuleOf(row: BallotRow) {
  return passRuleSchema.parse(JSON.parse(row.pass_rule_json));
}

export function electorateOf(row: BallotRow) {
  return electorateSchema.parse(JSON.parse(row.electorate_json));
}

export function resultsOf(row: BallotRow): BallotResults | null {
  if (!row.results_json) return null;
  const parsed = ballotResultsSchema.safeParse(JSON.parse(row.results_json));
  return parsed.success ? parsed.data : null;
}

export function localiseActions(actions: ActionAvailability[], locale: Locale) {
  return actions.map((a) => ({
    action: a.action,
    label: a.label[locale],
    allowed: a.allowed,
    reason: a.reason ? a.reason[locale] : null,
  }));
}

export function toDetail(
  row: BallotRow,
  items: BallotItemRow[],
  extra: Pick<BallotDetail, 'actions' | 'canManage' | 'me'>,
): BallotDetail {
  return {
    ...toSummary(row, extra.me.eligible && !extra.me.voted && row.status === 'open'),
    termId: row.term_id,
    sessionId: row.session_id,
    description: row.description,
    maxSelections: row.max_selections,
    scoreMax: row.score_max,
    electorate: electorateOf(row),
    passRule: passRuleOf(row),
    allowChange: row.allow_change === 1,
    requirePresence: row.require_presence === 1,
    purposeId: row.purpose_id,
    version: row.version,
    items: items.map((item) => ({
      id: item.id,
      position: item.position,
      title: item.title,
      description: item.description,
      refId: item.ref_id,
    })),
    ...extra,
    // Results are published when the ballot closes, not before.
    results: row.status === 'closed' ? resultsOf(row) : null,
  };
}
