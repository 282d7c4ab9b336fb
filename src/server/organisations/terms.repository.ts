import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { TermsTable } from '../db/schema.js';

export type TermRow = Selectable<TermsTable>;

/** How many rows of each kind still reference a term. */
export interface TermUsage {
  sessions: number;
  delegations: number;
  deputyGroups: number;
  members: number;
  seats: number;
}

export class TermsRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string, executor: Executor = this.db): Promise<TermRow | undefined> {
    return executor.selectFrom('terms').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByNumber(
    bodyId: string,
    number: number,
    executor: Executor = this.db,
  ): Promise<TermRow | undefined> {
    return executor
      .selectFrom('terms')
      .selectAll()
      .where('body_id', '=', bodyId)
      .where('number', '=', number)
      .executeTakeFirst();
  }

  /** A body's terms, newest first. */
  async listByBody(bodyId: string, executor: Executor = this.db): Promise<TermRow[]> {
    return executor
      .selectFrom('terms')
      .selectAll()
      .where('body_id', '=', bodyId)
      .orderBy('number', 'desc')
      .execute();
  }

  async insert(row: Insertable<TermsTable>, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('terms').values(row).execute();
  }

  async update(id: string, changes: Updateable<TermsTable>, executor: Executor = this.db): Promise<void> {
    await executor.updateTable('terms').set(changes).where('id', '=', id).execute();
  }

  async delete(id: string, executor: Executor = this.db): Promise<void> {
    await executor.deleteFrom('terms').where('id', '=', id).execute();
  }

  async usage(id: string, executor: Executor = this.db): Promise<TermUsage> {
    const count = async (
      table:
        'congress_sessions' | 'delegations' | 'deputy_groups' | 'standing_committee_members' | 'deputy_seats',
    ) => {
      const row = await executor
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('term_id', '=', id)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    return {
      sessions: await count('congress_sessions'),
      delegations: await count('delegations'),
      deputyGroups: await count('deputy_groups'),
      members: await count('standing_committee_members'),
      seats: await count('deputy_seats'),
    };
  }
}
