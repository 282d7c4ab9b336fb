import type { Actor } from '../auth/actor.js';
import type { Locale } from '../http/locale.js';
import type { Clock } from '../platform/clock.js';
import { notFound } from '../platform/errors.js';
import { availability } from '../workflow/workflow.js';
import type { BallotStatus } from '../../shared/schemas/ballots.js';
import type {
  BallotDetail,
  BallotResults,
  LiveSnapshot,
  NamedVote,
} from '../../shared/schemas/ballot-views.js';
import type { BallotsRepository } from './ballots.repository.js';
import type { VotesRepository } from './votes.repository.js';
import type { BallotsService } from './ballots.service.js';
import type { BallotLifecycleService } from './ballot-lifecycle.service.js';
import { ballotWorkflow } from './ballot.workflow.js';
import { ballotErrors, ballotNoun } from './ballots.errors.js';
import { localiseActions, readsBallot, resultsOf, toDetail } from './ballot.views.js';
import { parseStoredPaper } from './papers.js';

/** Reading ballots: the detail page, the live screen's snapshot, results and named votes. */
export class BallotQueriesService {
  constructor(
    private readonly ballots: BallotsRepository,
    private readonly votes: VotesRepository,
    private readonly reader: BallotsService,
    private readonly lifecycle: BallotLifecycleService,
    private readonly clock: Clock,
  ) {}

  async detail(actor: Actor, id: string, locale: Locale): Promise<BallotDetail> {
    const visible = await this.reader.visible(actor, id);
    const row = await this.lifecycle.settle(visible.row);
    const items = await this.ballots.items(id);
    const voted = actor.deputyId ? await this.votes.participation(id, actor.deputyId) : undefined;
    const actions = visible.manages
      ? availability(ballotWorkflow, {
          ballot: row,
          actor,
          bodyPath: visible.bodyPath,
          itemCount: items.length,
          nowIso: this.clock.now().toISOString(),
        })
      : [];
    return toDetail(row, items, {
      actions: localiseActions(actions, locale),
      canManage: visible.manages,
      me: {
        eligible: visible.elector !== undefined,
        present: visible.elector?.present === 1,
        voted: voted !== undefined,
      },
    });
  }

  /** Turnout while open (never who voted how), the results once closed. */
  async snapshot(actor: Actor, id: string): Promise<LiveSnapshot> {
    const visible = await this.reader.visible(actor, id);
    const row = await this.lifecycle.settle(visible.row);
    const counts = row.status === 'draft' ? [] : await this.ballots.electorateCounts(id);
    return {
      ballotId: row.id,
      title: row.title,
      status: row.status as BallotStatus,
      electorate: row.electorate_size,
      present: counts.reduce((sum, group) => sum + Number(group.present ?? 0), 0),
      voted: row.ballots_cast,
      closesAt: row.closes_at,
      results: row.status === 'closed' ? resultsOf(row) : null,
    };
  }

  async results(actor: Actor, id: string): Promise<BallotResults> {
    const visible = await this.reader.visible(actor, id);
    const row = await this.lifecycle.settle(visible.row);
    const results = row.status === 'closed' ? resultsOf(row) : null;
    if (!results) throw ballotErrors.notClosed();
    return results;
  }

  /** A closed named ballot's votes by name (a named vote is public by its nature). */
  async namedVotes(actor: Actor, id: string): Promise<NamedVote[]> {
    const { row, bodyPath } = await this.reader.visible(actor, id);
    if (!readsBallot(actor, bodyPath) || row.kind !== 'named') throw notFound(ballotNoun, id);
    if (row.status !== 'closed') throw ballotErrors.notClosed();
    const rows = await this.votes.namedChoicesWithNames(id);
    return rows.map((r) => ({
      deputyId: r.deputy_id ?? '',
      name: r.name,
      source: r.source,
      valid: r.valid === 1,
      paper: parseStoredPaper(r.content_json),
    }));
  }
}
