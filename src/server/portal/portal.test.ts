import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import { newId } from '../platform/ids.js';
import type { SuggestionRow } from '../db/schema.js';
import { oversightCounty } from '../supervision/cases.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof oversightCounty>>;
let rated: SuggestionRow;
let handled: SuggestionRow;
let secret: SuggestionRow;
const hiddenStatuses = ['draft', 'in_review', 'returned', 'rejected', 'withdrawn', 'merged'];
const notPublic: SuggestionRow[] = [];
/** Every public response body, scanned at the end for contact data. */
const seen: string[] = [];

async function get(url: string) {
  const response = await t.app.inject({ method: 'GET', url });
  seen.push(response.body);
  return response;
}

beforeAll(async () => {
  t = await createTestApp(new Date('2025-03-20T02:00:00Z'));
  county = await oversightCounty(t);
  const db = t.handle.db;
  const { education, housing } = county.units;
  await db
    .updateTable('units')
    .set({ contact_person: '王联络', contact_phone: '0371-5550000' })
    .where('body_id', '=', county.body.id)
    .execute();

  rated = await county.acceptedItem('关于农村学校校车安全的建议');
  for (const deputy of county.deputies.slice(1))
    await db
      .insertInto('suggestion_signers')
      .values({
        suggestion_id: rated.id,
        deputy_id: deputy.id,
        status: 'confirmed',
        invited_at: rated.created_at,
        responded_at: rated.created_at,
      })
      .execute();
  const [lead] = await county.assign(rated.id, [{ unitId: education.id, role: 'lead' }], '2025-03-20');
  if (!lead) throw new Error('no assignment');
  const handler = await county.unitUser('unit_handler', education.id, 'handler');
  await handler.request('POST', `/api/v1/assignments/${lead.id}/actions/receive`, {});
  await handler.request('PUT', `/api/v1/assignments/${lead.id}/plan`, {
    handlerName: '林静',
    handlerPhone: '13800001111',
    plan: '会同交通部门排查全县校车线路。',
    plannedFinishOn: '2025-06-10',
  });
  await county.sendReply(lead.id, education.id, 'B', '经研究，我局计划年内更新校车 20 辆，配备随车照管员。', {
    receive: false,
  });
  await county.rate(rated.id, 'unsatisfied', '领衔代表理由：答复笼统没有时间表');
  await county.sendReply(lead.id, education.id, 'A', '已更新校车 20 辆并全部配备随车照管员，线路评估完成。', {
    receive: false,
  });
  await county.rate(rated.id, 'satisfied');
  // A co-signer's own view: never public.
  await db
    .insertInto('ratings')
    .values({
      id: newId(),
      suggestion_id: rated.id,
      round: 2,
      deputy_id: county.deputies[1]?.id ?? '',
      is_lead: 0,
      attitude: 'unsatisfied',
      result: 'unsatisfied',
      reason: '联名代表个人意见不应公开',
      created_at: t.clock.now().toISOString(),
    })
    .execute();

  handled = await county.acceptedItem('关于城区老旧小区停车难的建议');
  await county.assign(handled.id, [{ unitId: housing.id, role: 'lead' }], '2025-03-20');

  secret = await county.acceptedItem('关于不予公开事项的建议');
  await db
    .updateTable('suggestions')
    .set({ disclose: 0, nondisclosure_reason: '涉及个人隐私' })
    .where('id', '=', secret.id)
    .execute();
  await county.assign(secret.id, [{ unitId: housing.id, role: 'lead' }], '2025-03-20');

  for (const status of hiddenStatuses) {
    const row = await county.acceptedItem(`关于${status}状态事项的建议`);
    await db.updateTable('suggestions').set({ status }).where('id', '=', row.id).execute();
    notPublic.push(row);
  }
});
afterAll(async () => t.close());

