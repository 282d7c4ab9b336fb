import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext } from '../testing/test-context.js';
import type { TestContext } from '../testing/test-context.js';
import { openDatabase } from '../db/database.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import { JobsRepository } from './jobs.repository.js';
import { JobsService } from './jobs.service.js';

let t: TestContext;
/** A second process: its own connection pool on PostgreSQL, the same connection on SQLite. */
let second: DatabaseHandle;

beforeAll(async () => {
  t = await createTestContext(new Date('2025-06-01T00:00:00Z'));
  const schema = await t.handle.dialect.currentSchema(t.handle.db);
  second =
    process.env.DATABASE_URL && schema
      ? openDatabase({ databaseUrl: process.env.DATABASE_URL, postgresSchema: schema })
      : t.handle;
});
afterAll(async () => {
  if (second !== t.handle) await second.close();
  await t.close();
});

/** The job's effect: counts how often it ran, in the job's own transaction. */
async function countRun(trx: Executor, payload: Record<string, unknown>) {
  await trx
    .insertInto('serial_counters')
    .values({ scope: `ran:${String(payload.n)}`, last: 1 })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ last: sql`serial_counters.last + 1` }))
    .execute();
}

function runner(handle: DatabaseHandle, failFirst = false) {
  const service = new JobsService(handle.db, new JobsRepository(handle.db), t.clock);
  let failed = false;
  service.register('test.count', {
    run: async (trx, payload) => {
      await countRun(trx, payload);
      if (failFirst && !failed) {
        failed = true;
        throw new Error('crash after the effect');
      }
    },
  });
  return service;
}

describe('durable jobs', () => {
  it('run each due job exactly once with two runners racing', async () => {
    const a = runner(t.handle);
    const b = runner(second);
    await t.handle.db.transaction().execute(async (trx) => {
      for (let n = 0; n < 30; n += 1) {
        await a.schedule(trx, {
          kind: 'test.count',
          key: `race:${n}`,
          runAt: '2025-06-01T00:00:00.000Z',
          payload: { n: `race${n}` },
        });
        // Scheduling the same key again is one job.
        await b.schedule(trx, {
          kind: 'test.count',
          key: `race:${n}`,
          runAt: '2025-06-01T00:00:00.000Z',
          payload: { n: `race${n}` },
        });
      }
    });
    const [doneA, doneB] = await Promise.all([a.runDue(), b.runDue()]);
    expect(doneA + doneB).toBe(30);
    const counts = await t.handle.db
      .selectFrom('serial_counters')
      .selectAll()
      .where('scope', 'like', 'ran:race%')
      .execute();
    expect(counts).toHaveLength(30);
    expect(counts.every((c) => c.last === 1)).toBe(true);
    expect(await Promise.all([a.runDue(), b.runDue()])).toEqual([0, 0]);
  });

  it('does not run a job before its time', async () => {
    const a = runner(t.handle);
    await a.schedule(t.handle.db, {
      kind: 'test.count',
      key: 'later',
      runAt: '2025-06-02T00:00:00.000Z',
      payload: { n: 'later' },
    });
    expect(await a.runDue()).toBe(0);
    t.clock.set(new Date('2025-06-02T00:00:01Z'));
    expect(await a.runDue()).toBe(1);
  });

  it('rolls back a failed run and retries it later, so its effect happens once', async () => {
    t.clock.set(new Date('2025-06-03T00:00:00Z'));
    const a = runner(t.handle, true);
    await a.schedule(t.handle.db, {
      kind: 'test.count',
      key: 'retry',
      runAt: '2025-06-03T00:00:00.000Z',
      payload: { n: 'retry' },
    });
    expect(await a.runDue()).toBe(0);
    const job = await new JobsRepository(t.handle.db).byKey('retry');
    expect(job).toMatchObject({ status: 'pending', attempts: 1, last_error: 'crash after the effect' });
    expect(
      await t.handle.db
        .selectFrom('serial_counters')
        .selectAll()
        .where('scope', '=', 'ran:retry')
        .executeTakeFirst(),
    ).toBeUndefined();
    t.clock.advanceMinutes(2);
    expect(await a.runDue()).toBe(1);
    expect(
      (
        await t.handle.db
          .selectFrom('serial_counters')
          .selectAll()
          .where('scope', '=', 'ran:retry')
          .executeTakeFirstOrThrow()
      ).last,
    ).toBe(1);
  });

  it('lets another runner take over a job whose runner died holding it', async () => {
    t.clock.set(new Date('2025-06-04T00:00:00Z'));
    const a = runner(t.handle);
    await a.schedule(t.handle.db, {
      kind: 'test.count',
      key: 'orphan',
      runAt: '2025-06-04T00:00:00.000Z',
      payload: { n: 'orphan' },
    });
    const repository = new JobsRepository(t.handle.db);
    const job = await repository.byKey('orphan');
    if (!job) throw new Error('job missing');
    expect(
      await repository.claim(job.id, 'dead-runner', '2025-06-04T00:00:00.000Z', '2025-06-04T00:05:00.000Z'),
    ).toBe(true);
    expect(await a.runDue()).toBe(0);
    t.clock.set(new Date('2025-06-04T00:06:00Z'));
    expect(await a.runDue()).toBe(1);
  });
});
