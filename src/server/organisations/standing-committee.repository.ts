import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { StandingCommitteeMembersTable } from '../db/schema.js';

export type StandingCommitteeMemberRow = Selectable<StandingCommitteeMembersTable>;
export type MemberWithNameRow = StandingCommitteeMemberRow & { deputy_name: string };

export class StandingCommitteeRepository {
  constructor(private readonly db: Db) {}

  private selectWithName(executor: Executor) {
    return executor
      .selectFrom('standing_committee_members as m')
      .innerJoin('deputies as d', 'd.id', 'm.deputy_id')
      .selectAll('m')
      .select('d.name as deputy_name');
  }

  async findById(id: string, executor: Executor = this.db): Promise<MemberWithNameRow | undefined> {
    return this.selectWithName(executor).where('m.id', '=', id).executeTakeFirst();
  }

  async findByDeputy(
    termId: string,
    deputyId: string,
    executor: Executor = this.db,
  ): Promise<StandingCommitteeMemberRow | undefined> {
    return executor
      .selectFrom('standing_committee_members')
      .selectAll()
      .where('term_id', '=', termId)
      .where('deputy_id', '=', deputyId)
      .executeTakeFirst();
  }

  async list(
    filter: { bodyId?: string; termId?: string },
    executor: Executor = this.db,
  ): Promise<MemberWithNameRow[]> {
    let query = this.selectWithName(executor);
    if (filter.bodyId) query = query.where('m.body_id', '=', filter.bodyId);
    if (filter.termId) query = query.where('m.term_id', '=', filter.termId);
    return query.orderBy('d.name').orderBy('m.id').execute();
  }

  /** The deputy's name, or undefined when there is no such deputy. */
  async deputyName(deputyId: string, executor: Executor = this.db): Promise<string | undefined> {
    const row = await executor
      .selectFrom('deputies')
      .select('name')
      .where('id', '=', deputyId)
      .executeTakeFirst();
    return row?.name;
  }

  async insert(row: Insertable<StandingCommitteeMembersTable>, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('standing_committee_members').values(row).execute();
  }

  async update(
    id: string,
    changes: Updateable<StandingCommitteeMembersTable>,
    executor: Executor = this.db,
  ): Promise<void> {
    await executor.updateTable('standing_committee_members').set(changes).where('id', '=', id).execute();
  }

  async delete(id: string, executor: Executor = this.db): Promise<void> {
    await executor.deleteFrom('standing_committee_members').where('id', '=', id).execute();
  }
}
