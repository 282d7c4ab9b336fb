import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';

let t: TestApp;
let alice: Client;
let bob: Client;

const layout = {
  columns: ['serialLabel', 'title', 'leadDeputyName', 'status'],
  filters: { status: ['handling', 'replied'], overdue: 'true', unitId: null },
  sort: 'serial',
  pageSize: 50,
};

beforeAll(async () => {
  t = await createTestApp();
  const make = factories(t.services);
  const body = await make.body();
  const users = await Promise.all(
    [0, 1].map(() => make.user({ roles: [{ role: 'office_staff', bodyId: body.id }] })),
  );
  alice = await signIn(t.app, users[0]?.username ?? '', testPassword);
  bob = await signIn(t.app, users[1]?.username ?? '', testPassword);
});
afterAll(async () => t.close());

describe('saved list views', () => {
  it('saves a layout, lists it per list, and audits the write', async () => {
    const created = await alice.request('POST', '/api/v1/saved-views', {
      listKey: 'suggestions',
      name: '逾期在办',
      config: layout,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ listKey: 'suggestions', name: '逾期在办', config: layout });

    const listed = await alice.request('GET', '/api/v1/saved-views?listKey=suggestions');
    expect(listed.json().items.map((v: { name: string }) => v.name)).toEqual(['逾期在办']);
    expect((await alice.request('GET', '/api/v1/saved-views?listKey=deputies')).json().items).toEqual([]);

    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('target_id')
      .where('action', '=', 'saved_view.create')
      .execute();
    expect(audit.map((a) => a.target_id)).toContain(created.json().id);
  });

  it('refuses a second view of the same name in one list', async () => {
    const again = await alice.request('POST', '/api/v1/saved-views', {
      listKey: 'suggestions',
      name: '逾期在办',
      config: { columns: ['title'], filters: {} },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('同名视图');
  });

  it('validates the config and keeps it under 8 KB', async () => {
    const huge = await alice.request('POST', '/api/v1/saved-views', {
      listKey: 'suggestions',
      name: '太大',
      config: {
        columns: ['title'],
        filters: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, 'x'.repeat(300)])),
      },
    });
    expect(huge.statusCode).toBe(400);
    expect(JSON.stringify(huge.json())).toContain('「视图设置」不能超过 8 KB');

    const noColumns = await alice.request('POST', '/api/v1/saved-views', {
      listKey: 'suggestions',
      name: '缺列',
      config: { filters: {} },
    });
    expect(noColumns.statusCode).toBe(400);
    expect(JSON.stringify(noColumns.json())).toContain('「显示列」');

    const badKey = await alice.request('POST', '/api/v1/saved-views', {
      listKey: 'Suggestions!',
      name: '键',
      config: { columns: [], filters: {} },
    });
    expect(badKey.statusCode).toBe(400);
  });

  it('shows and deletes only the owner’s views: another user gets 404', async () => {
    const mine = (await alice.request('GET', '/api/v1/saved-views?listKey=suggestions')).json().items[0];
    expect((await bob.request('GET', '/api/v1/saved-views?listKey=suggestions')).json().items).toEqual([]);
    const stolen = await bob.request('DELETE', `/api/v1/saved-views/${mine.id}`);
    expect(stolen.statusCode).toBe(404);

    // Bob may use the same name for his own view.
    expect(
      (
        await bob.request('POST', '/api/v1/saved-views', {
          listKey: 'suggestions',
          name: '逾期在办',
          config: { columns: ['title'], filters: {} },
        })
      ).statusCode,
    ).toBe(201);

    expect((await alice.request('DELETE', `/api/v1/saved-views/${mine.id}`)).statusCode).toBe(200);
    expect((await alice.request('GET', '/api/v1/saved-views?listKey=suggestions')).json().items).toEqual([]);
    expect((await alice.request('DELETE', `/api/v1/saved-views/${mine.id}`)).statusCode).toBe(404);
    expect((await bob.request('GET', '/api/v1/saved-views?listKey=suggestions')).json().items).toHaveLength(
      1,
    );
  });
});
