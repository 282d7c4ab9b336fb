import { sql } from 'kysely';
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { BallotChoiceRow, BallotChoicesTable, BallotParticipationsTable } from '../db/schema-voting.js';
import { inBatches } from '../deputies/batches.js';

export type ParticipationRow = Selectable<BallotParticipationsTable>;

/**
 * Votes: who voted (`ballot_participations`) and what was chosen (`ballot_choices`), kept apart
 * for secrecy (`secrecy.ts`). Every method takes the vote's transaction.
 */
export class VotesRepository {
  constructor(private readonly db: Db) {}

  /**
   * Takes the ballot's row lock for a vote and counts `papers` more ballots, only while the
   * ballot is open. A close waits for votes holding the lock, and votes after a close find it
   * closed, so a count never misses a committed vote. Votes take it last in their transaction,
   * so that it is held for their commit alone.
   */
  async lockOpenBallot(ballotId: string, papers: number, executor: Executor): Promise<boolean> {
    const result = await executor
      .updateTable('ballots')
      .set({ ballots_cast: sql`ballots_cast + ${papers}` })
      .where('id', '=', ballotId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Records that these deputies voted; a second ballot of anyone fails on the primary key. */
  async insertParticipations(rows: ParticipationRow[], executor: Executor): Promise<void> {
    await inBatches(rows, async (part) => {
      await executor.insertInto('ballot_participations').values(part).execute();
    });
  }

  async participation(
    ballotId: string,
    deputyId: string,
    executor: Executor = this.db,
  ): Promise<ParticipationRow | undefined> {
    return executor
      .selectFrom('ballot_participations')
      .selectAll()
      .where('ballot_id', '=', ballotId)
      .where('deputy_id', '=', deputyId)
      .executeTakeFirst();
  }

  async votedAmong(ballotId: string, deputyIds: string[], executor: Executor = this.db): Promise<string[]> {
    if (deputyIds.length === 0) return [];
    const rows = await executor
      .selectFrom('ballot_participations')
      .select('deputy_id')
      .where('ballot_id', '=', ballotId)
      .where('deputy_id', 'in', deputyIds)
      .execute();
    return rows.map((row) => row.deputy_id);
  }

  async setReceiptCheck(ballotId: string, deputyId: string, check: string, executor: Executor) {
    await executor
      .updateTable('ballot_participations')
      .set({ receipt_check: check })
      .where('ballot_id', '=', ballotId)
      .where('deputy_id', '=', deputyId)
      .execute();
  }

  async insertChoices(rows: Insertable<BallotChoicesTable>[], executor: Executor): Promise<void> {
    await inBatches(rows, async (part) => {
      await executor.insertInto('ballot_choices').values(part).execute();
    });
  }

  async choiceByReceipt(
    ballotId: string,
    receiptHash: string,
    executor: Executor = this.db,
  ): Promise<BallotChoiceRow | undefined> {
    return executor
      .selectFrom('ballot_choices')
      .selectAll()
      .where('ballot_id', '=', ballotId)
      .where('receipt_hash', '=', receiptHash)
      .executeTakeFirst();
  }

  async namedChoice(
    ballotId: string,
    deputyId: string,
    executor: Executor = this.db,
  ): Promise<BallotChoiceRow | undefined> {
    return executor
      .selectFrom('ballot_choices')
      .selectAll()
      .where('ballot_id', '=', ballotId)
      .where('deputy_id', '=', deputyId)
      .executeTakeFirst();
  }

  /** Replaces the paper of a choice (a changed vote). */
  async replaceChoice(
    id: string,
    changes: { content_json: string; valid: number; receipt_hash: string | null },
    executor: Executor,
  ): Promise<void> {
    await executor.updateTable('ballot_choices').set(changes).where('id', '=', id).execute();
  }

  /** Every choice of the ballot, in key order (random for secret ballots). */
  async choicesOf(ballotId: string, executor: Executor): Promise<BallotChoiceRow[]> {
    return executor
      .selectFrom('ballot_choices')
      .selectAll()
      .where('ballot_id', '=', ballotId)
      .orderBy('id')
      .execute();
  }

  /** Named ballots: who chose what, with names. */
  async namedChoicesWithNames(ballotId: string) {
    return this.db
      .selectFrom('ballot_choices as c')
      .innerJoin('deputies as d', 'd.id', 'c.deputy_id')
      .select(['c.deputy_id', 'd.name', 'c.source', 'c.valid', 'c.content_json'])
      .where('c.ballot_id', '=', ballotId)
      .orderBy('d.name')
      .execute();
  }

  /** Voters per group (participations joined to the electorate snapshot). */
  async votedPerGroup(ballotId: string, executor: Executor = this.db) {
    return executor
      .selectFrom('ballot_participations as p')
      .innerJoin('ballot_electors as e', (join) =>
        join.onRef('e.ballot_id', '=', 'p.ballot_id').onRef('e.deputy_id', '=', 'p.deputy_id'),
      )
      .select((eb) => ['e.group_key', eb.fn.countAll<number>().as('voted')])
      .where('p.ballot_id', '=', ballotId)
      .groupBy('e.group_key')
      .execute();
  }

  /**
   * Rewrites the ballot's votes so storage keeps no insertion order: participations in deputy
   * order, choices in the order given (shuffled by the caller). Runs in the close transaction.
   */
  async rewrite(
    ballotId: string,
    participations: ParticipationRow[],
    choices: BallotChoiceRow[],
    executor: Executor,
  ): Promise<void> {
    await executor.deleteFrom('ballot_choices').where('ballot_id', '=', ballotId).execute();
    await executor.deleteFrom('ballot_participations').where('ballot_id', '=', ballotId).execute();
    await this.insertParticipations(participations, executor);
    await this.insertChoices(choices, executor);
  }

  async participationsOf(ballotId: string, executor: Executor): Promise<ParticipationRow[]> {
    return executor
      .selectFrom('ballot_participations')
      .selectAll()
      .where('ballot_id', '=', ballotId)
      .orderBy('deputy_id')
      .execute();
  }
}
