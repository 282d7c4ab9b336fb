import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import type { BallotDetail } from '../../shared/schemas/ballot-views.js';
import { ballotCounty } from './ballots.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof ballotCounty>>;
let ballot: BallotDetail;
let itemId: string;
/** Each voter gives a score no one else gives, so their paper is recognisable anywhere. */
const voters = 14;
const scoreOf = (index: number) => 51 + index;
const receipts = new Map<number, string>();

beforeAll(async () => {
  t = await createTestApp(new Date('2025-06-20T02:00:00Z'));
  county = await ballotCounty(t.services, t.app, { deputies: voters + 2 });
  const created = await county.staff.request('POST', '/api/v1/ballots', {
    bodyId: county.body.id,
    termId: county.term.id,
    title: '部门工作评议（打分）',
    kind: 'secret',
    questionType: 'score',
    scoreMax: 100,
    items: [{ title: '县教育局' }],
    electorate: { kind: 'deputies' },
    passRule: { kind: 'threshold', percent: 60 },
  });
  ballot = created.json();
  itemId = ballot.items[0]?.id ?? '';
  await county.staff.request('POST', `/api/v1/ballots/${ballot.id}/actions/open`, {});
  for (let index = 0; index < voters; index += 1) {
    const voter = county.voters[index];
    const response = await voter?.request('POST', `/api/v1/ballots/${ballot.id}/vote`, {
      scores: { [itemId]: scoreOf(index) },
    });
    expect(response?.statusCode).toBe(201);
    receipts.set(index, response?.json().receipt);
  }
  // Two more hand in paper ballots, entered by a teller.
  const paper = await county.staff.request('POST', `/api/v1/ballots/${ballot.id}/paper`, {
    deputyIds: [county.voters[voters]?.deputyId, county.voters[voters + 1]?.deputyId],
    papers: [{ scores: { [itemId]: scoreOf(voters) } }, { scores: { [itemId]: scoreOf(voters + 1) } }],
  });
  expect(paper.statusCode, paper.body).toBe(201);
});
afterAll(async () => t.close());

