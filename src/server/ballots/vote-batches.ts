import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { BallotChoicesTable } from '../db/schema-voting.js';
import { DomainError } from '../platform/errors.js';
import type { ParticipationRow, VotesRepository } from './votes.repository.js';
import { ballotErrors } from './ballots.errors.js';
import { shuffled } from './secrecy.js';

/** A vote ready to be written: who voted, the paper, and (named ballots) its audit entry. */
export interface PendingVote {
  participation: ParticipationRow;
  choice: Insertable<BallotChoicesTable>;
  /** Runs after the ballot's row lock in the same transaction (a named vote's audit entry). */
  after?: (trx: Executor) => Promise<void>;
}

interface Queued {
  vote: PendingVote;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Enough to empty any hall at once; keeps one transaction's statements bounded. */
const maxBatch = 500;

/**
 * Group commit of a ballot's votes. Every vote has to take the ballot's row lock, which orders it
 * against closing (`VotesRepository.lockOpenBallot`), so the votes of a ballot are written one
 * transaction at a time anyway; one transaction per vote made 3,000 votes cost 3,000 commits and
 * 15,000 statements, and on PostgreSQL 3,000 waits for the lock, each as long as a commit flush
 * (9.5–17.5 s for 3,000 votes in `npm run bench -- --only vote`).
 *
 * Here the votes of a ballot that arrive together, or while its transaction runs, wait for the
 * next one, and that transaction writes them all: the participations, the choices in random
 * order, the lock last (held for the commit alone). Each vote is answered only once its
 * transaction committed. If a transaction of several fails because of one vote (someone's second
 * ballot hits the primary key), each of them is written alone, so every vote gets its own
 * outcome; if the ballot has closed, all are refused. Several server processes (PostgreSQL)
 * each batch their own votes; the row lock orders their transactions as it did single votes.
 *
 * Secrecy gains a little: the votes of one transaction share their `xmin` on PostgreSQL, and
 * their choices are inserted in random order, so while the ballot is open a participation pairs
 * with a single choice only when its vote was written alone, as every vote was before.
 */
export class VoteBatches {
  private readonly queues = new Map<string, Queued[]>();

  constructor(
    private readonly db: Db,
    private readonly votes: VotesRepository,
  ) {}

  /** Writes the vote with the others of its ballot; settles when it is committed or refused. */
  write(ballotId: string, vote: PendingVote): Promise<void> {
    return new Promise((resolve, reject) => {
      const queued = { vote, resolve, reject };
      const queue = this.queues.get(ballotId);
      if (queue) {
        queue.push(queued);
        return;
      }
      this.queues.set(ballotId, [queued]);
      // One turn of the event loop first, so that votes whose requests are being read join too.
      setImmediate(() => void this.drain(ballotId));
    });
  }

  /** Writes what waits for the ballot, then what came meanwhile, until nothing is left. */
  private async drain(ballotId: string): Promise<void> {
    for (;;) {
      const queue = this.queues.get(ballotId) ?? [];
      if (queue.length === 0) {
        this.queues.delete(ballotId);
        return;
      }
      await this.commit(ballotId, queue.splice(0, maxBatch));
    }
  }

  private async commit(ballotId: string, batch: Queued[]): Promise<void> {
    try {
      await this.db.transaction().execute(async (trx) => {
        await this.votes.insertParticipations(
          batch.map((queued) => queued.vote.participation),
          trx,
        );
        await this.votes.insertChoices(shuffled(batch.map((queued) => queued.vote.choice)), trx);
        if (!(await this.votes.lockOpenBallot(ballotId, batch.length, trx))) throw ballotErrors.notOpen();
        for (const queued of batch) await queued.vote.after?.(trx);
      });
    } catch (error) {
      const closed = error instanceof DomainError && error.code === ballotErrors.notOpen().code;
      if (batch.length > 1 && !closed) {
        for (const queued of batch) await this.commit(ballotId, [queued]);
        return;
      }
      batch.forEach((queued) => queued.reject(error));
      return;
    }
    batch.forEach((queued) => queued.resolve());
  }
}
