import type { Db } from '../db/database.js';
import { constraintViolation } from '../db/dialect/constraint-errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { AttendanceInput, PaperBatch } from '../../shared/schemas/ballots.js';
import type { BallotsRepository } from './ballots.repository.js';
import type { VotesRepository } from './votes.repository.js';
import type { BallotsService } from './ballots.service.js';
import type { BallotLifecycleService } from './ballot-lifecycle.service.js';
import type { BallotLiveHub } from './ballot-live.js';
import type { VotingService } from './voting.service.js';
import { ballotErrors } from './ballots.errors.js';
import { normalisePaper } from './papers.js';
import { randomChoiceId, shuffled } from './secrecy.js';

/** Work of the staff at the hall: checking deputies in, and entering paper ballots as tellers. */
export class TellersService {
  constructor(
    private readonly db: Db,
    private readonly ballots: BallotsRepository,
    private readonly votes: VotesRepository,
    private readonly reader: BallotsService,
    private readonly lifecycle: BallotLifecycleService,
    private readonly voting: VotingService,
    private readonly live: BallotLiveHub,
    private readonly audit: AuditService,
  ) {}

  /** Marks electors present (or not); ballots that require presence let only them vote. */
  async attendance(actor: Actor, ballotId: string, input: AttendanceInput): Promise<number> {
    const { row } = await this.reader.managed(actor, ballotId);
    if (row.status !== 'open') throw ballotErrors.notOpen();
    const deputyIds = [...new Set(input.deputyIds)];
    const changed = await this.db.transaction().execute(async (trx) => {
      const count = await this.ballots.setPresence(ballotId, deputyIds, input.present, trx);
      await this.audit.record(trx, {
        actor,
        action: input.present ? 'ballot.check_in' : 'ballot.check_out',
        targetType: 'ballot',
        targetId: ballotId,
        bodyId: row.body_id,
        after: { deputyIds, changed: count },
      });
      return count;
    });
    this.live.changed(ballotId);
    return changed;
  }

  /**
   * Paper ballots collected at the hall, entered by a teller: the deputies who handed one in
   * and the papers as read. On a secret ballot the papers are stored in random order, not
   * matched to the deputies (one batch per group: members and attendees are counted apart).
   */
  async enterPapers(actor: Actor, ballotId: string, batch: PaperBatch): Promise<{ entered: number }> {
    const visible = await this.reader.managed(actor, ballotId);
    const row = await this.lifecycle.settle(visible.row);
    if (row.status !== 'open') throw ballotErrors.notOpen();
    const deputyIds = batch.deputyIds;
    if (new Set(deputyIds).size !== deputyIds.length)
      throw ballotErrors.paperVoters('同一代表在本批中出现了两次', 'a deputy is listed twice');
    if (batch.papers.length !== deputyIds.length) throw ballotErrors.paperCountMismatch();
    const electors = await this.ballots.electorsOf(ballotId, deputyIds);
    if (electors.length !== deputyIds.length)
      throw ballotErrors.paperVoters(
        `有 ${deputyIds.length - electors.length} 人不在本次表决的投票人名单中`,
        'some deputies are not voters of this ballot',
      );
    if (row.require_presence === 1 && electors.some((e) => e.present !== 1))
      throw ballotErrors.paperVoters(
        '本次表决须签到后投票，有代表未签到',
        'some deputies have not checked in',
      );
    const secret = row.kind === 'secret';
    const groupOf = new Map(electors.map((e) => [e.deputy_id, e.group_key]));
    if (secret && new Set(electors.map((e) => e.group_key)).size > 1) throw ballotErrors.paperMixedGroups();
    const already = await this.votes.votedAmong(ballotId, deputyIds);
    if (already.length > 0)
      throw ballotErrors.paperVoters(
        `有 ${already.length} 名代表已经投过票`,
        `${already.length} of the deputies have already voted`,
      );
    const rules = await this.voting.paperRules(row);
    const papers = batch.papers.map((paper, index) => {
      const { stored, fullyValid } = normalisePaper(rules, paper);
      const deputyId = deputyIds[index] ?? '';
      return {
        id: randomChoiceId(),
        ballot_id: ballotId,
        group_key: groupOf.get(deputyId) ?? 'all',
        source: 'paper',
        deputy_id: secret ? null : deputyId,
        valid: fullyValid ? 1 : 0,
        content_json: JSON.stringify(stored),
        receipt_hash: null,
      };
    });
    try {
      await this.db.transaction().execute(async (trx) => {
        if (!(await this.votes.lockOpenBallot(ballotId, papers.length, trx))) throw ballotErrors.notOpen();
        await this.votes.insertParticipations(
          deputyIds.map((deputyId) => ({ ballot_id: ballotId, deputy_id: deputyId, receipt_check: null })),
          trx,
        );
        await this.votes.insertChoices(secret ? shuffled(papers) : papers, trx);
        await this.audit.record(trx, {
          actor,
          action: 'ballot.paper_batch',
          targetType: 'ballot',
          targetId: ballotId,
          bodyId: row.body_id,
          // Who handed in paper is known at the hall; what they chose is recorded only when named.
          after: secret
            ? { entered: papers.length, deputyIds }
            : {
                entered: papers.length,
                papers: papers.map((p) => ({ deputyId: p.deputy_id, paper: p.content_json })),
              },
        });
      });
    } catch (error) {
      if (constraintViolation(error) === 'unique') throw ballotErrors.alreadyVoted();
      throw error;
    }
    this.live.changed(ballotId);
    return { entered: papers.length };
  }
}