/** Every row of every table of the database, as text. */
async function everyTable(): Promise<Map<string, string[]>> {
  const { db, dialect } = t.services.handle;
  const schema = await dialect.currentSchema(db);
  const tables = (await db.introspection.getTables()).filter(
    (table) => schema === undefined || table.schema === schema,
  );
  const dump = new Map<string, string[]>();
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table.name)}`.execute(db);
    dump.set(
      table.name,
      rows.rows.map((row) => JSON.stringify(row)),
    );
  }
  return dump;
}

const paperText = (index: number) => `"${itemId}":${scoreOf(index)}`;

async function expectNoLink(stage: string) {
  const dump = await everyTable();
  expect(dump.size, stage).toBeGreaterThan(20);
  const choices = await t.services.handle.db
    .selectFrom('ballot_choices')
    .selectAll()
    .where('ballot_id', '=', ballot.id)
    // Key order (random ids). PostgreSQL's unordered heap order while open is the documented limit.
    .orderBy('id')
    .execute();
  expect(choices, stage).toHaveLength(voters + 2);
  const secrets = choices.flatMap((c) => [c.id, ...(c.receipt_hash ? [c.receipt_hash] : [])]);
  for (const [index, voter] of county.voters.entries()) {
    const who = [voter.deputyId, voter.userId];
    for (const [table, rows] of dump)
      for (const row of rows) {
        // No row anywhere holds both a voter and what they chose.
        if (who.some((id) => row.includes(id)))
          expect(row.includes(paperText(index)), `${stage}: ${table} links voter ${index}`).toBe(false);
        // Choice ids and receipt hashes appear nowhere but in the choices.
        if (table !== 'ballot_choices')
          expect(
            secrets.some((secret) => row.includes(secret)),
            `${stage}: ${table}`,
          ).toBe(false);
      }
  }
  for (const row of dump.get('ballot_choices') ?? []) {
    expect(row, stage).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    for (const voter of county.voters) expect(row.includes(voter.deputyId), stage).toBe(false);
  }
  // The audit log has no per-vote entry, and no paper of this ballot.
  const audit = dump.get('audit_log') ?? [];
  expect(
    audit.filter((row) => row.includes('"ballot.vote')),
    stage,
  ).toEqual([]);
  for (let index = 0; index < voters + 2; index += 1)
    expect(
      audit.some((row) => row.includes(paperText(index))),
      stage,
    ).toBe(false);
  // Storage order is not voting order: choices come back in key order, which is random.
  const stored = choices.map((c) => JSON.parse(c.content_json).scores[itemId] as number);
  expect(stored, stage).not.toEqual([...stored].sort((a, b) => a - b));
  return choices;
}

describe('a secret ballot keeps no link between voter and choice', () => {
  it('while open: no table, no log, no insertion order links them', async () => {
    const choices = await expectNoLink('open');
    expect(choices.filter((c) => c.source === 'paper')).toHaveLength(2);
    if (t.services.handle.dialect.kind === 'sqlite') {
      // WITHOUT ROWID: there is no rowid that numbers rows as they were inserted.
      await expect(sql`SELECT rowid FROM ballot_choices`.execute(t.services.handle.db)).rejects.toThrow();
      await expect(
        sql`SELECT rowid FROM ballot_participations`.execute(t.services.handle.db),
      ).rejects.toThrow();
    }
  });

  it('each receipt finds its own paper, and only that', async () => {
    for (const [index, receipt] of receipts) {
      const response = await county.voters[index]?.request('POST', `/api/v1/ballots/${ballot.id}/receipt`, {
        receipt,
      });
      expect(response?.json()).toMatchObject({
        found: true,
        valid: true,
        paper: { scores: { [itemId]: scoreOf(index) } },
      });
    }
    const wrong = await county.voters[0]?.request('POST', `/api/v1/ballots/${ballot.id}/receipt`, {
      receipt: 'AAAAA-AAAAA-AAAAA-AAAAA',
    });
    expect(wrong?.json()).toMatchObject({ found: false, paper: null });
  });

  it('after close: sealed, counted, and the audit log holds only counts', async () => {
    const closed = await county.staff.request('POST', `/api/v1/ballots/${ballot.id}/actions/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    const results = closed.json().results;
    const total = Array.from({ length: voters + 2 }, (_, i) => scoreOf(i)).reduce((a, b) => a + b, 0);
    expect(results).toMatchObject({ voted: voters + 2, ballotsCast: voters + 2, paper: 2, consistent: true });
    expect(results.items[0].scoreMean).toBe(Math.round((total / (voters + 2)) * 100) / 100);
    await expectNoLink('closed');
    if (t.services.handle.dialect.kind === 'postgres') {
      // Sealed in the close transaction: every row has the same xmin, and heap order is shuffled.
      const system = await sql<{ kind: string; xmin: string }>`
        SELECT 'choice' AS kind, xmin::text AS xmin FROM ballot_choices WHERE ballot_id = ${ballot.id}
        UNION ALL
        SELECT 'voter', xmin::text FROM ballot_participations WHERE ballot_id = ${ballot.id}`.execute(
        t.services.handle.db,
      );
      expect(new Set(system.rows.map((r) => r.xmin)).size).toBe(1);
      const heap = await sql<{ content_json: string }>`
        SELECT content_json FROM ballot_choices WHERE ballot_id = ${ballot.id} ORDER BY ctid`.execute(
        t.services.handle.db,
      );
      const order = heap.rows.map((r) => JSON.parse(r.content_json).scores[itemId] as number);
      expect(order).not.toEqual([...order].sort((a, b) => a - b));
    }
    const receipt = receipts.get(3) ?? '';
    const lookup = await county.voters[3]?.request('POST', `/api/v1/ballots/${ballot.id}/receipt`, {
      receipt,
    });
    expect(lookup?.json()).toMatchObject({
      found: true,
      ballotStatus: 'closed',
      paper: { scores: { [itemId]: scoreOf(3) } },
    });
  });
});

describe('one ballot per voter under concurrent retries', () => {
  it('keeps exactly one of eight identical requests sent at once', async () => {
    const created = await county.staff.request('POST', '/api/v1/ballots', {
      bodyId: county.body.id,
      termId: county.term.id,
      title: '并发测试',
      kind: 'secret',
      questionType: 'approve',
      items: [{ title: '议题' }],
      electorate: { kind: 'deputies' },
      passRule: { kind: 'majority_of_all' },
    });
    const id = created.json().id as string;
    const item = created.json().items[0].id as string;
    await county.staff.request('POST', `/api/v1/ballots/${id}/actions/open`, {});
    const voter = county.voters[0];
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        voter?.request('POST', `/api/v1/ballots/${id}/vote`, { marks: { [item]: 'approve' } }),
      ),
    );
    const codes = responses.map((r) => r?.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const db = t.services.handle.db;
    const [participations, choices, ballotRow] = await Promise.all([
      db.selectFrom('ballot_participations').selectAll().where('ballot_id', '=', id).execute(),
      db.selectFrom('ballot_choices').selectAll().where('ballot_id', '=', id).execute(),
      db.selectFrom('ballots').select('ballots_cast').where('id', '=', id).executeTakeFirstOrThrow(),
    ]);
    expect([participations.length, choices.length, ballotRow.ballots_cast]).toEqual([1, 1, 1]);
  });
});
