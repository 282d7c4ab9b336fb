import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { FileRow } from '../deputies/files.repository.js';

const ownerType = 'suggestion';

/** Attachments of suggestions: rows of `files` owned by a suggestion (bytes under the data folder). */
export class SuggestionAttachmentsRepository {
  constructor(private readonly db: Db) {}

  /** Attachments of one item, oldest first. */
  async listOf(suggestionId: string): Promise<FileRow[]> {
    return this.db
      .selectFrom('files')
      .selectAll()
      .where('owner_type', '=', ownerType)
      .where('owner_id', '=', suggestionId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async countOf(suggestionId: string, executor: Executor = this.db): Promise<number> {
    const row = await executor
      .selectFrom('files')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_type', '=', ownerType)
      .where('owner_id', '=', suggestionId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** One attachment, only if it belongs to that item. */
  async find(suggestionId: string, fileId: string, executor: Executor = this.db) {
    return executor
      .selectFrom('files')
      .selectAll()
      .where('id', '=', fileId)
      .where('owner_type', '=', ownerType)
      .where('owner_id', '=', suggestionId)
      .executeTakeFirst();
  }

  async insert(row: FileRow, executor: Executor): Promise<void> {
    await executor.insertInto('files').values(row).execute();
  }

  async delete(suggestionId: string, fileId: string, executor: Executor): Promise<boolean> {
    const result = await executor
      .deleteFrom('files')
      .where('id', '=', fileId)
      .where('owner_type', '=', ownerType)
      .where('owner_id', '=', suggestionId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /**
   * Marks the item changed if it is still in one of `statuses`. The update holds the row's lock
   * until commit on PostgreSQL, so two uploads to one item count attachments one after the other.
   */
  async touchIfIn(suggestionId: string, statuses: string[], at: string, executor: Executor) {
    const result = await executor
      .updateTable('suggestions')
      .set({ updated_at: at })
      .where('id', '=', suggestionId)
      .where('status', 'in', statuses)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
