/** Results of the scenarios, the one table, and the JSON file. */
import fs from 'node:fs';
import path from 'node:path';

export interface Measured {
  /** The figure shown, e.g. `38 ms`; `not available` when the endpoint does not exist yet. */
  shown: string;
  /** The number compared with the target (null: not measured). */
  value: number | null;
  pass: boolean | null;
  bare?: string;
  ratio?: string;
  detail?: unknown;
}

export interface ResultRow {
  key: string;
  what: string;
  target: string;
  sqlite?: Measured;
  postgres?: Measured;
}

export class Results {
  readonly rows: ResultRow[] = [];

  add(key: string, what: string, target: string, backend: 'sqlite' | 'postgres', measured: Measured) {
    let row = this.rows.find((r) => r.key === key);
    if (!row) {
      row = { key, what, target };
      this.rows.push(row);
    }
    row[backend] = measured;
  }

  notAvailable(
    key: string,
    what: string,
    target: string,
    backend: 'sqlite' | 'postgres',
    why = 'not available',
  ) {
    this.add(key, what, target, backend, { shown: why, value: null, pass: null });
  }
}

const verdict = (pass: boolean | null | undefined) =>
  pass === true ? 'pass' : pass === false ? 'MISS' : '—';

export function table(results: Results, withPostgres: boolean): string {
  const header = withPostgres
    ? ['what', 'target', 'SQLite (median of 3)', 'bare baseline', 'ratio', 'result', 'PostgreSQL', 'result']
    : ['what', 'target', 'SQLite (median of 3)', 'bare baseline', 'ratio', 'result'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of results.rows) {
    const s = row.sqlite;
    const cells = [row.what, row.target, s?.shown ?? '—', s?.bare ?? '', s?.ratio ?? '', verdict(s?.pass)];
    if (withPostgres) cells.push(row.postgres?.shown ?? '—', verdict(row.postgres?.pass));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export function writeResults(dir: string, report: unknown): { file: string; latest: string } {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `${stamp}.json`);
  const text = `${JSON.stringify(report, null, 2)}\n`;
  fs.writeFileSync(file, text);
  const latest = path.join(dir, 'latest.json');
  fs.writeFileSync(latest, text);
  return { file, latest };
}

export const ms = (value: number) =>
  Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : Math.round(value)} ms` : '—';
export const perSecond = (value: number) =>
  value < 10 ? `${value.toFixed(2)}/s` : `${Math.round(value).toLocaleString('en-US')}/s`;
