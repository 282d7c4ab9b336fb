/**
 * Starts the real server (`node bin/minyi.js serve`, the built product) as its own process on a
 * data directory or a PostgreSQL URL, waits for /api/health, and reads its memory from /proc.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** The environment of a product process: DATABASE_URL only when PostgreSQL is wanted. */
export function productEnv(
  dataDir: string,
  databaseUrl: string | undefined,
  extra: Record<string, string> = {},
) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MINYI_DATA_DIR: dataDir,
    MINYI_LOG_LEVEL: 'warn',
    ...extra,
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

export interface ServerProcess {
  url: string;
  pid: number;
  readyMs: number;
  /** Resident memory now, in MB (Linux /proc). */
  rssMb(): number | null;
  /** Peak resident memory since start (VmHWM), in MB. */
  peakRssMb(): number | null;
  output(): string;
  stop(): Promise<void>;
}

function procStatus(pid: number, field: string): number | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export async function waitForHealth(url: string, started: number, child: ChildProcess, timeoutMs = 300_000) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > timeoutMs) throw new Error(`server not ready in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function startServer(options: {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  /** Write a V8 CPU profile of the whole run into this directory. */
  cpuProfDir?: string;
  extraEnv?: Record<string, string>;
}): Promise<ServerProcess> {
  const args = options.cpuProfDir
    ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`, 'bin/minyi.js', 'serve']
    : ['bin/minyi.js', 'serve'];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: productEnv(options.dataDir, options.databaseUrl, {
      PORT: String(options.port),
      HOST: '127.0.0.1',
      MINYI_DEMO: '0',
      MINYI_ADMIN_PASSWORD: 'Bench-Minyi-2025',
      ...options.extraEnv,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${options.port}`;
  let readyMs: number;
  try {
    readyMs = await waitForHealth(url, started, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    readyMs,
    rssMb: () => procStatus(pid, 'VmRSS'),
    peakRssMb: () => procStatus(pid, 'VmHWM'),
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
