import type { Selectable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { ContactsTable, RatingsTable, RepliesTable, ReplySignoffsTable } from '../db/schema.js';

export type ReplyRow = Selectable<RepliesTable> & { unit_name: string };
export type SignoffRow = Selectable<ReplySignoffsTable>;

/** Reply letters, their sign-off chain, ratings and contacts of suggestions being handled. */
export class RepliesRepository {
  constructor(private readonly db: Db) {}

  async ofSuggestion(suggestionId: string, executor: Executor = this.db): Promise<ReplyRow[]> {
    return executor
      .selectFrom('replies')
      .innerJoin('units', 'units.id', 'replies.unit_id')
      .selectAll('replies')
      .select('units.name as unit_name')
      .where('replies.suggestion_id', '=', suggestionId)
      .orderBy('replies.round')
      .orderBy('replies.created_at')
      .execute();
  }

  async findById(id: string, executor: Executor = this.db): Promise<ReplyRow | undefined> {
    return executor
      .selectFrom('replies')
      .innerJoin('units', 'units.id', 'replies.unit_id')
      .selectAll('replies')
      .select('units.name as unit_name')
      .where('replies.id', '=', id)
      .executeTakeFirst();
  }

  async draftFor(assignmentId: string, round: number, executor: Executor = this.db) {
    return executor
      .selectFrom('replies')
      .selectAll()
      .where('assignment_id', '=', assignmentId)
      .where('round', '=', round)
      .executeTakeFirst();
  }

  async insert(row: Selectable<RepliesTable>, executor: Executor): Promise<void> {
    await executor.insertInto('replies').values(row).execute();
  }

  /** Compare-and-set on the version so two signers of one step cannot both sign. */
  async update(
    id: string,
    version: number,
    changes: Updateable<RepliesTable>,
    executor: Executor,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('replies')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async signoffs(replyIds: string[], executor: Executor = this.db): Promise<SignoffRow[]> {
    if (replyIds.length === 0) return [];
    return executor
      .selectFrom('reply_signoffs')
      .selectAll()
      .where('reply_id', 'in', replyIds)
      .orderBy('step')
      .execute();
  }

  async insertSignoff(row: SignoffRow, executor: Executor): Promise<void> {
    await executor.insertInto('reply_signoffs').values(row).execute();
  }

  async ratings(suggestionId: string) {
    return this.db
      .selectFrom('ratings')
      .innerJoin('deputies', 'deputies.id', 'ratings.deputy_id')
      .selectAll('ratings')
      .select('deputies.name as deputy_name')
      .where('ratings.suggestion_id', '=', suggestionId)
      .orderBy('ratings.round')
      .orderBy('ratings.created_at')
      .execute();
  }

  async insertRating(row: Selectable<RatingsTable>, executor: Executor): Promise<void> {
    await executor.insertInto('ratings').values(row).execute();
  }

  async contacts(suggestionId: string) {
    return this.db
      .selectFrom('contacts')
      .innerJoin('units', 'units.id', 'contacts.unit_id')
      .selectAll('contacts')
      .select('units.name as unit_name')
      .where('contacts.suggestion_id', '=', suggestionId)
      .orderBy('contacts.contact_on')
      .execute();
  }

  async insertContact(row: Selectable<ContactsTable>, executor: Executor): Promise<void> {
    await executor.insertInto('contacts').values(row).execute();
  }

  async setPlan(
    assignmentId: string,
    plan: {
      handler_name: string;
      handler_phone: string;
      plan: string;
      planned_finish_on: string;
      updated_at: string;
    },
    executor: Executor,
  ) {
    await executor.updateTable('assignments').set(plan).where('id', '=', assignmentId).execute();
  }
}
