import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';
import { suggestionCounty } from '../suggestions/suggestions.fixture.js';
import type { SearchPage } from '../../shared/schemas/search.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof suggestionCounty>>;
let office: Client;
const items: Record<string, string> = {};

/** An accepted item with its own text, assigned (through the workflow, which indexes it) to a unit. */
async function item(key: string, title: string, grounds: string, unitId: string, disclose = 1) {
  const row = await county.acceptedItem(title);
  await t.handle.db
    .updateTable('suggestions')
    .set({ grounds, proposals: '建议有关部门研究解决。', disclose })
    .where('id', '=', row.id)
    .execute();
  const assigned = await office.request('POST', `/api/v1/suggestions/${row.id}/actions/assign`, {
    assignedOn: '2025-03-20',
    units: [{ unitId, role: 'lead' }],
  });
  expect(assigned.statusCode).toBe(200);
  items[key] = row.id;
}

async function search(client: Client, query: string, extra = ''): Promise<SearchPage> {
  const response = await client.request('GET', `/api/v1/search?q=${encodeURIComponent(query)}${extra}`);
  expect(response.statusCode).toBe(200);
  return response.json() as SearchPage;
}
const ids = (page: SearchPage) => page.items.map((i) => i.id).sort();
const key = (id: string) => Object.entries(items).find(([, v]) => v === id)?.[0] ?? id;
const keys = (page: SearchPage) => page.items.map((i) => key(i.id)).sort();

beforeAll(async () => {
  t = await createTestApp(new Date('2025-03-20T02:00:00Z'));
  county = await suggestionCounty(t.services, t.app);
  office = await county.staff('office_staff');
  const { housing, education, transport } = county.units;
  await item(
    'oldParking',
    '关于解决老旧小区停车难的建议',
    '城区老旧小区建成早，没有规划停车位，居民车辆只能停在消防通道，建议利用周边空地建设立体停车场。',
    housing.id,
  );
  await item(
    'hospitalParking',
    '关于增设县医院周边停车位的建议',
    '县医院门诊量大，就诊车辆在门口排长队，建议扩建医院停车场并设置临时车位。',
    transport.id,
  );
  await item(
    'gate',
    '关于改善小区门口通行秩序的建议',
    '新华小区门口不能停车，外卖车辆很难进出，建议重新施划标线。',
    transport.id,
  );
  await item(
    'schoolBus',
    '关于农村学校校车安全的建议',
    '偏远村组学生上学路远，家长雇用无资质车辆接送，建议统一配备标准校车。',
    education.id,
  );
  await item('lightsHidden', '关于增设村道路灯的建议', '村道夜间漆黑，建议安装太阳能路灯。', transport.id, 0);
  await item('lightsPublic', '关于维修城区路灯的建议', '城区多处路灯损坏，建议及时维修路灯。', transport.id);
});
afterAll(async () => t.close());

