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

  it('has a session of suggestions each role can work with', async () => {
    const office = await signIn(t.app, 'office', 'Demo-Minyi-2025');
    const all = (await office.request('GET', '/api/v1/suggestions?pageSize=1')).json();
    expect(all.total).toBe(118 - 6); // drafts stay private to their deputies
    const review = (await office.request('GET', '/api/v1/suggestions?view=review')).json();
    expect(review.total).toBeGreaterThan(0);
    const handler = await signIn(t.app, 'edu_handler', 'Demo-Minyi-2025');
    const inbox = (await handler.request('GET', '/api/v1/assignments/inbox')).json();
    expect(inbox.total).toBeGreaterThan(0);
    expect(inbox.items[0].unitName).toBe('县教育局');
    const deputy = await signIn(t.app, 'deputy', 'Demo-Minyi-2025');
    expect((await deputy.request('GET', '/api/v1/suggestions?view=mine')).json().total).toBeGreaterThan(0);
    const categories = (
      await office.request('GET', `/api/v1/categories?bodyId=${all.items[0].bodyId}`)
    ).json();
    expect(categories.length).toBe(11);
  });

  it('lists the county standing committee (positions are codes the API serves)', async () => {
    const office = await signIn(t.app, 'office', 'Demo-Minyi-2025');
    const me = (await office.request('GET', '/api/v1/auth/me')).json();
    const terms = (await office.request('GET', `/api/v1/terms?bodyId=${me.roles[0].bodyId}`)).json();
    const members = await office.request('GET', `/api/v1/standing-committee-members?termId=${terms[0].id}`);
    expect(members.statusCode, members.body).toBe(200);
    expect(JSON.stringify(members.json())).toContain('vice_chair');
  });

  it('is not seeded twice', async () => {
    expect(await seedDemoIfEmpty(t.services)).toBeNull();
    expect(await t.services.repositories.bodies.roots()).toHaveLength(1);
  });
});
