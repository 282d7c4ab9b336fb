import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import type { Executor } from '../db/executor.js';
import { constraintViolation } from '../db/dialect/constraint-errors.js';
import { ballotCounty } from './ballots.fixture.js';
import { randomChoiceId } from './secrecy.js';
import { VoteBatches } from './vote-batches.js';
import type { PendingVote } from './vote-batches.js';
import { VotesRepository } from './votes.repository.js';

/** Votes written together (`vote-batches.ts`), and their order against closing. */
let t: TestApp;
let county: Awaited<ReturnType<typeof ballotCounty>>;
const deputies = 120;

beforeAll(async () => {
  t = await createTestApp(new Date('2026-01-14T01:00:00Z'));
  county = await ballotCounty(t.services, t.app, { deputies });
}, 60_000);
afterAll(async () => t.close());

async function openBallot(title: string) {
  const created = await county.staff.request('POST', '/api/v1/ballots', {
    bodyId: county.body.id,
    termId: county.term.id,
    title,
    kind: 'secret',
    questionType: 'approve',
    items: [{ title: '议题' }],
    electorate: { kind: 'deputies' },
    passRule: { kind: 'majority_of_all' },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const itemId = created.json().items[0].id as string;
  const opened = await county.staff.request('POST', `/api/v1/ballots/${id}/actions/open`, {});
  expect(opened.statusCode, opened.body).toBe(200);
  return { id, itemId };
}

const vote = (index: number, id: string, itemId: string) =>
  county.voters[index]?.request('POST', `/api/v1/ballots/${id}/vote`, { marks: { [itemId]: 'approve' } });

const close = (id: string) => county.staff.request('POST', `/api/v1/ballots/${id}/actions/close`, {});

/** A paper for voter `index`, as the voting service hands it over. */
function pending(index: number, id: string, itemId: string): PendingVote {
  return {
    participation: { ballot_id: id, deputy_id: county.voters[index]?.deputyId ?? '', receipt_check: null },
    choice: {
      id: randomChoiceId(),
      ballot_id: id,
      group_key: 'all',
      source: 'online',
      deputy_id: null,
      valid: 1,
      content_json: JSON.stringify({ marks: { [itemId]: 'approve' } }),
      receipt_hash: null,
    },
  };
}

/** Counts the transactions: each takes the ballot's lock once, for all its papers. */
class CountingVotes extends VotesRepository {
  readonly papersPerLock: number[] = [];
  override async lockOpenBallot(ballotId: string, papers: number, executor: Executor) {
    this.papersPerLock.push(papers);
    return super.lockOpenBallot(ballotId, papers, executor);
  }
}

async function stored(id: string) {
  const db = t.services.handle.db;
  const [participations, choices, ballot] = await Promise.all([
    db.selectFrom('ballot_participations').select('deputy_id').where('ballot_id', '=', id).execute(),
    db.selectFrom('ballot_choices').select('id').where('ballot_id', '=', id).execute(),
    db.selectFrom('ballots').select('ballots_cast').where('id', '=', id).executeTakeFirstOrThrow(),
  ]);
  return { participations: participations.length, choices: choices.length, cast: ballot.ballots_cast };
}

describe('vote batches', () => {
  it('write votes that arrive together in one transaction, each answered', async () => {
    const { id, itemId } = await openBallot('同时到达的选票一并写入');
    const votes = new CountingVotes(t.services.handle.db);
    const batches = new VoteBatches(t.services.handle.db, votes);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, index) => batches.write(id, pending(index, id, itemId))),
    );
    expect(outcomes.every((outcome) => outcome.status === 'fulfilled')).toBe(true);
    expect(votes.papersPerLock).toEqual([40]);
    expect(await stored(id)).toEqual({ participations: 40, choices: 40, cast: 40 });
    // Those coming once a transaction has started go into the next one.
    const first = batches.write(id, pending(40, id, itemId));
    await new Promise((resolve) => setImmediate(resolve));
    const later = Array.from({ length: 9 }, (_, k) => batches.write(id, pending(41 + k, id, itemId)));
    await Promise.all([first, ...later]);
    expect(votes.papersPerLock).toEqual([40, 1, 9]);
  });

  it('give a second ballot its own refusal and write the others of its transaction', async () => {
    const { id, itemId } = await openBallot('同批中有重复投票');
    const votes = new CountingVotes(t.services.handle.db);
    const batches = new VoteBatches(t.services.handle.db, votes);
    await batches.write(id, pending(0, id, itemId));
    // Voter 0 again (already voted), voter 5 twice in the same transaction, and seven others.
    const indexes = [1, 0, 2, 3, 5, 4, 5, 6, 7, 8];
    const outcomes = await Promise.allSettled(
      indexes.map((index) => batches.write(id, pending(index, id, itemId))),
    );
    const refused = outcomes.flatMap((outcome, k) =>
      outcome.status === 'rejected' ? [[indexes[k], constraintViolation(outcome.reason)]] : [],
    );
    expect(refused).toEqual([
      [0, 'unique'],
      [5, 'unique'],
    ]);
    expect(await stored(id)).toEqual({ participations: 9, choices: 9, cast: 9 });
  });

  it('refuse every vote waiting when the ballot has closed', async () => {
    const { id, itemId } = await openBallot('闭票后等待中的选票');
    const votes = new CountingVotes(t.services.handle.db);
    const batches = new VoteBatches(t.services.handle.db, votes);
    const closed = await close(id);
    expect(closed.statusCode, closed.body).toBe(200);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, (_, index) => batches.write(id, pending(index, id, itemId))),
    );
    expect(outcomes.map((o) => (o.status === 'rejected' ? o.reason.code : 'written'))).toEqual(
      Array.from({ length: 5 }, () => 'ballot.not_open'),
    );
    // Refused together: not retried one by one.
    expect(votes.papersPerLock).toEqual([5]);
    expect(await stored(id)).toEqual({ participations: 0, choices: 0, cast: 0 });
  });

  it('make the close wait for a vote holding the lock, and count it', async () => {
    const { id, itemId } = await openBallot('闭票等待正在提交的选票');
    const db = t.services.handle.db;
    const votes = new VotesRepository(db);
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding = () => {};
    const held = new Promise<void>((resolve) => (holding = resolve));
    // A vote stopped between taking the lock and committing.
    const voting = db.transaction().execute(async (trx) => {
      const paper = pending(0, id, itemId);
      await votes.insertParticipations([paper.participation], trx);
      await votes.insertChoices([paper.choice], trx);
      expect(await votes.lockOpenBallot(id, 1, trx)).toBe(true);
      holding();
      await released;
    });
    await held;
    let closedAt = 0;
    const closing = close(id).finally(() => (closedAt = performance.now()));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const committedAt = performance.now();
    release();
    await voting;
    const closed = await closing;
    expect(closedAt).toBeGreaterThan(committedAt);
    expect(closed.json()).toMatchObject({ ballotsCast: 1, results: { voted: 1, ballotsCast: 1 } });
    expect(closed.json().results.items[0].counts.approve).toBe(1);
  });

  it('count exactly the votes accepted before a close that comes in the middle', async () => {
    const { id, itemId } = await openBallot('闭票与投票同时发生');
    for (let i = 0; i < 10; i += 1) expect((await vote(i, id, itemId))?.statusCode).toBe(201);
    // The other 110 vote, 8 at a time, and the office closes while they are in flight.
    const statuses: number[] = [];
    const codes: string[] = [];
    const refused: number[] = [];
    let next = 10;
    let closing: Promise<LightMyRequestResponse> | undefined;
    const worker = async () => {
      for (let index = next; index < deputies; index = next) {
        next += 1;
        if (index === 40) closing = close(id);
        const response = await vote(index, id, itemId);
        statuses.push(response?.statusCode ?? 0);
        if (response?.statusCode !== 201) {
          codes.push(response?.json().code);
          refused.push(index);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const closed = await closing;
    expect(closed?.statusCode, closed?.body).toBe(200);

    const accepted = 10 + statuses.filter((s) => s === 201).length;
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['ballot.not_open']));
    expect(closed?.json()).toMatchObject({
      ballotsCast: accepted,
      results: { voted: accepted, ballotsCast: accepted, consistent: true },
    });
    expect(closed?.json().results.items[0].counts.approve).toBe(accepted);
    expect(await stored(id)).toEqual({ participations: accepted, choices: accepted, cast: accepted });
    expect((await vote(refused[0] ?? 0, id, itemId))?.json().code).toBe('ballot.not_open');
  });
});
