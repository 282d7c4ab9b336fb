/**
 * 3,000 province deputies vote on one 20-candidate ballot through the HTTP API (personal API
 * tokens, as in `src/server/ballots/ballots.load.test.ts`), 50 in flight; then the office closes
 * it. Median of the runs, each on a new ballot.
 */
import { headersOf, median } from '../lib/load.js';
import { voterToken } from '../profile.js';
import type { ScenarioContext } from './context.js';

const candidates = 20;
const seats = 10;

async function post(url: string, headers: Record<string, string>, body: unknown) {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, text };
}

export async function votingScenario(ctx: ScenarioContext): Promise<void> {
  const voters = ctx.meta.province.deputies;
  const write = headersOf(ctx.province, true);
  const walls: number[] = [];
  const closes: number[] = [];
  let accepted = 0;
  let problems = '';
  for (let run = 0; run < ctx.runs; run += 1) {
    const created = await post(`${ctx.server.url}/api/v1/ballots`, write, {
      bodyId: ctx.meta.province.id,
      termId: ctx.meta.province.termId,
      title: `基准测试票决 ${run + 1}`,
      kind: 'secret',
      questionType: 'select',
      maxSelections: seats,
      items: Array.from({ length: candidates }, (_, i) => ({ title: `候选项目 ${i + 1}` })),
      electorate: { kind: 'deputies' },
      passRule: { kind: 'plurality', tieRule: 'runoff', requireMajorityOfAll: false },
    });
    if (created.status === 404) {
      ctx.results.notAvailable(
        'vote.wall',
        `${voters} deputies vote one ${candidates}-candidate ballot: all accepted`,
        '≤ 3 s',
        ctx.backend,
      );
      return;
    }
    if (created.status !== 201)
      throw new Error(`ballot create: ${created.status} ${created.text.slice(0, 400)}`);
    const ballot = JSON.parse(created.text) as { id: string; items: { id: string }[] };
    const opened = await post(`${ctx.server.url}/api/v1/ballots/${ballot.id}/actions/open`, write, {});
    if (opened.status !== 200) throw new Error(`ballot open: ${opened.status} ${opened.text.slice(0, 400)}`);
    const itemIds = ballot.items.map((item) => item.id);
    let next = 0;
    let ok = 0;
    const statuses: Record<string, number> = {};
    const started = performance.now();
    const worker = async () => {
      for (;;) {
        const i = next;
        next += 1;
        if (i >= voters) return;
        const selected = itemIds.filter((_, k) => (k + i) % 2 === 0).slice(0, seats);
        const response = await fetch(`${ctx.server.url}/api/v1/ballots/${ballot.id}/vote`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${voterToken(ctx.meta.seed, i)}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ selected }),
        });
        await response.arrayBuffer();
        statuses[String(response.status)] = (statuses[String(response.status)] ?? 0) + 1;
        if (response.status === 201) ok += 1;
      }
    };
    await Promise.all(Array.from({ length: ctx.connections }, worker));
    const wall = performance.now() - started;
    const closing = performance.now();
    const closed = await post(`${ctx.server.url}/api/v1/ballots/${ballot.id}/actions/close`, write, {});
    const close = performance.now() - closing;
    const results =
      closed.status === 200
        ? (JSON.parse(closed.text) as { results?: { voted?: number } }).results
        : undefined;
    if (closed.status !== 200 || results?.voted !== voters)
      problems = `close ${closed.status}, counted ${results?.voted ?? '?'} of ${voters}; ${closed.text.slice(0, 200)}`;
    if (ok !== voters) problems = `${ok}/${voters} accepted ${JSON.stringify(statuses)}`;
    ctx.log(
      `  vote run ${run + 1}: ${ok}/${voters} in ${(wall / 1000).toFixed(2)} s, close ${close.toFixed(0)} ms ${JSON.stringify(statuses)}`,
    );
    walls.push(wall);
    closes.push(close);
    accepted = ok;
  }
  const wall = median(walls);
  const close = median(closes);
  ctx.results.add(
    'vote.wall',
    `${voters} deputies vote one ${candidates}-candidate ballot (API tokens, ${ctx.connections} in flight): all accepted`,
    '≤ 3 s',
    ctx.backend,
    {
      shown: `${(wall / 1000).toFixed(2)} s (${accepted}/${voters})${problems ? ` ${problems}` : ''}`,
      value: wall,
      pass: !problems && wall <= 3000,
      detail: { walls, closes },
    },
  );
  ctx.results.add('vote.close', 'ballot result after close (close + count)', '≤ 1 s', ctx.backend, {
    shown: `${(close / 1000).toFixed(2)} s`,
    value: close,
    pass: !problems && close <= 1000,
  });
}
