import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { readXlsx } from '../testing/multipart.js';
import type { SuggestionRow } from '../db/schema.js';
import { goodDraft, suggestionCounty } from './suggestions.fixture.js';
import { suggestionExportHeaders } from './suggestions.export.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof suggestionCounty>>;
let office: Client;
let housingItem: SuggestionRow;
let educationItem: SuggestionRow;
let unassignedItem: SuggestionRow;
let draftId: string;

const exportUrl = '/api/v1/suggestions/export.xlsx';

async function exportRows(client: Client, query = ''): Promise<string[][]> {
  const response = await client.request('GET', `${exportUrl}${query}`);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml.sheet');
  return readXlsx(response.rawPayload);
}

const titles = (rows: string[][]) => rows.slice(1).map((row) => row[1]);

beforeAll(async () => {
  t = await createTestApp(new Date('2025-03-20T02:00:00Z'));
  county = await suggestionCounty(t.services, t.app, { deputies: 3 });
  office = await county.staff('office_staff');
  housingItem = await county.acceptedItem('关于城区老旧小区加装电梯的建议');
  educationItem = await county.acceptedItem('关于增加乡村学校校车的建议');
  unassignedItem = await county.acceptedItem('关于规范农贸市场管理的建议');
  const batch = await office.request('POST', '/api/v1/assignment-batches', {
    name: '2025年第一批交办',
    assignedOn: '2025-03-20',
    items: [
      {
        suggestionId: housingItem.id,
        units: [
          { unitId: county.units.housing.id, role: 'lead' },
          { unitId: county.units.transport.id, role: 'co' },
        ],
      },
      { suggestionId: educationItem.id, units: [{ unitId: county.units.education.id, role: 'lead' }] },
    ],
  });
  expect(batch.statusCode, batch.body).toBe(201);
  const draft = await (
    await county.deputyClient(1)
  ).request('POST', '/api/v1/suggestions', {
    bodyId: county.body.id,
    sessionId: county.session.id,
    ...goodDraft,
  });
  draftId = draft.json().id as string;
});
afterAll(async () => t.close());

describe('suggestion list export', () => {
  it('has the Chinese header row and the values of each item', async () => {
    const housing = await county.unitUser(county.units.housing.id);
    const response = await housing.request('GET', exportUrl);
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('建议列表-2025-03-20.xlsx')}`,
    );
    const rows = await readXlsx(response.rawPayload);
    expect(rows[0]).toEqual([
      '编号',
      '案由',
      '领衔代表',
      '联名人数',
      '分类',
      '状态',
      '承办单位（主办/协办/分办）',
      '答复期限',
      '是否逾期',
      '提交时间',
    ]);
    expect(rows[0]).toEqual(suggestionExportHeaders);
    expect(rows.slice(1)).toEqual([
      [
        '第0001号',
        '关于城区老旧小区加装电梯的建议',
        '代表1',
        '0',
        '城乡建设',
        '办理中',
        '县住房和城乡建设局（主办）；县交通运输局（协办）',
        '2025-06-20',
        '否',
        '2025-03-20 10:00',
      ],
    ]);
  });

  it('gives a unit user only the items assigned to their unit', async () => {
    const education = await county.unitUser(county.units.education.id);
    expect(titles(await exportRows(education))).toEqual([educationItem.title]);
    const transport = await county.unitUser(county.units.transport.id);
    expect(titles(await exportRows(transport))).toEqual([housingItem.title]);
  });

  it('gives a deputy only their own items, drafts included', async () => {
    const author = await county.deputyClient(1);
    expect(titles(await exportRows(author))).toEqual([goodDraft.title]);
    const lead = await county.deputyClient(0);
    expect(titles(await exportRows(lead)).sort()).toEqual(
      [housingItem.title, educationItem.title, unassignedItem.title].sort(),
    );
    expect(titles(await exportRows(await county.deputyClient(2)))).toEqual([]);
  });

  it('applies the list’s filters and never shows staff another deputy’s draft', async () => {
    const all = titles(await exportRows(office));
    expect(all.sort()).toEqual([housingItem.title, educationItem.title, unassignedItem.title].sort());
    expect(all).not.toContain(goodDraft.title);
    expect(titles(await exportRows(office, '?status=accepted'))).toEqual([unassignedItem.title]);
    expect(titles(await exportRows(office, `?unitId=${county.units.education.id}`))).toEqual([
      educationItem.title,
    ]);
    const bad = await office.request('GET', `${exportUrl}?status=nonsense`);
    expect(bad.statusCode).toBe(400);
    expect(draftId).toBeTruthy();
  });

  it('streams lists longer than one batch of 500 without repeating or losing an item', async () => {
    for (let i = 0; i < 520; i += 1) await county.acceptedItem(`关于第${i + 1}件民生实事的建议`);
    const rows = await exportRows(office, '?sort=serial');
    expect(rows).toHaveLength(1 + 523);
    const serials = rows.slice(1).map((row) => row[0]);
    expect(new Set(serials).size).toBe(523);
    expect(serials[0]).toBe('第0001号');
    expect(serials[522]).toBe('第0523号');
  });
});
