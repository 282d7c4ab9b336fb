import type { Db } from '../db/database.js';
import type { BallotRow } from '../db/schema-voting.js';
import { constraintViolation } from '../db/dialect/constraint-errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { BallotStatus, QuestionType, VoteInput, VoteResult } from '../../shared/schemas/ballots.js';
import type { BallotsRepository } from './ballots.repository.js';
import type { VotesRepository } from './votes.repository.js';
import type { BallotsService } from './ballots.service.js';
import type { BallotLifecycleService } from './ballot-lifecycle.service.js';
import type { BallotLiveHub } from './ballot-live.js';
import type { VoteBatches } from './vote-batches.js';
import { ballotErrors } from './ballots.errors.js';
import type { PaperRules } from './papers.js';
import { normalisePaper, parseStoredPaper } from './papers.js';
import { choiceReceiptHash, newReceipt, randomChoiceId, voterReceiptHash } from './secrecy.js';

/**
 * Casting votes. A vote's transaction (shared with the others of its ballot that arrive at the
 * same time, `vote-batches.ts`) records that the deputy voted (the primary key refuses a second
 * ballot, also from concurrent retries), stores the paper apart and takes the ballot's row lock,
 * which refuses it once the ballot closed. Secret ballots write no audit entry per vote
 * (`secrecy.ts`); named ones do.
 */
export class VotingService {
  /** Items never change once a ballot opens, so votes need not read them again. */
  private readonly rulesCache = new Map<string, PaperRules>();

  constructor(
    private readonly db: Db,
    private readonly ballots: BallotsRepository,
    private readonly votes: VotesRepository,
    private readonly reader: BallotsService,
    private readonly lifecycle: BallotLifecycleService,
    private readonly live: BallotLiveHub,
    private readonly audit: AuditService,
    private readonly batches: VoteBatches,
  ) {}

  /** The paper rules of a ballot that has opened. */
  async paperRules(row: BallotRow): Promise<PaperRules> {
    const cached = this.rulesCache.get(row.id);
    if (cached) return cached;
    const rules: PaperRules = {
      questionType: row.question_type as QuestionType,
      maxSelections: row.max_selections,
      scoreMax: row.score_max,
      itemIds: (await this.ballots.items(row.id)).map((item) => item.id),
    };
    if (row.status !== 'draft') this.rulesCache.set(row.id, rules);
    return rules;
  }

  /** An elector's vote (or, where allowed, their changed vote). */
  async cast(actor: Actor, ballotId: string, input: VoteInput): Promise<VoteResult> {
    const { row: found, elector, deputyId } = await this.electorOf(actor, ballotId);
    const row = await this.openRow(found);
    if (row.require_presence === 1 && elector.present !== 1) throw ballotErrors.notPresent();
    const { previousReceipt, ...paper } = input;
    const { stored, fullyValid } = normalisePaper(await this.paperRules(row), paper);
    // Where votes cannot change, the primary key alone refuses a second one: no read before.
    const existing = row.allow_change === 1 ? await this.votes.participation(ballotId, deputyId) : undefined;
    if (existing)
      return this.change(actor, row, deputyId, existing.receipt_check, previousReceipt, stored, fullyValid);
    const secret = row.kind === 'secret';
    const receipt = secret ? newReceipt() : null;
    try {
      await this.batches.write(ballotId, {
        participation: {
          ballot_id: ballotId,
          deputy_id: deputyId,
          receipt_check: receipt ? voterReceiptHash(receipt) : null,
        },
        choice: {
          id: randomChoiceId(),
          ballot_id: ballotId,
          group_key: elector.group_key,
          source: 'online',
          deputy_id: secret ? null : deputyId,
          valid: fullyValid ? 1 : 0,
          content_json: JSON.stringify(stored),
          receipt_hash: receipt ? choiceReceiptHash(receipt) : null,
        },
        after: secret
          ? undefined
          : (trx) =>
              this.audit.record(trx, {
                actor,
                action: 'ballot.vote',
                targetType: 'ballot',
                targetId: ballotId,
                bodyId: row.body_id,
                after: { deputyId, paper: stored, valid: fullyValid },
              }),
      });
    } catch (error) {
      // A second vote, or a concurrent retry of the same voter, fails on the primary key.
      if (constraintViolation(error) === 'unique') throw ballotErrors.alreadyVoted();
      throw error;
    }
    this.live.changed(ballotId);
    return { ballotId, receipt, valid: fullyValid, changed: false };
  }

