import type { z } from 'zod';
import type { Executor } from '../db/executor.js';
import type { BodyRow } from '../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { localiseIssues } from '../http/validation-messages.js';
import type { ImportError } from '../../shared/schemas/imports.js';
import type { SheetCells } from './xlsx-reader.js';

/** A row that passed its schema, with its Excel row number for messages. */
export interface ParsedRow<T> {
  row: number;
  data: T;
}

export interface ImportContext {
  /** Null: the system (the CLI). */
  actor: Actor | null;
  body: BodyRow;
}

export interface CreatedAccount {
  username: string;
  initialPassword: string;
}

/** What each kind (deputies, units, users) plugs into the import. */
export interface Importer<T> {
  readonly schema: z.ZodType<T, SheetCells>;
  /** Checks the schema-valid rows against each other and the database, recording errors. */
  check(context: ImportContext, rows: ParsedRow<T>[], errors: RowErrors): Promise<void>;
  /** Inserts the rows inside the import's transaction. */
  write(
    context: ImportContext,
    rows: ParsedRow<T>[],
    executor: Executor,
  ): Promise<{ imported: number; createdAccounts?: CreatedAccount[] }>;
}

/** The report lists this many errors; a file with more is usually one systematic mistake. */
export const reportedErrorLimit = 1000;

/** Errors by row: which rows are invalid, and the first errors to show. */
export class RowErrors {
  private readonly invalid = new Set<number>();
  private readonly listed: ImportError[] = [];
  private total = 0;

  add(row: number, column: string, value: string | number | null | undefined, message: string): void {
    this.invalid.add(row);
    this.total += 1;
    if (this.listed.length < reportedErrorLimit)
      this.listed.push({
        row,
        column,
        value: value === null || value === undefined ? null : String(value),
        message,
      });
  }

  /** Schema issues, worded like API validation messages with the column as the field name. */
  addIssues(
    row: number,
    issues: readonly z.core.$ZodIssue[],
    cells: SheetCells,
    fallbackColumn: string,
  ): void {
    for (const { code, path, message, ...params } of issues) {
      const column = typeof path[0] === 'string' ? path[0] : fallbackColumn;
      const [localised] = localiseIssues(
        [{ keyword: code, instancePath: `/${path.map(String).join('/')}`, message, params }],
        cells,
        undefined,
      );
      this.add(row, column, cells[column], localised?.message.zh ?? message);
    }
  }

  has(row: number): boolean {
    return this.invalid.has(row);
  }

  get invalidRows(): number {
    return this.invalid.size;
  }

  get truncated(): boolean {
    return this.total > this.listed.length;
  }

  /** The listed errors in row order. */
  list(): ImportError[] {
    return [...this.listed].sort((a, b) => a.row - b.row);
  }
}

/** First row of each key, to report later rows as duplicates of it. */
export class FirstSeen {
  private readonly rows = new Map<string, number>();

  /** The earlier row with this key, or undefined (and remembers this one). */
  check(key: string, row: number): number | undefined {
    const earlier = this.rows.get(key);
    if (earlier === undefined) this.rows.set(key, row);
    return earlier;
  }
}
