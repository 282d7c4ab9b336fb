import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { DialectHelpers } from '../db/dialect/dialect.js';
import type { BallotRow } from '../db/schema-voting.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { DomainError } from '../platform/errors.js';
import { check, staleTransition } from '../workflow/workflow.js';
import type { BallotStatus, GroupKey, QuestionType } from '../../shared/schemas/ballots.js';
import type { BallotResults } from '../../shared/schemas/ballot-views.js';
import type { BallotsRepository } from './ballots.repository.js';
import type { VotesRepository } from './votes.repository.js';
import type { BallotsService } from './ballots.service.js';
import type { BallotLiveHub } from './ballot-live.js';
import { ballotWorkflow } from './ballot.workflow.js';
import { ballotErrors } from './ballots.errors.js';
import { electorateOf, passRuleOf } from './ballot.views.js';
import { parseStoredPaper } from './papers.js';
import { shuffled } from './secrecy.js';
import { tally } from './tally.js';

/**
 * What a domain that owns ballots (livelihood projects, evaluations) does when one closes: it
 * reads what it needs first, then returns the write to run inside the close transaction.
 */
export type CloseHandler = (
  ballot: BallotRow,
) => Promise<(trx: Executor, results: BallotResults) => Promise<void>>;

type By = Actor | 'schedule';

const notifyChunk = 1000;

/** Opens, closes and cancels ballots (by staff, or by their schedule), counting at close. */
export class BallotLifecycleService {
  private readonly closeHandlers = new Map<string, CloseHandler>();

