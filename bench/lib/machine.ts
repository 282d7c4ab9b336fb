/** The machine a run was measured on, printed with the table and stored in the JSON. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import Database from 'better-sqlite3';

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
  sqlite: string;
  postgres: string | null;
  loadAverage: number[];
}

export function describeMachine(postgresVersion: string | null): Machine {
  const memory = new Database(':memory:');
  const sqlite = (memory.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  memory.close();
  let osName = `${os.type()} ${os.release()}`;
  try {
    osName =
      execFileSync('sh', ['-c', '. /etc/os-release && echo "$PRETTY_NAME"'], { encoding: 'utf8' }).trim() ||
      osName;
  } catch {
    // keep the kernel name
  }
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    ramGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    os: osName,
    sqlite: `SQLite ${sqlite} (better-sqlite3)`,
    postgres: postgresVersion,
    loadAverage: os.loadavg().map((v) => Number(v.toFixed(2))),
  };
}

export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, ${m.os}, Node ${m.node}, ${m.sqlite}${m.postgres ? `, ${m.postgres}` : ''}; load average at start ${m.loadAverage.join(' / ')}`;
}