  /**
   * A changed vote replaces the paper in place. On a secret ballot the voter proves with their
   * receipt that the paper is theirs; the receipt stays the same, and the participation row is
   * not touched, so the change writes nothing that names the voter.
   */
  private async change(
    actor: Actor,
    row: BallotRow,
    deputyId: string,
    receiptCheck: string | null,
    previousReceipt: string | undefined,
    stored: object,
    fullyValid: boolean,
  ): Promise<VoteResult> {
    const secret = row.kind === 'secret';
    if (secret && !previousReceipt) throw ballotErrors.receiptNeeded();
    if (secret && (!previousReceipt || voterReceiptHash(previousReceipt) !== receiptCheck))
      throw ballotErrors.receiptMismatch();
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.votes.lockOpenBallot(row.id, 0, trx))) throw ballotErrors.notOpen();
      const choice =
        secret && previousReceipt
          ? await this.votes.choiceByReceipt(row.id, choiceReceiptHash(previousReceipt), trx)
          : await this.votes.namedChoice(row.id, deputyId, trx);
      if (!choice) throw ballotErrors.receiptMismatch();
      await this.votes.replaceChoice(
        choice.id,
        {
          content_json: JSON.stringify(stored),
          valid: fullyValid ? 1 : 0,
          receipt_hash: choice.receipt_hash,
        },
        trx,
      );
      if (!secret)
        await this.audit.record(trx, {
          actor,
          action: 'ballot.vote_changed',
          targetType: 'ballot',
          targetId: row.id,
          bodyId: row.body_id,
          before: { deputyId, paper: parseStoredPaper(choice.content_json) },
          after: { deputyId, paper: stored, valid: fullyValid },
        });
    });
    this.live.changed(row.id);
    return {
      ballotId: row.id,
      receipt: secret ? (previousReceipt ?? null) : null,
      valid: fullyValid,
      changed: true,
    };
  }

  /**
   * The ballot and the actor's place in its electorate, in one read. Someone not among its voters
   * gets what `visible` gives them: 404 if they may not see the ballot, else "not a voter".
   */
  private async electorOf(actor: Actor, ballotId: string) {
    const deputyId = actor.deputyId;
    const found = deputyId ? await this.ballots.findWithElector(ballotId, deputyId) : undefined;
    if (deputyId && found?.elector) return { row: found.row, elector: found.elector, deputyId };
    await this.reader.visible(actor, ballotId);
    throw ballotErrors.notElector();
  }

  /** The ballot, settled against its schedule, if votes may be taken now. */
  private async openRow(found: BallotRow): Promise<BallotRow> {
    const row = await this.lifecycle.settle(found);
    if (row.status !== 'open') throw ballotErrors.notOpen();
    return row;
  }

  /** Finds the paper stored under a receipt: the voter's check that their vote was counted. */
  async lookupReceipt(actor: Actor, ballotId: string, receipt: string) {
    const { row } = await this.reader.visible(actor, ballotId);
    const choice = await this.votes.choiceByReceipt(ballotId, choiceReceiptHash(receipt));
    const paper = choice ? parseStoredPaper(choice.content_json) : null;
    return {
      found: choice !== undefined,
      ballotStatus: row.status as BallotStatus,
      valid: choice ? choice.valid === 1 : null,
      paper,
    };
  }
}
