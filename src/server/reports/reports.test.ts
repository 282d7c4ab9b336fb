import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { setDay } from '../supervision/cases.fixture.js';
import { suggestionCounty } from '../suggestions/suggestions.fixture.js';
import { closedCase, deputyClient, staffClient, unitClient } from '../records/records.fixture.js';
import { newId } from '../platform/ids.js';
import { zipEntry } from '../documents/zip-entry.js';
import { insertCase } from '../appraisal/appraisal.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof suggestionCounty>>;
let office: Client;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-reports-'));

/** Text of a PDF by poppler's pdftotext (Debian poppler-utils, installed in CI), whitespace removed. */
function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(work, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    '',
  );
}

function documentXml(docx: Buffer): string {
  const xml = zipEntry(docx, 'word/document.xml');
  if (!xml) throw new Error('word/document.xml missing');
  return xml.toString('utf8');
}

/** Visible text of a Word document: the runs' text joined. */
function docxText(docx: Buffer): string {
  return [...documentXml(docx).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

beforeAll(async () => {
  t = await createTestApp(new Date('2025-03-20T02:00:00Z'));
  county = await suggestionCounty(t.services, t.app);
  // One case through the whole API (B-class reply, satisfied), and two straight in the tables.
  await closedCase(t, county, '关于农村学校校车安全的建议');
  const unsatisfied = await insertCase(t, county, '关于城区学校食堂管理的建议', {
    unitId: county.units.education.id,
    repliedOn: '2025-06-25',
    status: 'closed',
    ratings: ['unsatisfied'],
    record: ['deputy'],
  });
  const key = await insertCase(t, county, '关于老旧小区加装电梯的建议', {
    unitId: county.units.housing.id,
    repliedOn: '2025-06-01',
    status: 'closed',
    ratings: ['satisfied'],
  });
  const db = t.services.handle.db;
  await db
    .updateTable('suggestions')
    .set({ key_status: 'published' })
    .where('id', '=', key.item.id)
    .execute();
  await db
    .insertInto('suggestion_leaders')
    .values({
      id: newId(),
      suggestion_id: key.item.id,
      kind: 'sponsor',
      name: '王副县长',
      title: '副县长',
      user_id: null,
      group_name: null,
      created_at: t.clock.now().toISOString(),
    })
    .execute();
  void unsatisfied;
  setDay(t, '2025-12-01');
  office = await staffClient(t, county, 'office_staff');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const annualUrl = (format: string) => `/api/v1/reports/annual.${format}?bodyId=${county.body.id}&year=2025`;

describe('the annual handling report', () => {
  it('renders as PDF with the CJK font, headings, numbers, charts and both lists', async () => {
    const response = await office.request('GET', annualUrl('pdf'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifCJKsc-Regular/);
    // Two pie charts and a bar chart, embedded as images.
    expect(pdf.toString('latin1').match(/\/Subtype \/Image/g)?.length).toBeGreaterThanOrEqual(3);
    const text = pdfText(pdf, 'annual');
    for (const expected of [
      '关于2025年度代表建议、批评和意见办理情况的报告',
      '2025年12月1日',
      '一、基本情况',
      '共交办代表建议3件',
      '二、各承办单位办理情况',
      '三、重点建议办理情况',
      '关于老旧小区加装电梯的建议',
      '王副县长（领办）',
      '四、代表不满意事项办理情况',
      '关于城区学校食堂管理的建议',
      '答复没有解决实际问题。',
      '五、承办单位考评情况',
      '县教育局',
      '满意率',
      '—1—',
    ])
      expect(text).toContain(expected);
  });

  it('renders as Word with headings, tables, a PNG chart and page numbers', async () => {
    const response = await office.request('GET', annualUrl('docx'));
    expect(response.statusCode, response.body).toBe(200);
    const docx = response.rawPayload;
    const text = docxText(docx);
    for (const expected of [
      '一、基本情况',
      '表1主要指标',
      '关于老旧小区加装电梯的建议',
      '表5承办单位考评得分',
    ])
      expect(text.replace(/\s+/g, '')).toContain(expected);
    const xml = documentXml(docx);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<a:blip r:embed="/);
    const rels = zipEntry(docx, 'word/_rels/document.xml.rels')?.toString('utf8') ?? '';
    const media = rels.match(/Target="(media\/[^"]+\.png)"/)?.[1] ?? '';
    expect(zipEntry(docx, `word/${media}`)?.subarray(1, 4).toString('latin1')).toBe('PNG');
    const footer = zipEntry(docx, 'word/footer1.xml')?.toString('utf8') ?? '';
    expect(footer).toContain('PAGE');
  });

  it('is for congress staff: a deputy gets 403, a unit user too', async () => {
    const deputy = await deputyClient(t, county, 1);
    expect((await deputy.request('GET', annualUrl('pdf'))).statusCode).toBe(403);
    const handler = await unitClient(t, county, 'unit_handler', county.units.education.id, 'handler');
    expect((await handler.request('GET', annualUrl('docx'))).statusCode).toBe(403);
  });
});

describe('the compilation and the unit report', () => {
  it('compiles the session’s suggestions with their replies', async () => {
    const url = (format: string) => `/api/v1/reports/compilation.${format}?sessionId=${county.session.id}`;
    const pdf = await office.request('GET', url('pdf'));
    expect(pdf.statusCode, pdf.body).toBe(200);
    const text = pdfText(pdf.rawPayload, 'compilation');
    for (const expected of [
      `${county.session.name}代表建议及答复汇编`,
      '目录',
      '关于农村学校校车安全的建议',
      '领衔代表：代表1',
      '【县教育局答复】青教函〔2025〕12号，B类（正在解决或列入计划解决）',
      '计划年内更新校车20辆',
    ])
      expect(text).toContain(expected);
    const docx = await office.request('GET', url('docx'));
    expect(docx.statusCode).toBe(200);
    expect(docxText(docx.rawPayload)).toContain('计划年内更新校车 20 辆');
  });

  it('gives a unit its own report and 404 for another unit', async () => {
    const handler = await unitClient(t, county, 'unit_handler', county.units.education.id, 'handler');
    const own = await handler.request(
      'GET',
      `/api/v1/reports/units/${county.units.education.id}.pdf?year=2025`,
    );
    expect(own.statusCode, own.body).toBe(200);
    const text = pdfText(own.rawPayload, 'unit');
    for (const expected of [
      '县教育局代表建议办理情况报告',
      '二、考评得分',
      '扣分明细',
      '关于城区学校食堂管理的建议',
    ])
      expect(text).toContain(expected);
    const other = await handler.request(
      'GET',
      `/api/v1/reports/units/${county.units.housing.id}.docx?year=2025`,
    );
    expect(other.statusCode).toBe(404);
  });
});
