import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { FilesTable } from '../db/schema.js';

export type FileRow = Selectable<FilesTable>;

/** Metadata of stored uploads; the bytes live under the data folder (`storage_path`). */
export class FilesRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string, executor: Executor = this.db): Promise<FileRow | undefined> {
    return executor.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(row: FileRow, executor: Executor = this.db): Promise<void> {
    await executor.insertInto('files').values(row).execute();
  }

  async delete(id: string, executor: Executor = this.db): Promise<void> {
    await executor.deleteFrom('files').where('id', '=', id).execute();
  }
}
