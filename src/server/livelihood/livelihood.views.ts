import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders, unitIdsOf } from '../auth/actor.js';
import type { LivelihoodNominationRow, LivelihoodRoundRow } from '../db/schema-voting.js';
import type {
  ExclusionReason,
  Nomination,
  NominationStatus,
  ProjectStatus,
  ProjectSummary,
  RoundStatus,
  RoundSummary,
} from '../../shared/schemas/livelihood.js';
import { satisfactionSchema } from '../../shared/schemas/livelihood.js';
import type { ProjectWithUnit } from './livelihood.repository.js';
import { livelihoodManagers } from './round.workflow.js';

/** Candidates needed: more than the seats, and at least the ratio (力洋: 20 for 10 is 200%). */
export function minimumCandidates(seats: number, ratioPercent: number): number {
  return Math.max(seats + 1, Math.ceil((seats * ratioPercent) / 100));
}

export function managesLivelihood(actor: Actor, bodyPath: string): boolean {
  return coversBody(actor, livelihoodManagers, bodyPath);
}

/** Staff of the subtree, and the body's own deputies and unit users, follow its rounds. */
export function readsLivelihood(actor: Actor, body: { id: string; path: string }): boolean {
  return (
    coversBody(actor, organisationReaders, body.path) || actor.roles.some((grant) => grant.bodyId === body.id)
  );
}

/** The unit carrying a project out (and office staff) write its plan and progress. */
export function reportsOn(actor: Actor, bodyPath: string, unitIds: string[]): boolean {
  const own = unitIdsOf(actor);
  return managesLivelihood(actor, bodyPath) || unitIds.some((id) => own.includes(id));
}

export function toRoundSummary(row: LivelihoodRoundRow): RoundSummary {
  return {
    id: row.id,
    bodyId: row.body_id,
    year: row.year,
    title: row.title,
    status: row.status as RoundStatus,
    seats: row.seats,
    nominationStartsOn: row.nomination_starts_on,
    nominationEndsOn: row.nomination_ends_on,
    publishedAt: row.published_at,
    createdAt: row.created_at,
  };
}

export function toProjectSummary(row: ProjectWithUnit): ProjectSummary {
  const satisfaction = row.satisfaction_json
    ? satisfactionSchema.safeParse(JSON.parse(row.satisfaction_json))
    : null;
  return {
    id: row.id,
    roundId: row.round_id,
    position: row.position,
    title: row.title,
    description: row.description,
    investmentFen: row.investment_fen,
    unitId: row.unit_id,
    unitName: row.unit_name,
    completionDate: row.completion_date,
    status: row.status as ProjectStatus,
    votes: row.votes,
    voteRank: row.vote_rank,
    progressPercent: row.progress_percent,
    satisfaction: satisfaction?.success ? satisfaction.data : null,
    version: row.version,
  };
}

export function toNomination(row: LivelihoodNominationRow): Nomination {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    location: row.location,
    nominatorName: row.nominator_name,
    nominatorPhone: row.nominator_phone,
    status: row.status as NominationStatus,
    exclusionReason: row.exclusion_reason as ExclusionReason | null,
    screeningNote: row.screening_note,
    projectId: row.project_id,
    createdAt: row.created_at,
  };
}
