import type { Db } from '../db/database.js';
import type { BallotRow } from '../db/schema-voting.js';
import { constraintViolation } from '../db/dialect/constraint-errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { BallotStatus, QuestionType, VoteInput, VoteResult } from '../../shared/schemas/ballots.js';
import type { BallotsRepository } from './ballots.repository.js';
import type { VotesRepository } from './votes.repository.js';
import type { BallotsService, VisibleBallot } from './ballots.service.js';
import type { BallotLifecycleService } from './ballot-lifecycle.service.js';
import type { BallotLiveHub } from './ballot-live.js';
import { ballotErrors } from './ballots.errors.js';
import type { PaperRules } from './papers.js';
import { normalisePaper, parseStoredPaper } from './papers.js';
import { choiceReceiptHash, newReceipt, randomChoiceId, voterReceiptHash } from './secrecy.js';

/**
 * Casting votes. One transaction per vote takes the ballot's row lock, records that the deputy
 * voted (the primary key refuses a second ballot, also from concurrent retries) and stores the
 * paper apart. Secret ballots write no audit entry per vote (`secrecy.ts`); named ones do.
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
    const visible = await this.reader.visible(actor, ballotId);
    const deputyId = actor.deputyId;
    if (!visible.elector || !deputyId) throw ballotErrors.notElector();
    const row = await this.openRow(visible);
    if (row.require_presence === 1 && visible.elector.present !== 1) throw ballotErrors.notPresent();
    const { previousReceipt, ...paper } = input;
    const { stored, fullyValid } = normalisePaper(await this.paperRules(row), paper);
    const existing = await this.votes.participation(ballotId, deputyId);
    if (existing) {
      if (row.allow_change !== 1) throw ballotErrors.alreadyVoted();
      return this.change(actor, row, deputyId, existing.receipt_check, previousReceipt, stored, fullyValid);
    }
    const secret = row.kind === 'secret';
    const receipt = secret ? newReceipt() : null;
    try {
      await this.db.transaction().execute(async (trx) => {
        if (!(await this.votes.lockOpenBallot(ballotId, 1, trx))) throw ballotErrors.notOpen();
        await this.votes.insertParticipations(
          [
            {
              ballot_id: ballotId,
              deputy_id: deputyId,
              receipt_check: receipt ? voterReceiptHash(receipt) : null,
            },
          ],
          trx,
        );
        await this.votes.insertChoices(
          [
            {
              id: randomChoiceId(),
              ballot_id: ballotId,
              group_key: visible.elector?.group_key ?? 'all',
              source: 'online',
              deputy_id: secret ? null : deputyId,
              valid: fullyValid ? 1 : 0,
              content_json: JSON.stringify(stored),
              receipt_hash: receipt ? choiceReceiptHash(receipt) : null,
            },
          ],
          trx,
        );
        if (!secret)
          await this.audit.record(trx, {
            actor,
            action: 'ballot.vote',
            targetType: 'ballot',
            targetId: ballotId,
            bodyId: row.body_id,
            after: { deputyId, paper: stored, valid: fullyValid },
          });
      });
    } catch (error) {
      // A concurrent retry of the same voter lost the race on the primary key.
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

  /** The ballot, settled against its schedule, if votes may be taken now. */
  private async openRow(visible: VisibleBallot): Promise<BallotRow> {
    const row = await this.lifecycle.settle(visible.row);
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
