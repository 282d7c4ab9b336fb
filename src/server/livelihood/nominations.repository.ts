import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { LivelihoodNominationRow, LivelihoodNominationsTable } from '../db/schema-voting.js';

/** Proposals from the public and their screening. */
export class NominationsRepository {
  constructor(private readonly db: Db) {}

  async insert(row: Insertable<LivelihoodNominationsTable>, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('livelihood_nominations').values(row).execute();
  }

  async findById(id: string, executor: Executor = this.db): Promise<LivelihoodNominationRow | undefined> {
    return executor.selectFrom('livelihood_nominations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async ofRound(roundId: string, status?: string): Promise<LivelihoodNominationRow[]> {
    let query = this.db.selectFrom('livelihood_nominations').selectAll().where('round_id', '=', roundId);
    if (status) query = query.where('status', '=', status);
    return query.orderBy('created_at').orderBy('id').execute();
  }

  async countsByStatus(roundId: string): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('livelihood_nominations')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .where('round_id', '=', roundId)
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
  }

  /** Proposals of a round from one contact, or from one address since a time. */
  async countFrom(roundId: string, key: { contact?: string; address?: string; sinceIso?: string }) {
    let query = this.db
      .selectFrom('livelihood_nominations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('round_id', '=', roundId);
    if (key.contact) query = query.where('contact_key', '=', key.contact);
    if (key.address) query = query.where('address_key', '=', key.address);
    if (key.sinceIso) query = query.where('created_at', '>=', key.sinceIso);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async screen(
    id: string,
    changes: Updateable<LivelihoodNominationsTable>,
    executor: Executor,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('livelihood_nominations')
      .set(changes)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async linkToProject(ids: string[], projectId: string, executor: Executor): Promise<void> {
    if (ids.length === 0) return;
    await executor
      .updateTable('livelihood_nominations')
      .set({ project_id: projectId })
      .where('id', 'in', ids)
      .execute();
  }

  async titlesOfProject(projectId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('livelihood_nominations')
      .select('title')
      .where('project_id', '=', projectId)
      .orderBy('created_at')
      .execute();
    return rows.map((row) => row.title);
  }
}
