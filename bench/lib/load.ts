/**
 * HTTP helpers of the runner: sign-in over the real login endpoint, and load runs with
 * autocannon that record every response time (autocannon reports no p95 of its own).
 */
import http from 'node:http';
import autocannon from 'autocannon';

export interface Session {
  username: string;
  cookie: string;
  csrf: string;
}

export async function signIn(url: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`sign-in ${username}: ${response.status} ${text.slice(0, 300)}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const me = JSON.parse(text) as { csrfToken: string | null };
  return { username, cookie, csrf: me.csrfToken ?? '' };
}

export function headersOf(session: Session, write = false): Record<string, string> {
  return write
    ? { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' }
    : { cookie: session.cookie };
}

export async function getJson(url: string, session: Session | null, pathAndQuery: string) {
  const response = await fetch(`${url}${pathAndQuery}`, { headers: session ? headersOf(session) : {} });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body };
}

export interface LoadRun {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
}

export interface RequestSpec {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/**
 * One load run: `next()` gives each request (called per request, so every request may differ);
 * runs for `seconds` or until `amount` requests were sent.
 */
export async function loadRun(options: {
  url: string;
  connections: number;
  seconds?: number;
  amount?: number;
  next: () => RequestSpec;
}): Promise<LoadRun> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 5 }),
    timeout: 30,
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => {
          const spec = options.next();
          return {
            ...request,
            method: spec.method ?? 'GET',
            path: spec.path,
            headers: { ...(spec.headers ?? {}) },
            body: spec.body,
          };
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
    statuses[String(statusCode)] = (statuses[String(statusCode)] ?? 0) + 1;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  const seconds = result.duration;
  return {
    requests: times.length,
    seconds,
    rps: times.length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    statuses,
    errors: result.errors + result.timeouts,
  };
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median of each figure over several runs. */
export function medianRun(runs: LoadRun[]): LoadRun {
  const statuses: Record<string, number> = {};
  for (const run of runs)
    for (const [status, n] of Object.entries(run.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
  return {
    requests: median(runs.map((r) => r.requests)),
    seconds: median(runs.map((r) => r.seconds)),
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
    p99: median(runs.map((r) => r.p99)),
    statuses,
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  };
}

/**
 * A load run with plain keep-alive HTTP workers, for writes whose every response must be counted:
 * `amount` requests, `connections` at a time, no retries (autocannon may stop with requests in
 * flight or re-send one on a reconnect, which would blur "no lost or duplicated action").
 */
export async function workerRun(options: {
  url: string;
  connections: number;
  amount: number;
  next: () => RequestSpec;
}): Promise<LoadRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const target = new URL(options.url);
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let sent = 0;
  const one = (spec: RequestSpec) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: spec.method ?? 'GET',
          path: spec.path,
          headers: {
            ...(spec.headers ?? {}),
            ...(spec.body ? { 'content-length': Buffer.byteLength(spec.body) } : {}),
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            times.push(performance.now() - started);
            const key = String(response.statusCode);
            statuses[key] = (statuses[key] ?? 0) + 1;
            resolve();
          });
        },
      );
      request.on('error', () => {
        errors += 1;
        resolve();
      });
      request.end(spec.body);
    });
  const started = performance.now();
  const worker = async () => {
    while (sent < options.amount) {
      sent += 1;
      await one(options.next());
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    seconds,
    rps: times.length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    statuses,
    errors,
  };
}
