/**
 * Full-text search, similar suggestions and indicators: one user at a time (latency, not
 * throughput). Each probes its endpoint first and reports "not available" on 404, so it picks
 * the endpoint up as soon as it exists.
 */
import type { RequestSpec, Session } from '../lib/load.js';
import { getJson, headersOf, median, workerRun } from '../lib/load.js';
import { ms } from '../lib/report.js';
import { commonWord, composeMatter, rareWord } from '../texts.js';
import { seededRandom } from '../../src/server/demo/demo.random.js';
import type { ScenarioContext } from './context.js';
import { must } from '../lib/must.js';

/**
 * One user at a time: sequential requests for about `seconds / 2` per run (at least 3 each, every
 * response counted even when one takes seconds), median of the runs.
 */
async function latency(ctx: ScenarioContext, next: () => RequestSpec) {
  const started = performance.now();
  await workerRun({ url: ctx.server.url, connections: 1, amount: 1, next });
  const one = Math.max(1, performance.now() - started);
  const amount = Math.max(3, Math.min(300, Math.floor((ctx.seconds * 500) / one)));
  const runs = [];
  for (let i = 0; i < ctx.runs; i += 1)
    runs.push(await workerRun({ url: ctx.server.url, connections: 1, amount, next }));
  const statuses: Record<string, number> = {};
  for (const run of runs)
    for (const [s, n] of Object.entries(run.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
  return {
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    ok: Object.keys(statuses).every((s) => s === '200') && runs.every((r) => r.errors === 0),
    statuses,
  };
}

async function probe(ctx: ScenarioContext, session: Session, path: string) {
  const { status, body } = await getJson(ctx.server.url, session, path);
  return { status, body };
}

export async function searchScenario(ctx: ScenarioContext): Promise<void> {
  const cases = [
    {
      key: 'search.common',
      word: commonWord,
      target: 100,
      what: `full-text search top 20, common word (${commonWord}), province office`,
    },
    {
      key: 'search.rare',
      word: rareWord,
      target: 20,
      what: `full-text search top 20, rare word (${rareWord}), province office`,
    },
  ];
  for (const c of cases) {
    const path = `/api/v1/search?q=${encodeURIComponent(c.word)}&page=1&pageSize=20`;
    const first = await probe(ctx, ctx.province, path);
    const targetText = `p95 ≤ ${c.target} ms`;
    if (first.status === 404) {
      ctx.results.notAvailable(c.key, c.what, targetText, ctx.backend);
      continue;
    }
    const total = (first.body as { total?: number }).total;
    const result = await latency(ctx, () => ({ path, headers: headersOf(ctx.province) }));
    ctx.log(
      `  ${c.key}: p50 ${result.p50} p95 ${result.p95} ms, ${total} hits ${JSON.stringify(result.statuses)}`,
    );
    ctx.results.add(c.key, c.what, targetText, ctx.backend, {
      shown: `${ms(result.p95)} p95 (${ms(result.p50)} p50), ${total ?? '?'} hits${result.ok ? '' : ` ${JSON.stringify(result.statuses)}`}`,
      value: result.p95,
      pass: result.ok && result.p95 <= c.target,
      detail: result,
    });
  }
}

export async function similarScenario(ctx: ScenarioContext): Promise<void> {
  const random = seededRandom(77);
  const drafts = Array.from({ length: 20 }, () => composeMatter(random, '柳口镇'));
  const county = must(ctx.meta.counties[0], 'bench county');
  const session = must(ctx.counties[0], 'county session');
  const pathOf = (i: number) => {
    const d = must(drafts[i % drafts.length], 'draft');
    return `/api/v1/suggestions/similar?bodyId=${county.id}&title=${encodeURIComponent(d.title)}&text=${encodeURIComponent(`${d.grounds}${d.proposals}`)}`;
  };
  const what = 'similar suggestions for a new draft (title + text), county office';
  const first = await probe(ctx, session, pathOf(0));
  if (first.status === 404 || first.status === 400) {
    ctx.results.notAvailable(
      'similar',
      what,
      'p95 ≤ 100 ms',
      ctx.backend,
      first.status === 404 ? 'not available' : `not available (${first.status})`,
    );
    return;
  }
  let i = 0;
  const result = await latency(ctx, () => ({ path: pathOf((i += 1)), headers: headersOf(session) }));
  ctx.log(`  similar: p50 ${result.p50} p95 ${result.p95} ms ${JSON.stringify(result.statuses)}`);
  ctx.results.add('similar', what, 'p95 ≤ 100 ms', ctx.backend, {
    shown: `${ms(result.p95)} p95 (${ms(result.p50)} p50)${result.ok ? '' : ` ${JSON.stringify(result.statuses)}`}`,
    value: result.p95,
    pass: result.ok && result.p95 <= 100,
    detail: result,
  });
}

export async function indicatorScenario(ctx: ScenarioContext): Promise<void> {
  const cases = [
    {
      key: 'indicators.province',
      session: ctx.province,
      bodyId: ctx.meta.province.id,
      target: 200,
      what: 'indicators, whole province (all levels below)',
    },
    {
      key: 'indicators.county',
      session: must(ctx.counties[0], 'county session'),
      bodyId: must(ctx.meta.counties[0], 'bench county').id,
      target: 20,
      what: 'indicators, one county (with its townships)',
    },
  ];
  for (const c of cases) {
    const path = `/api/v1/stats/indicators?bodyId=${c.bodyId}`;
    const first = await probe(ctx, c.session, path);
    const targetText = `≤ ${c.target} ms`;
    if (first.status === 404) {
      ctx.results.notAvailable(c.key, c.what, targetText, ctx.backend);
      continue;
    }
    const result = await latency(ctx, () => ({ path, headers: headersOf(c.session) }));
    ctx.log(`  ${c.key}: p50 ${result.p50} p95 ${result.p95} ms ${JSON.stringify(result.statuses)}`);
    ctx.results.add(c.key, `${c.what}: median response (p95)`, targetText, ctx.backend, {
      shown: `${ms(result.p50)} (${ms(result.p95)})${result.ok ? '' : ` ${JSON.stringify(result.statuses)}`}`,
      value: result.p50,
      pass: result.ok && result.p50 <= c.target,
      detail: result,
    });
  }
}
