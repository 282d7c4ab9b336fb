import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import { seedDemo, seedDemoIfEmpty } from './demo.seed.js';
import type { DemoSeedResult } from './demo.seed.js';
import { ensureAdministrator } from '../platform/bootstrap.js';

let t: TestApp;
let result: DemoSeedResult;

beforeAll(async () => {
  t = await createTestApp();
  result = await seedDemo(t.services);
});
afterAll(async () => t.close());

describe('demo county', () => {
  it('has the size the README promises', async () => {
    const db = t.handle.db;
    const count = async (table: 'bodies' | 'deputies' | 'deputy_seats' | 'units' | 'users') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('bodies')).toBe(16);
    expect(await count('units')).toBe(40);
    expect(await count('deputy_seats')).toBe(200 + 1500);
    // 60 county deputies also sit in their township's congress.
    expect(await count('deputies')).toBe(200 + 1500 - 60);
    expect(result.accounts.length).toBeGreaterThanOrEqual(12);
    expect((await t.services.audit.verify()).ok).toBe(true);
  });

  it('lets every demo account sign in, and the administrator is created on the county', async () => {
    const bootstrap = await ensureAdministrator(t.services, 'Admin-Pass-2025');
    expect(bootstrap.createdAdmin).toBe(true);
    for (const account of [...result.accounts, { username: 'admin', password: 'Admin-Pass-2025' }]) {
      const client = await signIn(t.app, account.username, account.password);
      const me = (await client.request('GET', '/api/v1/auth/me')).json();
      expect(me.roles.length, account.username).toBeGreaterThan(0);
    }
    const admin = await signIn(t.app, 'admin', 'Admin-Pass-2025');
    const me = (await admin.request('GET', '/api/v1/auth/me')).json();
    expect(me.roles[0].bodyName).toBe('青禾县人民代表大会');
  });

  it('is not seeded twice', async () => {
    expect(await seedDemoIfEmpty(t.services)).toBeNull();
    expect(await t.services.repositories.bodies.roots()).toHaveLength(1);
  });
});