  constructor(
    private readonly db: Db,
    private readonly dialect: DialectHelpers,
    private readonly ballots: BallotsRepository,
    private readonly votes: VotesRepository,
    private readonly reader: BallotsService,
    private readonly notifications: NotificationsService,
    private readonly live: BallotLiveHub,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Lets the domain owning ballots of `purpose` apply their results when they close. */
  onClose(purpose: string, handler: CloseHandler): void {
    this.closeHandlers.set(purpose, handler);
  }

  /** Runs a workflow action (open, close, cancel) for a member of staff. */
  async perform(actor: Actor, id: string, action: string, rawInput: unknown): Promise<BallotRow> {
    const { row, bodyPath } = await this.reader.visible(actor, id);
    const context = {
      ballot: row,
      actor,
      bodyPath,
      itemCount: await this.ballots.countItems(id),
      nowIso: this.clock.now().toISOString(),
    };
    const { input, from, to } = check(ballotWorkflow, action, context, rawInput);
    await this.move(actor, row, from, to, input);
    return (await this.ballots.findById(id)) ?? row;
  }

  /**
   * Opens or closes a ballot whose scheduled time has come. Called whenever a ballot is read or
   * voted in, so a schedule needs no background job; returns the current row.
   */
  async settle(row: BallotRow): Promise<BallotRow> {
    const now = this.clock.now().toISOString();
    const due =
      row.status === 'draft' && row.opens_at && row.opens_at <= now
        ? 'open'
        : row.status === 'open' && row.closes_at && row.closes_at <= now
          ? 'closed'
          : null;
    if (!due) return row;
    try {
      await this.move('schedule', row, row.status as BallotStatus, due, {});
    } catch (error) {
      // Someone else moved it first, or it cannot open (nobody to vote): it stays as it is and
      // staff see why when they open it by hand.
      if (!(error instanceof DomainError)) throw error;
    }
    return (await this.ballots.findById(row.id)) ?? row;
  }

  private async move(by: By, row: BallotRow, from: BallotStatus, to: BallotStatus, input: unknown) {
    const actor = by === 'schedule' ? null : by;
    if (to === 'open') await this.open(actor, row);
    else if (to === 'closed') await this.close(actor, row);
    else await this.cancel(actor, row, from, (input as { reason?: string }).reason ?? '');
    this.live.changed(row.id);
  }

  /** Snapshots the electorate, opens, and tells every voter. */
  private async open(actor: Actor | null, row: BallotRow): Promise<void> {
    const electors = await this.electorateRows(row);
    if (electors.length === 0) throw ballotErrors.noElectors();
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const moved = await this.ballots.transition(
        row.id,
        { status: 'draft', version: row.version },
        'open',
        { opened_at: at, electorate_size: electors.length, updated_at: at },
        trx,
      );
      if (!moved) throw staleTransition('ballot');
      await this.ballots.insertElectors(electors, trx);
      const deputyIds = electors.map((e) => e.deputy_id);
      for (let start = 0; start < deputyIds.length; start += notifyChunk)
        await this.notifications.notifyDeputies(trx, deputyIds.slice(start, start + notifyChunk), {
          kind: 'ballot.opened',
          title: `请投票：${row.title}`,
          body: row.closes_at ? `投票截止时间：${row.closes_at}` : '投票已开始，请及时投票。',
          link: `/votes/${row.id}`,
        });
      await this.audit.record(trx, {
        actor,
        action: 'ballot.open',
        targetType: 'ballot',
        targetId: row.id,
        bodyId: row.body_id,
        after: { electorate: electors.length, scheduled: actor === null },
      });
    });
  }

  /** Who may vote, as of now: the snapshot written when the ballot opens. */
  private async electorateRows(row: BallotRow) {
    const electorate = electorateOf(row);
    const rows = new Map<string, GroupKey>();
    if (electorate.kind === 'deputies') {
      for (const id of await this.ballots.activeDeputiesOfTerm(row.term_id)) rows.set(id, 'all');
    } else if (electorate.kind === 'standing_committee') {
      for (const id of await this.ballots.standingCommitteeOfTerm(row.term_id)) rows.set(id, 'all');
    } else {
      for (const id of await this.ballots.standingCommitteeOfTerm(row.term_id)) rows.set(id, 'members');
      const seated = new Set(await this.ballots.activeDeputiesOfTerm(row.term_id));
      for (const id of electorate.attendeeDeputyIds)
        if (seated.has(id) && !rows.has(id)) rows.set(id, 'attendees');
    }
    return [...rows].map(([deputyId, groupKey]) => ({
      ballot_id: row.id,
      deputy_id: deputyId,
      group_key: groupKey,
      present: 0,
    }));
  }

  /**
   * Closes and counts in one transaction: the compare-and-set waits for votes in flight (they
   * hold the ballot's row lock), the tally reads every paper, secret ballots are sealed, the
   * owning domain applies the results, and only counts go to the audit log.
   */
  private async close(actor: Actor | null, row: BallotRow): Promise<void> {
    const handler = row.purpose ? this.closeHandlers.get(row.purpose) : undefined;
    const apply = handler ? await handler(row) : null;
    const at = this.clock.now().toISOString();
    const secret = row.kind === 'secret';
    await this.db.transaction().execute(async (trx) => {
      const moved = await this.ballots.transition(
        row.id,
        { status: 'open', version: row.version },
        'closed',
        { closed_at: at, updated_at: at },
        trx,
      );
      if (!moved) throw staleTransition('ballot');
      const [items, choices, voted, electorate] = await Promise.all([
        this.ballots.items(row.id, trx),
        this.votes.choicesOf(row.id, trx),
        this.votes.votedPerGroup(row.id, trx),
        this.ballots.electorateCounts(row.id, trx),
      ]);
      const results = tally({
        questionType: row.question_type as QuestionType,
        maxSelections: row.max_selections,
        scoreMax: row.score_max,
        passRule: passRuleOf(row),
        electorate: row.electorate_size,
        groupElectorate: Object.fromEntries(electorate.map((g) => [g.group_key, Number(g.electors)])),
        groupVoted: Object.fromEntries(voted.map((g) => [g.group_key, Number(g.voted)])),
        items: items.map((item) => ({
          id: item.id,
          position: item.position,
          title: item.title,
          refId: item.ref_id,
        })),
        choices: choices.map((choice) => ({
          groupKey: choice.group_key as GroupKey,
          source: choice.source,
          paper: parseStoredPaper(choice.content_json),
        })),
      });
      if (secret)
        await this.votes.rewrite(
          row.id,
          await this.votes.participationsOf(row.id, trx),
          shuffled(choices),
          trx,
        );
      await this.ballots.storeResults(row.id, JSON.stringify(results), trx);
      if (apply) await apply(trx, results);
      await this.audit.record(trx, {
        actor,
        action: 'ballot.close',
        targetType: 'ballot',
        targetId: row.id,
        bodyId: row.body_id,
        after: {
          scheduled: actor === null,
          electorate: results.electorate,
          voted: results.voted,
          ballotsCast: results.ballotsCast,
          fullyValid: results.fullyValid,
          withInvalid: results.withInvalid,
          paper: results.paper,
          consistent: results.consistent,
        },
      });
    });
    // Old row versions of the sealed rows would still show the voting order (PostgreSQL).
    if (secret) await this.dialect.reclaimDeleted(this.db, ['ballot_choices', 'ballot_participations']);
  }

  private async cancel(actor: Actor | null, row: BallotRow, from: BallotStatus, reason: string) {
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const moved = await this.ballots.transition(
        row.id,
        { status: from, version: row.version },
        'cancelled',
        { closed_at: at, updated_at: at },
        trx,
      );
      if (!moved) throw staleTransition('ballot');
      await this.audit.record(trx, {
        actor,
        action: 'ballot.cancel',
        targetType: 'ballot',
        targetId: row.id,
        bodyId: row.body_id,
        before: { status: from },
        after: { status: 'cancelled', reason },
      });
    });
  }
}
