import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type {
  DelegationsTable,
  DeputyGroupsTable,
  DeputySeatRow,
  DeputySeatsTable,
  TermsTable,
} from '../db/schema.js';
import { inBatches } from './batches.js';

/** A seat with the names and body path the API and the access checks need. */
export interface SeatViewRow extends DeputySeatRow {
  body_name: string;
  body_path: string;
  term_number: number;
  delegation_name: string | null;
  group_name: string | null;
}

export class DeputySeatsRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string, executor: Executor = this.db): Promise<DeputySeatRow | undefined> {
    return executor.selectFrom('deputy_seats').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByTerm(
    deputyId: string,
    termId: string,
    executor: Executor = this.db,
  ): Promise<DeputySeatRow | undefined> {
    return executor
      .selectFrom('deputy_seats')
      .selectAll()
      .where('deputy_id', '=', deputyId)
      .where('term_id', '=', termId)
      .executeTakeFirst();
  }

  /** Every seat of the deputies, oldest first, with body, term, delegation and group names. */
  async viewsOf(deputyIds: string[], executor: Executor = this.db): Promise<SeatViewRow[]> {
    if (deputyIds.length === 0) return [];
    return executor
      .selectFrom('deputy_seats as s')
      .innerJoin('bodies as b', 'b.id', 's.body_id')
      .innerJoin('terms as t', 't.id', 's.term_id')
      .leftJoin('delegations as dl', 'dl.id', 's.delegation_id')
      .leftJoin('deputy_groups as g', 'g.id', 's.group_id')
      .selectAll('s')
      .select([
        'b.name as body_name',
        'b.path as body_path',
        't.number as term_number',
        'dl.name as delegation_name',
        'g.name as group_name',
      ])
      .where('s.deputy_id', 'in', deputyIds)
      .orderBy('s.created_at')
      .orderBy('s.id')
      .execute();
  }

  async insert(row: Insertable<DeputySeatsTable>, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('deputy_seats').values(row).execute();
  }

  async insertMany(rows: Insertable<DeputySeatsTable>[], executor: Executor = this.db): Promise<void> {
    await inBatches(rows, async (part) => {
      await executor.insertInto('deputy_seats').values(part).execute();
    });
  }

  async update(
    id: string,
    changes: Updateable<DeputySeatsTable>,
    executor: Executor = this.db,
  ): Promise<void> {
    await executor.updateTable('deputy_seats').set(changes).where('id', '=', id).execute();
  }

  // Reads of the organisation tables a seat refers to (their owners' services do the writing).

  async findTerm(id: string, executor: Executor = this.db): Promise<Selectable<TermsTable> | undefined> {
    return executor.selectFrom('terms').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findDelegation(
    id: string,
    executor: Executor = this.db,
  ): Promise<Selectable<DelegationsTable> | undefined> {
    return executor.selectFrom('delegations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findGroup(
    id: string,
    executor: Executor = this.db,
  ): Promise<Selectable<DeputyGroupsTable> | undefined> {
    return executor.selectFrom('deputy_groups').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
