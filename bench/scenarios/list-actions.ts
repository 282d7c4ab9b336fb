/**
 * The suggestion list and the workflow actions, each against the bare baseline (SQLite) measured
 * right before the product, 50 connections, median of the runs.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import type { LoadRun, RequestSpec, Session } from '../lib/load.js';
import { headersOf, loadRun, medianRun, workerRun } from '../lib/load.js';
import { ms, perSecond } from '../lib/report.js';
import { productEnv, root } from '../lib/server.js';
import { listStatuses, pageSize } from '../list-sql.js';
import type { ScenarioContext } from './context.js';
import { must } from '../lib/must.js';

const barePort = 3990;

async function startBare(file: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts', file, String(barePort)], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const started = performance.now();
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${barePort}/api/health`)).ok) return child;
    } catch {
      // not yet
    }
    if (performance.now() - started > 60_000) throw new Error('bare server did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const stopBare = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

async function runs(
  ctx: ScenarioContext,
  url: string,
  next: () => RequestSpec,
  options: { amount?: number; connections?: number } = {},
): Promise<LoadRun[]> {
  const out: LoadRun[] = [];
  const connections = options.connections ?? ctx.connections;
  for (let i = 0; i < ctx.runs; i += 1) {
    out.push(
      options.amount
        ? await workerRun({ url, connections, amount: options.amount, next })
        : await loadRun({ url, connections, seconds: ctx.seconds, next }),
    );
    // A timed run ends with requests still queued in the server: wait until it has answered them
    // (its health check waits behind them), so the next run starts on an idle server.
    await fetch(`${url}/api/health`).catch(() => undefined);
  }
  return out;
}

const ok = (run: LoadRun) => (run.statuses['200'] ?? 0) === run.requests * 1 && run.errors === 0;

function listRequests(ctx: ScenarioContext, province: boolean): () => RequestSpec {
  let i = 0;
  return () => {
    i += 1;
    if (province)
      return { path: `/api/v1/suggestions?page=1&pageSize=${pageSize}`, headers: headersOf(ctx.province) };
    const k = i % ctx.counties.length;
    const county = must(ctx.meta.counties[k], 'bench county');
    const session = must(ctx.counties[k], 'county session');
    return {
      path: `/api/v1/suggestions?bodyId=${county.id}&sessionId=${county.currentSessionId}&status=${listStatuses.join(',')}&page=1&pageSize=${pageSize}`,
      headers: headersOf(session),
    };
  };
}

export async function listScenario(ctx: ScenarioContext): Promise<void> {
  for (const province of [false, true]) {
    const key = province ? 'list.province' : 'list';
    // The whole-province list takes seconds per request at full scale: one user, two requests a run.
    const connections = province ? 1 : ctx.connections;
    const amount = province ? 2 : undefined;
    const what = province
      ? 'suggestion list, province office, whole province, page of 20 + total'
      : `suggestion list, county office, filters (body, session, 2 states), page of 20 + total`;
    let bare: LoadRun | null = null;
    if (ctx.backend === 'sqlite' && ctx.sqliteFile) {
      const child = await startBare(ctx.sqliteFile);
      try {
        bare = medianRun(
          await runs(ctx, `http://127.0.0.1:${barePort}`, listRequests(ctx, province), {
            connections,
            amount,
          }),
        );
      } finally {
        await stopBare(child);
      }
    }
    const runList = await runs(ctx, ctx.server.url, listRequests(ctx, province), { connections, amount });
    const ours = medianRun(runList);
    const allOk = runList.every(ok) && (bare === null || bare.errors === 0);
    ctx.log(
      `  ${key}: ${ours.rps.toFixed(0)}/s p99 ${ours.p99} ms${bare ? `; bare ${bare.rps.toFixed(0)}/s p99 ${bare.p99} ms` : ''} ${JSON.stringify(ours.statuses)}`,
    );
    ctx.results.add(
      `${key}.p99`,
      `${what}: p99 (p95), ${connections} connection${connections === 1 ? '' : 's'}`,
      '≤ 50 ms',
      ctx.backend,
      {
        shown: `${ms(ours.p99)} (${ms(ours.p95)})${allOk ? '' : ` errors ${JSON.stringify(ours.statuses)}`}`,
        value: ours.p99,
        pass: allOk && ours.p99 <= 50,
        bare: bare ? `${ms(bare.p99)} (${ms(bare.p95)})` : undefined,
        detail: { ours, bare },
      },
    );
    const ratio = bare && bare.rps > 0 ? ours.rps / bare.rps : null;
    ctx.results.add(`${key}.rps`, `${what}: throughput`, '≥ 70 % of bare', ctx.backend, {
      shown: perSecond(ours.rps),
      value: ours.rps,
      pass: ratio === null ? null : allOk && ratio >= 0.7,
      bare: bare ? perSecond(bare.rps) : undefined,
      ratio: ratio === null ? undefined : `${Math.round(ratio * 100)} %`,
    });
  }
}

/** Review passes (tier 0 → 1) on the pool: each item is used once, by its county's office. */
export async function actionScenario(ctx: ScenarioContext): Promise<void> {
  const queue = ctx.meta.counties.flatMap((c, k) => c.pool.map((id, n) => ({ id, k, n })));
  queue.sort((a, b) => a.n - b.n || a.k - b.k);
  let next = 0;
  const take = (): RequestSpec => {
    const item = must(queue[next] ?? queue[queue.length - 1], 'pool item');
    next += 1;
    const session: Session = must(ctx.counties[item.k], 'county session');
    return {
      method: 'POST',
      path: `/api/v1/suggestions/${item.id}/actions/review_pass`,
      headers: headersOf(session, true),
      body: '{}',
    };
  };
  const amount = ctx.quick ? 2_000 : 5_000;
  let bare: LoadRun | null = null;
  if (ctx.backend === 'sqlite' && ctx.sqliteFile) {
    const child = await startBare(ctx.sqliteFile);
    try {
      bare = medianRun(await runs(ctx, `http://127.0.0.1:${barePort}`, take, { amount }));
    } finally {
      await stopBare(child);
    }
  }
  const firstOurs = next;
  const oursIds = () => queue.slice(firstOurs, next).map((item) => item.id);
  const before = await counts(ctx);
  const started = new Date().toISOString();
  const runList = await runs(ctx, ctx.server.url, take, { amount });
  const ours = medianRun(runList);
  const after = await counts(ctx);
  const accepted = runList.reduce((sum, r) => sum + (r.statuses['200'] ?? 0), 0);
  const sent = next - firstOurs;
  // Each item was sent once: any item with two passes since the start was acted on twice.
  const ids = oursIds();
  const duplicates = await ctx.reader.one<{ n: number }>(
    `SELECT COUNT(*) AS n FROM (SELECT suggestion_id FROM suggestion_events WHERE action = 'review_pass' AND at >= $1 AND suggestion_id IN (${ids.map((_, i) => `$${i + 2}`).join(', ')}) GROUP BY suggestion_id HAVING COUNT(*) > 1) d`,
    [started, ...ids],
  );
  const events = after.events - before.events;
  const audits = after.audits - before.audits;
  const verify = auditVerify(ctx);
  const exact = accepted === sent && events === accepted && audits === accepted && Number(duplicates.n) === 0;
  ctx.log(
    `  actions: ${ours.rps.toFixed(0)}/s p99 ${ours.p99} ms; sent ${sent}, 200 ${accepted}, events +${events}, audit +${audits}, duplicates ${duplicates.n}; ${verify}`,
  );
  const what =
    'workflow action (review pass: compare-and-set, timeline, audit chain, search index), 50 connections';
  ctx.results.add('actions.rps', `${what}: actions/s`, '≥ 1,000/s', ctx.backend, {
    shown: perSecond(ours.rps),
    value: ours.rps,
    pass: ours.rps >= 1000,
    bare: bare ? perSecond(bare.rps) : undefined,
    ratio: bare ? `${Math.round((ours.rps / bare.rps) * 100)} %` : undefined,
    detail: { ours, bare },
  });
  ctx.results.add('actions.p99', `${what}: p99 (p95)`, '≤ 50 ms', ctx.backend, {
    shown: `${ms(ours.p99)} (${ms(ours.p95)})`,
    value: ours.p99,
    pass: ours.p99 <= 50,
    bare: bare ? `${ms(bare.p99)} (${ms(bare.p95)})` : undefined,
  });
  ctx.results.add(
    'actions.exact',
    'actions: none lost or duplicated (200s = new events = new audit rows; chain verified)',
    'exact',
    ctx.backend,
    {
      shown: `${accepted}/${sent} ok, +${events} events, +${audits} audit, ${duplicates.n} dup${verify.startsWith('审计链完整') ? ', chain intact' : `, ${verify}`}`,
      value: accepted,
      pass: exact && verify.startsWith('审计链完整'),
    },
  );
}

async function counts(ctx: ScenarioContext) {
  const events = await ctx.reader.one<{ n: number }>(
    `SELECT COUNT(*) AS n FROM suggestion_events WHERE action = 'review_pass'`,
  );
  const audits = await ctx.reader.one<{ n: number }>(
    `SELECT COUNT(*) AS n FROM audit_log WHERE action = 'suggestion.review_pass'`,
  );
  return { events: Number(events.n), audits: Number(audits.n) };
}

/** `minyi audit verify` on the working database (the product's own check of the hash chain). */
function auditVerify(ctx: ScenarioContext): string {
  try {
    return execFileSync(process.execPath, ['bin/minyi.js', 'audit', 'verify'], {
      cwd: root,
      env: productEnv(ctx.dataDir, ctx.databaseUrl),
      encoding: 'utf8',
    }).trim();
  } catch (error) {
    return `verify failed: ${String((error as { stderr?: string }).stderr ?? error).trim()}`;
  }
}
