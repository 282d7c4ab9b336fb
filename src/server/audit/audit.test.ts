import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';

let t: TestApp;
let make: ReturnType<typeof factories>;

beforeAll(async () => {
  t = await createTestApp();
  make = factories(t.services);
});
afterAll(async () => t.close());

/** What a DBA with full rights could do: lift the append-only guard, then run raw SQL. */
async function tamper(statement: string) {
  const { db, dialect } = t.handle;
  for (const s of dialect.dropAppendOnlyTriggerStatements('audit_log')) await sql.raw(s).execute(db);
  await sql.raw(statement).execute(db);
  for (const s of dialect.appendOnlyTriggerStatements('audit_log')) await sql.raw(s).execute(db);
}

describe('audit chain', () => {
  it('records writes with actor, target and before/after, readable by an admin', async () => {
    const { user, body } = await make.adminOf();
    const client = await signIn(t.app, user.username, testPassword);
    const renamed = await client.request('PATCH', `/api/v1/bodies/${body.id}`, { name: '改名后的人大' });
    expect(renamed.statusCode).toBe(200);
    const log = await client.request('GET', `/api/v1/audit?targetId=${body.id}`);
    expect(log.statusCode).toBe(200);
    const [entry] = log.json().items;
    expect(entry).toMatchObject({
      action: 'body.update',
      actorId: user.id,
      targetType: 'body',
      targetId: body.id,
    });
    expect(entry.before.name).toBe(body.name);
    expect(entry.after.name).toBe('改名后的人大');
  });

  it('refuses UPDATE on the audit table', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.handle.db)).rejects.toThrow(/append-only/);
  });

  it('verifies an intact chain and detects an edited entry', async () => {
    await make.adminOf();
    const intact = await t.services.audit.verify();
    expect(intact).toMatchObject({ ok: true, algorithm: 'sm3' });
    expect(intact.checked).toBeGreaterThan(2);

    await tamper(`UPDATE audit_log SET actor_name = 'someone else' WHERE seq = 2`);
    const broken = await t.services.audit.verify();
    expect(broken.ok).toBe(false);
    expect(broken.failure?.seq).toBe(2);
    expect(broken.failure?.reason).toContain('edited');
  });
});

describe('audit chain deletions', () => {
  it('detects a removed middle entry and a removed last entry', async () => {
    const fresh = await createTestApp();
    try {
      const more = factories(fresh.services);
      await more.adminOf();
      await more.adminOf();
      const { db } = fresh.handle;
      expect((await fresh.services.audit.verify()).ok).toBe(true);
      await sql`DELETE FROM audit_log WHERE seq = 1`.execute(db);
      const missingFirst = await fresh.services.audit.verify();
      expect(missingFirst).toMatchObject({ ok: false, failure: { seq: 1 } });
    } finally {
      await fresh.close();
    }
    const other = await createTestApp();
    try {
      await factories(other.services).adminOf();
      const head = await other.services.repositories.audit.head();
      await sql`DELETE FROM audit_log WHERE seq = ${head.seq}`.execute(other.handle.db);
      const result = await other.services.audit.verify();
      expect(result.ok).toBe(false);
      expect(result.failure?.reason).toContain('removed');
    } finally {
      await other.close();
    }
  });

  it('purges entries past the retention period and still verifies', async () => {
    const app = await createTestApp(new Date('2024-01-01T00:00:00Z'));
    try {
      const more = factories(app.services);
      await more.adminOf();
      app.clock.set(new Date('2024-09-01T00:00:00Z'));
      await more.adminOf();
      const removed = await app.services.audit.purgeOlderThan(6, null);
      expect(removed).toBeGreaterThan(0);
      expect(await app.services.audit.verify()).toMatchObject({ ok: true });
    } finally {
      await app.close();
    }
  });
});