describe('full-text search in Chinese', () => {
  it('finds 停车难 and 停车位 items for 停车, ranked and highlighted', async () => {
    const page = await search(office, '停车');
    expect(keys(page)).toEqual(['gate', 'hospitalParking', 'oldParking']);
    expect(page.total).toBe(3);
    expect(page.terms).toEqual(['停车']);
    const first = page.items.find((i) => key(i.id) === 'oldParking');
    expect(first?.title.some((p) => p.mark && p.text === '停车')).toBe(true);
    expect(first?.snippet.some((p) => p.mark)).toBe(true);
    expect(page.items.every((i) => i.kind === 'suggestion')).toBe(true);
    const scores = page.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('matches two-character words and ANDs the words of a query', async () => {
    expect(keys(await search(office, '学校'))).toEqual(['schoolBus']);
    expect(keys(await search(office, '医院 停车'))).toEqual(['hospitalParking']);
    expect((await search(office, '医院 校车')).total).toBe(0);
  });

  it('matches a quoted phrase only as written', async () => {
    expect(keys(await search(office, '小区 停车'))).toEqual(['gate', 'oldParking']);
    expect(keys(await search(office, '"小区停车"'))).toEqual(['oldParking']);
  });

  it('filters by unit and status and paginates with the total', async () => {
    const byUnit = await search(office, '停车', `&unitId=${county.units.housing.id}`);
    expect(keys(byUnit)).toEqual(['oldParking']);
    const page1 = await search(office, '停车', '&pageSize=2&page=1');
    const page2 = await search(office, '停车', '&pageSize=2&page=2');
    expect(page1.items).toHaveLength(2);
    expect(page2.items).toHaveLength(1);
    expect(page1.total).toBe(3);
    expect(new Set([...ids(page1), ...ids(page2)]).size).toBe(3);
    expect((await search(office, '停车', '&status=closed')).total).toBe(0);
  });

  it('shows a unit user only its own items', async () => {
    const educationUser = await county.unitUser(county.units.education.id);
    expect((await search(educationUser, '停车')).items).toEqual([]);
    expect(keys(await search(educationUser, '校车'))).toEqual(['schoolBus']);
    const housingUser = await county.unitUser(county.units.housing.id);
    expect(keys(await search(housingUser, '停车'))).toEqual(['oldParking']);
  });

  it('public search returns disclosed items only', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/search?q=${encodeURIComponent('路灯')}`,
    });
    expect(response.statusCode).toBe(200);
    expect(keys(response.json() as SearchPage)).toEqual(['lightsPublic']);
    expect(keys(await search(office, '路灯'))).toEqual(['lightsHidden', 'lightsPublic']);
  });

  it('follows edits: a changed title loses the old word and gains the new one', async () => {
    const deputy = await county.deputyClient(0);
    const created = await deputy.request('POST', '/api/v1/suggestions', {
      bodyId: county.body.id,
      sessionId: county.session.id,
      kind: 'suggestion',
      timing: 'session',
      title: '关于推进垃圾分类的建议',
      grounds: '小区垃圾混装混运，分类设施不足，居民分类意识不强，影响人居环境。',
      proposals: '建议配齐分类垃圾桶，开展宣传教育，建立分类收运体系。',
      disclose: true,
    });
    expect(created.statusCode).toBe(201);
    const draft = created.json() as { id: string; version: number };
    expect(ids(await search(deputy, '垃圾分类'))).toEqual([draft.id]);
    // Office staff never see someone else's draft.
    expect((await search(office, '垃圾分类')).total).toBe(0);
    const edited = await deputy.request('PATCH', `/api/v1/suggestions/${draft.id}`, {
      title: '关于建设乡镇污水处理站的建议',
      grounds: '集镇生活污水直排河道，河水发黑发臭，群众反映强烈。',
      proposals: '建议尽快建设乡镇污水处理站并配套收集管网。',
      version: draft.version,
    });
    expect(edited.statusCode).toBe(200);
    expect((await search(deputy, '垃圾分类')).total).toBe(0);
    expect(ids(await search(deputy, '污水处理'))).toEqual([draft.id]);
  });

  it('leaves the entry alone when a move keeps the text, re-indexes a changed one', async () => {
    const deputy = await county.deputyClient(0);
    const created = await deputy.request('POST', '/api/v1/suggestions', {
      bodyId: county.body.id,
      sessionId: county.session.id,
      kind: 'suggestion',
      timing: 'session',
      title: '关于增设农村客运班线的建议',
      grounds: '偏远行政村没有客运班线，群众出行只能搭乘摩托车，安全隐患大。',
      proposals: '建议县交通运输局增设农村客运班线，并给予运营补贴。',
      disclose: true,
    });
    expect(created.statusCode).toBe(201);
    const draft = created.json() as { id: string; version: number };
    const entry = () =>
      t.handle.db
        .selectFrom('search_documents')
        .select(['seq', 'updated_at'])
        .where('kind', '=', 'suggestion')
        .where('source_id', '=', draft.id)
        .executeTakeFirstOrThrow();
    const before = await entry();
    // A move that changes the state only (as a review pass does), then the indexer hook it runs.
    t.clock.advanceMinutes(1);
    await t.handle.db.transaction().execute(async (trx) => {
      await trx.updateTable('suggestions').set({ status: 'in_review' }).where('id', '=', draft.id).execute();
      await t.services.searchIndexer.suggestion(trx, draft.id);
    });
    expect(await entry()).toEqual(before);
    // Still found, now by the office too (it is no longer a draft).
    expect(ids(await search(office, '客运班线'))).toEqual([draft.id]);
    // A changed text is indexed again.
    await t.handle.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('suggestions')
        .set({ title: '关于开通城乡公交的建议' })
        .where('id', '=', draft.id)
        .execute();
      await t.services.searchIndexer.suggestion(trx, draft.id);
    });
    expect((await entry()).updated_at).not.toBe(before.updated_at);
    expect(ids(await search(office, '城乡公交'))).toEqual([draft.id]);
  });

  it('indexes reception records, seen by their deputy and office staff, not by units', async () => {
    const deputy = await county.deputyClient(2);
    const recorded = await deputy.request('POST', '/api/v1/receptions', {
      channel: 'visit',
      category: 'infrastructure',
      matter: '群众反映石桥镇农贸市场周边排水沟堵塞，雨天污水漫到路面。',
      receivedOn: '2025-03-20',
      solvedAnswer: '已联系镇政府安排疏通排水沟。',
    });
    expect(recorded.statusCode).toBe(201);
    const id = (recorded.json() as { id: string }).id;
    const found = await search(office, '排水沟', '&kinds=reception');
    expect(found.items.map((i) => [i.kind, i.id])).toEqual([['reception', id]]);
    // The answer given on the spot is indexed too.
    expect(ids(await search(deputy, '疏通'))).toEqual([id]);
    const unitUser = await county.unitUser(county.units.transport.id);
    expect((await search(unitUser, '排水沟')).total).toBe(0);
  });

  it('indexes reply letters: the unit sees its draft, others only sent letters', async () => {
    const assignment = await t.handle.db
      .selectFrom('assignments')
      .select('id')
      .where('suggestion_id', '=', items.schoolBus ?? '')
      .executeTakeFirstOrThrow();
    const handler = await county.unitUser(county.units.education.id);
    expect(
      (await handler.request('POST', `/api/v1/assignments/${assignment.id}/actions/receive`, {})).statusCode,
    ).toBe(200);
    const saved = await handler.request('PUT', `/api/v1/assignments/${assignment.id}/reply`, {
      outcomeClass: 'A',
      documentNo: '青教函〔2025〕12号',
      body: '我局已为偏远村组新增标准校车六辆，开通定制校车线路三条，并对驾驶员开展安全培训。',
    });
    expect(saved.statusCode).toBe(200);
    const found = await search(handler, '定制校车');
    expect(found.items.map((i) => [i.kind, i.suggestionId])).toEqual([['reply', items.schoolBus]]);
    expect((await search(office, '定制校车')).total).toBe(0);
    expect((await search(await county.unitUser(county.units.transport.id), '定制校车')).total).toBe(0);
  });

  it('rebuild reproduces the index', async () => {
    const snapshot = async () =>
      (
        await t.handle.db
          .selectFrom('search_documents')
          .select(['kind', 'source_id', 'tokens', 'content'])
          .orderBy('kind')
          .orderBy('source_id')
          .execute()
      ).map((r) => JSON.stringify(r));
    const terms = async () =>
      (await t.handle.db.selectFrom('search_terms').select(['term', 'df']).orderBy('term').execute()).filter(
        (r) => r.df > 0,
      );
    const before = { docs: await snapshot(), terms: await terms(), hits: ids(await search(office, '停车')) };
    const result = await t.services.search.rebuild(2);
    expect(result.documents).toBe(before.docs.length);
    expect(await snapshot()).toEqual(before.docs);
    expect(await terms()).toEqual(before.terms);
    expect(ids(await search(office, '停车'))).toEqual(before.hits);
  });

  it('keeps an editable user dictionary (staff only)', async () => {
    const unitUser = await county.unitUser(county.units.education.id);
    const refused = await unitUser.request('POST', '/api/v1/search/dictionary', { word: '青禾大道' });
    expect(refused.statusCode).toBe(403);
    const added = await office.request('POST', '/api/v1/search/dictionary', {
      word: '青禾大道',
      kind: 'place',
    });
    expect(added.statusCode).toBe(201);
    const list = (await office.request('GET', '/api/v1/search/dictionary')).json() as {
      items: { word: string }[];
    };
    expect(list.items.map((w) => w.word)).toContain('青禾大道');
    expect(list.items.map((w) => w.word)).toContain('老旧小区');
    const account = await factories(t.services).user({ roles: [{ role: 'admin', bodyId: county.body.id }] });
    const admin = await signIn(t.app, account.username, testPassword);
    expect((await admin.request('POST', '/api/v1/search/rebuild', {})).statusCode).toBe(200);
  });
});

describe('similar suggestions and recommendations', () => {
  it('shows the earlier item on the same matter, in other words, at the top', async () => {
    const deputy = await county.deputyClient(1);
    const query = new URLSearchParams({
      bodyId: county.body.id,
      title: '缓解老小区居民停车矛盾',
      text: '近年来私家车快速增加，老旧小区车位严重不足，晚上乱停乱放堵塞消防通道。建议盘活闲置地块新建公共停车场。',
    });
    const response = await deputy.request('GET', `/api/v1/suggestions/similar?${query.toString()}`);
    expect(response.statusCode).toBe(200);
    const list = response.json() as { items: { id: string; score: number; leadUnitName: string | null }[] };
    expect(key(list.items[0]?.id ?? '')).toBe('oldParking');
    expect(list.items[0]?.leadUnitName).toBe('县住房和城乡建设局');
    const scores = list.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(list.items.every((i) => key(i.id) !== 'schoolBus')).toBe(true);
  });

  it('lists items similar to an existing one, not the item itself', async () => {
    const response = await office.request('GET', `/api/v1/suggestions/${items.hospitalParking}/similar`);
    expect(response.statusCode).toBe(200);
    const list = response.json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).not.toContain(items.hospitalParking);
    expect(key(list.items[0]?.id ?? '')).toBe('oldParking');
  });

  it('recommends the unit that handled the nearest past items, with evidence', async () => {
    const row = await county.acceptedItem('关于增加老旧小区停车位的建议');
    await t.handle.db
      .updateTable('suggestions')
      .set({ grounds: '老旧小区没有停车位，车辆占用消防通道，建议建设立体停车场。' })
      .where('id', '=', row.id)
      .execute();
    const response = await office.request('GET', `/api/v1/suggestions/${row.id}/recommendations`);
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      leadUnits: { id: string; evidence: { id: string }[] }[];
      categories: { id: string }[];
    };
    expect(body.leadUnits[0]?.id).toBe(county.units.housing.id);
    expect(body.leadUnits[0]?.evidence.map((e) => e.id)).toContain(items.oldParking);
    expect(body.categories[0]?.id).toBe(county.category.id);
    const unitUser = await county.unitUser(county.units.education.id);
    expect((await unitUser.request('GET', `/api/v1/suggestions/${row.id}/recommendations`)).statusCode).toBe(
      404,
    );
  });
});
