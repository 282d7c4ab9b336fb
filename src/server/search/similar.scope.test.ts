import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { suggestionCounty } from '../suggestions/suggestions.fixture.js';
import { migrateDown, migrateToLatest } from '../db/migrate.js';
import type { BodyRow } from '../db/schema.js';
import type { SearchPage, SimilarList } from '../../shared/schemas/search.js';

// The engine narrows matches to the bodies searched (scope tokens, migration 0013): these check
// that the narrowing returns exactly what filtering afterwards returned, across levels.
let t: TestApp;
let county: Awaited<ReturnType<typeof suggestionCounty>>;
let office: Client;
let township: BodyRow;
const items: Record<string, string> = {};

const parking = {
  title: '关于解决老旧小区停车难的建议',
  grounds: '老旧小区没有规划停车位，居民车辆停在消防通道，建议利用周边空地建设立体停车场。',
};

/** An accepted, disclosed item of `bodyId`, written straight to the table (indexed by the rebuild). */
async function item(key: string, bodyId: string, title: string, grounds: string) {
  const row = await county.acceptedItem(title);
  await t.handle.db
    .updateTable('suggestions')
    .set({ body_id: bodyId, grounds })
    .where('id', '=', row.id)
    .execute();
  items[key] = row.id;
}

async function similar(bodyId: string, includeLevels: string): Promise<string[]> {
  const query = new URLSearchParams({
    bodyId,
    includeLevels,
    title: '缓解老小区停车矛盾',
    text: '老旧小区车位严重不足，车辆乱停堵塞消防通道，建议新建公共停车场。',
  });
  const response = await office.request('GET', `/api/v1/suggestions/similar?${query.toString()}`);
  expect(response.statusCode).toBe(200);
  const keys = (response.json() as SimilarList).items.map(
    (i) => Object.entries(items).find(([, id]) => id === i.id)?.[0] ?? i.id,
  );
  return keys.sort();
}

beforeAll(async () => {
  t = await createTestApp(new Date('2025-03-20T02:00:00Z'));
  county = await suggestionCounty(t.services, t.app);
  office = await county.staff('office_staff');
  township = await county.make.body({ parent: county.body, name: '石桥镇人大' });
  const elsewhere = await county.make.body({ name: '邻县人大' });
  // A reception recorded before the items: a rebuild must not put it after them.
  const deputy = await county.deputyClient(2);
  const recorded = await deputy.request('POST', '/api/v1/receptions', {
    channel: 'visit',
    category: 'infrastructure',
    matter: '群众反映农贸市场周边排水沟堵塞。',
    receivedOn: '2025-03-20',
  });
  expect(recorded.statusCode).toBe(201);
  await item('county', county.body.id, parking.title, parking.grounds);
  await item('township', township.id, '关于增加石桥镇小区停车位的建议', parking.grounds);
  await item('elsewhere', elsewhere.id, parking.title, parking.grounds);
  await item('school', county.body.id, '关于农村学校校车安全的建议', '建议统一配备标准校车。');
  // One document a batch: the order within a batch is by kind.
  await t.services.search.rebuild(1);
});
afterAll(async () => t.close());

describe('similar suggestions look only in the bodies searched', () => {
  it('the body itself, its subtree below, or its bodies above', async () => {
    expect(await similar(county.body.id, 'none')).toEqual(['county']);
    expect(await similar(county.body.id, 'below')).toEqual(['county', 'township']);
    expect(await similar(township.id, 'none')).toEqual(['township']);
    expect(await similar(township.id, 'above')).toEqual(['county', 'township']);
    expect(await similar(township.id, 'below')).toEqual(['township']);
  });

  it('a draft sharing no indexed word finds nothing (and asks the engine nothing)', async () => {
    const query = new URLSearchParams({ bodyId: county.body.id, title: '乒乓球', text: '羽毛球' });
    const response = await office.request('GET', `/api/v1/suggestions/similar?${query.toString()}`);
    expect(response.statusCode).toBe(200);
    expect((response.json() as SimilarList).items).toEqual([]);
  });

  it('a county office searches its subtree only, however many items elsewhere match', async () => {
    const response = await office.request('GET', `/api/v1/search?q=${encodeURIComponent('停车')}`);
    const page = response.json() as SearchPage;
    expect(page.items.map((i) => i.id).sort()).toEqual([items.county, items.township].sort());
    expect(page.total).toBe(2);
  });

  it('a rebuild numbers documents of every kind in creation (id) order', async () => {
    const rows = await t.handle.db
      .selectFrom('search_documents')
      .select(['source_id', 'kind'])
      .orderBy('seq')
      .execute();
    const ids = rows.map((r) => r.source_id);
    expect(rows[0]?.kind).toBe('reception');
    expect(ids).toEqual([...ids].sort());
  });

  it('the migration gives documents indexed before it their scope (down, then up again)', async () => {
    let reverted: string[] = [];
    while (!reverted.includes('0013_search_perf')) reverted = await migrateDown(t.handle);
    await migrateToLatest(t.handle);
    expect(await similar(county.body.id, 'none')).toEqual(['county']);
    expect(await similar(county.body.id, 'below')).toEqual(['county', 'township']);
  });
});
