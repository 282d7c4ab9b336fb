import type { LivelihoodRoundRow } from '../db/schema-voting.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { notFound } from '../platform/errors.js';
import type { BallotsRepository } from '../ballots/ballots.repository.js';
import { resultsOf } from '../ballots/ballot.views.js';
import type { PublicRound, RoundStatus } from '../../shared/schemas/livelihood.js';
import type { LivelihoodRepository } from './livelihood.repository.js';
import type { ImplementationRepository } from './implementation.repository.js';
import { roundNoun } from './livelihood.errors.js';
import { toProjectSummary } from './livelihood.views.js';

/**
 * What the public reads without an account: rounds collecting proposals, and once published,
 * the selected projects with votes, progress, photos and year-end satisfaction.
 */
export class PublicRoundsService {
  constructor(
    private readonly rounds: LivelihoodRepository,
    private readonly work: ImplementationRepository,
    private readonly ballots: BallotsRepository,
    private readonly clock: Clock,
  ) {}

  async list(bodyId?: string): Promise<PublicRound[]> {
    const rows = await this.rounds.publicRounds(bodyId);
    return Promise.all(rows.map((row) => this.view(row)));
  }

  async get(id: string): Promise<PublicRound> {
    const row = await this.rounds.round(id);
    if (!row || (row.status !== 'nominating' && !row.published_at)) throw notFound(roundNoun, id);
    return this.view(row);
  }

  private async view(round: LivelihoodRoundRow): Promise<PublicRound> {
    const today = shanghaiDate(this.clock.now());
    const published = round.published_at !== null;
    const projects = published
      ? (await this.rounds.projectsOf(round.id))
          .filter((p) => p.status === 'selected')
          .sort((a, b) => (a.vote_rank ?? Infinity) - (b.vote_rank ?? Infinity))
      : [];
    const progress = await this.work.progressOf(projects.map((p) => p.id));
    const photos = await this.work.photosOf(progress.map((p) => p.id));
    const vote =
      published && round.vote_ballot_id ? await this.ballots.findById(round.vote_ballot_id) : undefined;
    const results = vote ? resultsOf(vote) : null;
    return {
      id: round.id,
      bodyName: await this.rounds.bodyName(round.body_id),
      year: round.year,
      title: round.title,
      description: round.description,
      status: round.status as RoundStatus,
      nominationStartsOn: round.nomination_starts_on,
      nominationEndsOn: round.nomination_ends_on,
      acceptingNominations:
        round.status === 'nominating' &&
        today >= round.nomination_starts_on &&
        today <= round.nomination_ends_on,
      seats: round.seats,
      published,
      projects: projects.map((project) => {
        const summary = toProjectSummary(project);
        const reports = progress.filter((p) => p.project_id === project.id);
        return {
          id: summary.id,
          title: summary.title,
          description: summary.description,
          investmentFen: summary.investmentFen,
          unitName: summary.unitName,
          completionDate: summary.completionDate,
          status: summary.status,
          votes: summary.votes,
          voteRank: summary.voteRank,
          progressPercent: summary.progressPercent,
          satisfaction: summary.satisfaction,
          latestProgress: reports[0]?.summary ?? null,
          photoIds: photos
            .filter((photo) => reports.some((r) => r.id === photo.owner_id))
            .map((photo) => photo.id),
        };
      }),
      voteResults: results
        ? { electorate: results.electorate, voted: results.voted, turnoutPercent: results.turnoutPercent }
        : null,
    };
  }
}
