/**
 * Bulk writer for the generator: one prepared INSERT per table, rows as arrays, committed every
 * `batch` rows in one transaction (better-sqlite3 does ~250k rows/s this way).
 */
import type Database from 'better-sqlite3';

export type Value = string | number | null;

export class BulkWriter {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly columns = new Map<string, string[]>();
  private pending = 0;
  readonly counts = new Map<string, number>();

  constructor(
    private readonly db: Database.Database,
    private readonly batch = 50_000,
  ) {
    db.exec('BEGIN');
  }

  /** Declares a table's columns, in the order rows will give them. */
  table(name: string, columns: string[]): void {
    this.columns.set(name, columns);
    this.statements.set(
      name,
      this.db.prepare(
        `INSERT INTO ${name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      ),
    );
  }

  columnsOf(name: string): string[] {
    const columns = this.columns.get(name);
    if (!columns) throw new Error(`table ${name} not declared`);
    return columns;
  }

  insert(name: string, row: Value[]): void {
    const statement = this.statements.get(name);
    if (!statement) throw new Error(`table ${name} not declared`);
    statement.run(row);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.pending += 1;
    if (this.pending >= this.batch) {
      this.db.exec('COMMIT');
      this.db.exec('BEGIN');
      this.pending = 0;
    }
  }

  /** Inserts an object row: its keys must be the declared columns. */
  insertObject(name: string, row: Record<string, Value>): void {
    this.insert(
      name,
      this.columnsOf(name).map((c) => {
        const value = row[c];
        if (value === undefined) throw new Error(`${name}.${c} missing`);
        return value;
      }),
    );
  }

  finish(): void {
    this.db.exec('COMMIT');
  }
}
