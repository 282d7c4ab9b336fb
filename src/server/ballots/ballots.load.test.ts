import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import { ballotCounty } from './ballots.fixture.js';

/**
 * Issue 8's bar: 3,000 deputies vote on a 20-candidate, 10-seat ballot through the HTTP API
 * within a minute, some ballots invalid, some voters retrying at once; the counts are exact and
 * the results are there the moment the ballot closes. Real HTTP on a local port, not inject.
 */
const deputies = 3000;
const candidates = 20;
const seats = 10;
const inFlight = 32;

let t: TestApp;
let county: Awaited<ReturnType<typeof ballotCounty>>;
let baseUrl: string;

beforeAll(async () => {
  t = await createTestApp(new Date('2026-01-14T01:00:00Z'));
  county = await ballotCounty(t.services, t.app, { deputies });
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
}, 120_000);
afterAll(async () => t.close());

/** A small seeded generator, so every run casts the same papers. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Voter i's paper: ten candidates drawn with weights favouring the first ones; every 37th
 * paper chooses eleven (invalid), every 101st is blank (valid, chooses nobody).
 */
function paperOf(i: number, itemIds: string[]): string[] {
  if (i % 37 === 0) return itemIds.slice(0, seats + 1);
  if (i % 101 === 0) return [];
  const random = seeded(i + 1);
  return itemIds
    .map((id, index) => ({ id, key: random() ** (1 / (candidates + 4 - index)) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, seats)
    .map((entry) => entry.id);
}

async function vote(token: string, ballotId: string, selected: string[]) {
  const response = await fetch(`${baseUrl}/api/v1/ballots/${ballotId}/vote`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ selected }),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('3,000 deputies, 20 candidates, 10 seats', () => {
  it('votes within a minute with exact counts', { timeout: 180_000 }, async () => {
    const created = await county.staff.request('POST', '/api/v1/ballots', {
      bodyId: county.body.id,
      termId: county.term.id,
      title: '2026 年县级民生实事项目票决',
      kind: 'secret',
      questionType: 'select',
      maxSelections: seats,
      items: Array.from({ length: candidates }, (_, i) => ({ title: `候选项目 ${i + 1}` })),
      electorate: { kind: 'deputies' },
      passRule: { kind: 'plurality', tieRule: 'runoff', requireMajorityOfAll: false },
    });
    expect(created.statusCode, created.body).toBe(201);
    const ballotId = created.json().id as string;
    const itemIds = (created.json().items as { id: string }[]).map((item) => item.id);
    const opened = await county.staff.request('POST', `/api/v1/ballots/${ballotId}/actions/open`, {});
    expect(opened.json().electorateSize).toBe(deputies);

    const expected = new Map(itemIds.map((id) => [id, 0]));
    let invalid = 0;
    const papers = county.tokens.map((_, i) => paperOf(i, itemIds));
    for (const paper of papers) {
      if (paper.length > seats) invalid += 1;
      else for (const id of paper) expected.set(id, (expected.get(id) ?? 0) + 1);
    }

    const started = performance.now();
    const statuses: number[] = [];
    let next = 0;
    const worker = async () => {
      for (;;) {
        const i = next;
        next += 1;
        if (i >= deputies) return;
        const token = county.tokens[i] ?? '';
        const paper = papers[i] ?? [];
        // Every 50th voter's phone sends the vote three times at once (a nervous double tap).
        if (i % 50 === 0) {
          const tries = await Promise.all([1, 2, 3].map(() => vote(token, ballotId, paper)));
          statuses.push(...tries);
        } else statuses.push(await vote(token, ballotId, paper));
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    const closing = performance.now();
    const closed = await county.staff.request('POST', `/api/v1/ballots/${ballotId}/actions/close`, {});
    const finished = performance.now();
    const seconds = (finished - started) / 1000;
    process.stdout.write(
      `\n3,000 votes (+${(deputies / 50) * 2} concurrent retries) in ${((closing - started) / 1000).toFixed(1)} s, ` +
        `closed and counted in ${((finished - closing) / 1000).toFixed(2)} s (${t.services.handle.dialect.kind})\n`,
    );
    expect(seconds).toBeLessThan(60);

    expect(statuses.filter((s) => s === 201)).toHaveLength(deputies);
    expect(statuses.filter((s) => s === 409)).toHaveLength((deputies / 50) * 2);
    expect(closed.statusCode, closed.body).toBe(200);
    const results = closed.json().results;
    expect(results).toMatchObject({
      electorate: deputies,
      voted: deputies,
      ballotsCast: deputies,
      fullyValid: deputies - invalid,
      withInvalid: invalid,
      consistent: true,
      turnoutPercent: 100,
    });
    for (const item of results.items) {
      expect(item.counts.votes, item.title).toBe(expected.get(item.itemId));
      expect(item.invalid).toBe(invalid);
    }
    const ranked = [...expected].sort((a, b) => b[1] - a[1]);
    expect(ranked[seats - 1]?.[1]).toBeGreaterThan(ranked[seats]?.[1] ?? 0);
    const elected = results.items.filter((item: { outcome: string }) => item.outcome === 'elected');
    expect(elected.map((item: { itemId: string }) => item.itemId).sort()).toEqual(
      ranked
        .slice(0, seats)
        .map(([id]) => id)
        .sort(),
    );
  });
});
