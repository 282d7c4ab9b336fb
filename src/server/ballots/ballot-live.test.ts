import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import type { LiveSnapshot } from '../../shared/schemas/ballot-views.js';
import { ballotCounty } from './ballots.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof ballotCounty>>;
let baseUrl: string;

beforeAll(async () => {
  t = await createTestApp(new Date('2025-06-20T02:00:00Z'));
  county = await ballotCounty(t.services, t.app, { deputies: 5 });
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => t.close());

async function openBallot() {
  const created = await county.staff.request('POST', '/api/v1/ballots', {
    bodyId: county.body.id,
    termId: county.term.id,
    title: '实时大屏测试',
    kind: 'secret',
    questionType: 'approve',
    items: [{ title: '议题一' }],
    electorate: { kind: 'deputies' },
    passRule: { kind: 'majority_of_all' },
  });
  const id = created.json().id as string;
  await county.staff.request('POST', `/api/v1/ballots/${id}/actions/open`, {});
  return { id, itemId: created.json().items[0].id as string };
}

/** Reads `snapshot` events off a server-sent event stream. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return async function next(): Promise<LiveSnapshot | null> {
    for (;;) {
      const boundary = buffer.indexOf('\n\n');
      if (boundary >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (block.includes('event: snapshot') && data) return JSON.parse(data.slice(6)) as LiveSnapshot;
        continue;
      }
      const chunk = await reader.read();
      if (chunk.done) return null;
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
}

describe('the live screen', () => {
  it('streams turnout while open and the results the moment the ballot closes', async () => {
    const { id, itemId } = await openBallot();
    const response = await fetch(`${baseUrl}/api/v1/ballots/${id}/live`, {
      headers: { cookie: county.staff.cookie },
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    if (!response.body) throw new Error('no stream');
    const next = eventReader(response.body);
    expect(await next()).toMatchObject({ status: 'open', electorate: 5, voted: 0, results: null });

    for (const voter of county.voters.slice(0, 3))
      await voter.request('POST', `/api/v1/ballots/${id}/vote`, { marks: { [itemId]: 'approve' } });
    let snapshot = await next();
    while (snapshot && snapshot.voted < 3) snapshot = await next();
    expect(snapshot).toMatchObject({ status: 'open', voted: 3 });
    expect(JSON.stringify(snapshot)).not.toContain(county.voters[0]?.deputyId ?? '-');

    const closedAt = performance.now();
    await county.staff.request('POST', `/api/v1/ballots/${id}/actions/close`, {});
    const last = await next();
    expect(performance.now() - closedAt).toBeLessThan(2_000);
    expect(last).toMatchObject({
      status: 'closed',
      voted: 3,
      results: { items: [{ counts: { approve: 3 }, outcome: 'passed' }] },
    });
    // The stream ends after the results.
    expect(await next()).toBeNull();
  });

  it('answers a closed ballot with one event and ends; strangers get 404', async () => {
    const { id } = await openBallot();
    await county.staff.request('POST', `/api/v1/ballots/${id}/actions/close`, {});
    const response = await county.staff.request('GET', `/api/v1/ballots/${id}/live`);
    expect(response.statusCode).toBe(200);
    expect(response.body.match(/event: snapshot/g)).toHaveLength(1);
    expect(response.body).toContain('"status":"closed"');
    const other = await ballotCounty(t.services, t.app, { deputies: 1 });
    expect((await other.staff.request('GET', `/api/v1/ballots/${id}/live`)).statusCode).toBe(404);
  });
});
