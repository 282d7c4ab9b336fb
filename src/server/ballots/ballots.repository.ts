import { sql } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type {
  BallotElectorsTable,
  BallotItemRow,
  BallotItemsTable,
  BallotRow,
  BallotsTable,
} from '../db/schema-voting.js';
import { inBatches } from '../deputies/batches.js';

export interface BallotListFilter {
  bodyId?: string;
  status?: string;
  /** Body path prefixes the actor reads (staff). */
  pathPrefixes: string[];
  /** Ballots this deputy is an elector of. */
  electorDeputyId: string | null;
}

/** Ballots, their items and their electorate snapshot. Votes live in `votes.repository.ts`. */
export class BallotsRepository {
  constructor(private readonly db: Db) {}

  async insert(row: Insertable<BallotsTable>, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('ballots').values(row).execute();
  }

  async findById(id: string, executor: Executor = this.db): Promise<BallotRow | undefined> {
    return executor.selectFrom('ballots').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The ballot, with the deputy's place in its electorate if they are one of its voters: one read. */
  async findWithElector(id: string, deputyId: string, executor: Executor = this.db) {
    const found = await executor
      .selectFrom('ballots as b')
      .leftJoin('ballot_electors as e', (join) =>
        join.onRef('e.ballot_id', '=', 'b.id').on('e.deputy_id', '=', deputyId),
      )
      .selectAll('b')
      .select(['e.group_key as elector_group', 'e.present as elector_present'])
      .where('b.id', '=', id)
      .executeTakeFirst();
    if (!found) return undefined;
    const { elector_group, elector_present, ...row } = found;
    const elector =
      elector_group === null ? undefined : { group_key: elector_group, present: elector_present ?? 0 };
    return { row, elector };
  }

  async findByPurpose(purpose: string, purposeId: string, executor: Executor = this.db) {
    return executor
      .selectFrom('ballots')
      .selectAll()
      .where('purpose', '=', purpose)
      .where('purpose_id', '=', purposeId)
      .orderBy('created_at')
      .execute();
  }

  /** Changes a draft only if nobody changed it since it was read. */
  async updateDraft(
    id: string,
    version: number,
    changes: Updateable<BallotsTable>,
    executor: Executor = this.db,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('ballots')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** The only writer of `status`: a compare-and-set on status and version. */
  async transition(
    id: string,
    from: { status: string; version: number },
    to: string,
    changes: Updateable<BallotsTable>,
    executor: Executor,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('ballots')
      .set({ ...changes, status: to, version: from.version + 1 })
      .where('id', '=', id)
      .where('status', '=', from.status)
      .where('version', '=', from.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async storeResults(id: string, resultsJson: string, executor: Executor): Promise<void> {
    await executor.updateTable('ballots').set({ results_json: resultsJson }).where('id', '=', id).execute();
  }

  async list(filter: BallotListFilter, page: number, pageSize: number) {
    let query = this.db.selectFrom('ballots as b').innerJoin('bodies as body', 'body.id', 'b.body_id');
    if (filter.bodyId) query = query.where('b.body_id', '=', filter.bodyId);
    if (filter.status) query = query.where('b.status', '=', filter.status);
    const { pathPrefixes, electorDeputyId } = filter;
    query = query.where((eb) =>
      eb.or([
        ...pathPrefixes.map((prefix) => eb('body.path', 'like', `${prefix}%`)),
        ...(electorDeputyId
          ? [
              eb.exists(
                eb
                  .selectFrom('ballot_electors as e')
                  .select('e.deputy_id')
                  .whereRef('e.ballot_id', '=', 'b.id')
                  .where('e.deputy_id', '=', electorDeputyId),
              ),
            ]
          : []),
        // Never true: keeps `or` valid when the actor reads nothing.
        sql<boolean>`1 = 0`,
      ]),
    );
    const [items, count] = await Promise.all([
      query
        .selectAll('b')
        .orderBy(sql`CASE b.status WHEN 'open' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END`)
        .orderBy('b.created_at', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.total) };
  }

  async insertItems(rows: Insertable<BallotItemsTable>[], executor: Executor): Promise<void> {
    await inBatches(rows, async (part) => {
      await executor.insertInto('ballot_items').values(part).execute();
    });
  }

  async deleteItems(ballotId: string, executor: Executor): Promise<void> {
    await executor.deleteFrom('ballot_items').where('ballot_id', '=', ballotId).execute();
  }

  async items(ballotId: string, executor: Executor = this.db): Promise<BallotItemRow[]> {
    return executor
      .selectFrom('ballot_items')
      .selectAll()
      .where('ballot_id', '=', ballotId)
      .orderBy('position')
      .execute();
  }

  async countItems(ballotId: string): Promise<number> {
    const row = await this.db
      .selectFrom('ballot_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ballot_id', '=', ballotId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertElectors(rows: Insertable<BallotElectorsTable>[], executor: Executor): Promise<void> {
    await inBatches(rows, async (part) => {
      await executor.insertInto('ballot_electors').values(part).execute();
    });
  }

  async elector(ballotId: string, deputyId: string, executor: Executor = this.db) {
    return executor
      .selectFrom('ballot_electors')
      .selectAll()
      .where('ballot_id', '=', ballotId)
      .where('deputy_id', '=', deputyId)
      .executeTakeFirst();
  }

  async electorsOf(ballotId: string, deputyIds: string[], executor: Executor = this.db) {
    if (deputyIds.length === 0) return [];
    return executor
      .selectFrom('ballot_electors')
      .selectAll()
      .where('ballot_id', '=', ballotId)
      .where('deputy_id', 'in', deputyIds)
      .execute();
  }

  /** Every elector with name, presence and whether they voted (never what). */
  async electorList(ballotId: string) {
    return this.db
      .selectFrom('ballot_electors as e')
      .innerJoin('deputies as d', 'd.id', 'e.deputy_id')
      .leftJoin('ballot_participations as p', (join) =>
        join.onRef('p.ballot_id', '=', 'e.ballot_id').onRef('p.deputy_id', '=', 'e.deputy_id'),
      )
      .select(['e.deputy_id', 'd.name', 'e.group_key', 'e.present', 'p.deputy_id as voted_id'])
      .where('e.ballot_id', '=', ballotId)
      .orderBy('e.group_key')
      .orderBy('d.name')
      .orderBy('e.deputy_id')
      .execute();
  }

  async setPresence(ballotId: string, deputyIds: string[], present: boolean, executor: Executor) {
    const result = await executor
      .updateTable('ballot_electors')
      .set({ present: present ? 1 : 0 })
      .where('ballot_id', '=', ballotId)
      .where('deputy_id', 'in', deputyIds)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Electors per group, and how many are checked in. */
  async electorateCounts(ballotId: string, executor: Executor = this.db) {
    return executor
      .selectFrom('ballot_electors')
      .select((eb) => [
        'group_key',
        eb.fn.countAll<number>().as('electors'),
        eb.fn.sum<number>('present').as('present'),
      ])
      .where('ballot_id', '=', ballotId)
      .groupBy('group_key')
      .execute();
  }

  /** Of these ballots, those where the deputy may vote and has not voted yet. */
  async awaiting(ballotIds: string[], deputyId: string): Promise<Set<string>> {
    if (ballotIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('ballot_electors as e')
      .innerJoin('ballots as b', 'b.id', 'e.ballot_id')
      .select('e.ballot_id')
      .where('e.ballot_id', 'in', ballotIds)
      .where('e.deputy_id', '=', deputyId)
      .where('b.status', '=', 'open')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('ballot_participations as p')
              .select('p.deputy_id')
              .whereRef('p.ballot_id', '=', 'e.ballot_id')
              .where('p.deputy_id', '=', deputyId),
          ),
        ),
      )
      .execute();
    return new Set(rows.map((row) => row.ballot_id));
  }

  /** Active seats of a term (the electorate "all deputies"). */
  async activeDeputiesOfTerm(termId: string, executor: Executor = this.db): Promise<string[]> {
    const rows = await executor
      .selectFrom('deputy_seats')
      .select('deputy_id')
      .where('term_id', '=', termId)
      .where('status', '=', 'active')
      .execute();
    return rows.map((row) => row.deputy_id);
  }

  async standingCommitteeOfTerm(termId: string, executor: Executor = this.db): Promise<string[]> {
    const rows = await executor
      .selectFrom('standing_committee_members')
      .select('deputy_id')
      .where('term_id', '=', termId)
      .execute();
    return rows.map((row) => row.deputy_id);
  }

  async termOf(termId: string) {
    return this.db.selectFrom('terms').selectAll().where('id', '=', termId).executeTakeFirst();
  }

  async sessionOf(sessionId: string) {
    return this.db.selectFrom('congress_sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
  }
}