describe('public portal: list', () => {
  it('lists disclosed items accepted or later, without login', async () => {
    const response = await get(`/api/v1/public/suggestions?bodyId=${county.body.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json();
    const ids = page.items.map((i: { id: string }) => i.id);
    expect(ids.sort()).toEqual([rated.id, handled.id].sort());
    expect(page.total).toBe(2);
    const item = page.items.find((i: { id: string }) => i.id === rated.id);
    expect(item).toMatchObject({
      titleOnly: false,
      serialLabel: '第0001号',
      title: '关于农村学校校车安全的建议',
      leadDeputyName: '代表1',
      categoryName: '城乡建设',
      sessionName: '第十八届人民代表大会第三次会议',
      units: [{ unitName: '县教育局', role: 'lead' }],
      status: 'closed',
      statusLabel: '已办结',
      // The re-handled item shows its second reply's class.
      outcomes: [{ unitName: '县教育局', outcomeClass: 'A', outcomeLabel: '已解决或基本解决' }],
      rating: { closeReason: 'rated', attitude: 'satisfied', result: 'satisfied', label: '满意' },
    });
    expect(page.items.find((i: { id: string }) => i.id === handled.id)).toMatchObject({
      status: 'handling',
      outcomes: [],
      rating: null,
    });
  });

  it('filters by session, category, unit, status and title, and pages', async () => {
    const base = `/api/v1/public/suggestions?bodyId=${county.body.id}`;
    const ids = async (query: string) =>
      (await get(`${base}&${query}`)).json().items.map((i: { id: string }) => i.id);
    expect(await ids(`unitId=${county.units.housing.id}`)).toEqual([handled.id]);
    expect(await ids('status=closed')).toEqual([rated.id]);
    expect(await ids(`q=${encodeURIComponent('校车')}`)).toEqual([rated.id]);
    expect(await ids(`categoryId=${county.category.id}&sessionId=${county.session.id}`)).toEqual([
      rated.id,
      handled.id,
    ]);
    const paged = (await get(`${base}&sessionId=${county.session.id}&pageSize=1&page=2`)).json();
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ id: handled.id }] });
    expect((await get(`${base}&status=draft`)).statusCode).toBe(400);
  });
});

describe('public portal: one item', () => {
  it('shows the three parts, units, sent replies and the rating result, but no views or reasons', async () => {
    const response = await get(`/api/v1/public/suggestions/${rated.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const detail = response.json();
    expect(detail).toMatchObject({
      title: rated.title,
      grounds: rated.grounds,
      proposals: rated.proposals,
      coSignerNames: ['代表2', '代表3'],
      units: [{ unitName: '县教育局', role: 'lead' }],
      rating: { result: 'satisfied', label: '满意' },
    });
    expect(
      detail.replies.map((r: { round: number; outcomeClass: string }) => [r.round, r.outcomeClass]),
    ).toEqual([
      [1, 'B'],
      [2, 'A'],
    ]);
    expect(detail.replies[0].body).toContain('更新校车 20 辆');
    expect(response.body).not.toContain('联名代表个人意见');
    expect(response.body).not.toContain('领衔代表理由');
    expect(response.body).not.toContain('reason');
  });

  it('answers 404 for an undisclosed id exactly as for an unknown one, and lists nothing of it', async () => {
    const hidden = await get(`/api/v1/public/suggestions/${secret.id}`);
    const unknown = await get(`/api/v1/public/suggestions/${newId()}`);
    expect(hidden.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const strip = (body: string) => body.replaceAll(secret.id, 'ID').replace(/[0-9A-HJKMNP-TV-Z]{26}/g, 'ID');
    expect(strip(hidden.body)).toBe(strip(unknown.body));
    expect(hidden.body).not.toContain(secret.title);
    const search = await get(
      `/api/v1/public/suggestions?bodyId=${county.body.id}&q=${encodeURIComponent('不予公开')}`,
    );
    expect(search.json()).toMatchObject({ items: [], total: 0 });
  });

  it('never shows drafts, items in review, returned, rejected, withdrawn or merged items', async () => {
    for (const row of notPublic) {
      const response = await get(`/api/v1/public/suggestions/${row.id}`);
      expect(response.statusCode, row.status).toBe(404);
    }
    const all = (await get(`/api/v1/public/suggestions?bodyId=${county.body.id}&pageSize=200`)).json();
    expect(all.items.map((i: { id: string }) => i.id)).not.toContain(notPublic[0]?.id);
    expect(all.total).toBe(2);
  });
});

describe('public portal: title-only mode', () => {
  it("shows an undisclosed item's number and title only, and no filter reveals more", async () => {
    await county.setProfile({ undisclosedOnPortal: 'title_only' });
    try {
      const base = `/api/v1/public/suggestions?bodyId=${county.body.id}`;
      const list = (await get(base)).json();
      expect(list.total).toBe(3);
      const item = list.items.find((i: { id: string }) => i.id === secret.id);
      expect(item).toEqual({
        id: secret.id,
        titleOnly: true,
        serialLabel: '第0003号',
        title: secret.title,
        sessionName: null,
        leadDeputyName: null,
        categoryName: null,
        units: [],
        status: null,
        statusLabel: null,
        outcomes: [],
        rating: null,
      });
      const detail = await get(`/api/v1/public/suggestions/${secret.id}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json()).toMatchObject({ titleOnly: true, grounds: null, proposals: null, replies: [] });
      expect(detail.body).not.toContain(secret.grounds);
      expect(detail.body).not.toContain('县住房和城乡建设局');
      // Matching a unit, category or status would tell more than the title: such lists leave it out.
      for (const filter of [
        `unitId=${county.units.housing.id}`,
        `categoryId=${county.category.id}`,
        'status=handling',
      ]) {
        const ids = (await get(`${base}&${filter}`)).json().items.map((i: { id: string }) => i.id);
        expect(ids, filter).not.toContain(secret.id);
      }
    } finally {
      await county.setProfile({});
    }
    expect((await get(`/api/v1/public/suggestions/${secret.id}`)).statusCode).toBe(404);
  });
});

describe('public portal: lists to filter by', () => {
  it('gives bodies, sessions, categories and units by name', async () => {
    const bodies = (await get('/api/v1/public/bodies')).json();
    expect(bodies).toContainEqual({
      id: county.body.id,
      name: county.body.name,
      level: 'county',
      parentId: null,
    });
    expect((await get(`/api/v1/public/sessions?bodyId=${county.body.id}`)).json()).toEqual([
      {
        id: county.session.id,
        name: county.session.name,
        number: 3,
        termNumber: 18,
        startDate: '2025-01-14',
      },
    ]);
    expect((await get(`/api/v1/public/categories?bodyId=${county.body.id}`)).json()).toEqual([
      { id: county.category.id, name: '城乡建设', parentId: null },
    ]);
    const units = (await get(`/api/v1/public/units?bodyId=${county.body.id}`)).json();
    expect(units.map((u: { name: string }) => u.name).sort()).toEqual(
      ['县交通运输局', '县住房和城乡建设局', '县教育局'].sort(),
    );
    expect((await get(`/api/v1/public/sessions?bodyId=${newId()}`)).statusCode).toBe(404);
  });

  it('never sends a phone number, an e-mail or an address in any public response', async () => {
    const deputies = await t.handle.db.selectFrom('deputies').select(['phone', 'email', 'address']).execute();
    const secrets = [
      ...deputies.flatMap((d) => [d.phone, d.email, d.address]),
      '13800001111',
      '0371-5550000',
      '王联络',
    ].filter((s): s is string => Boolean(s));
    expect(secrets).toContain('13800000000');
    expect(seen.length).toBeGreaterThan(15);
    for (const body of seen) for (const value of secrets) expect(body).not.toContain(value);
  });
});
