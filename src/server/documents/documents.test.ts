import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { suggestionCounty } from '../suggestions/suggestions.fixture.js';
import { closedCase, staffClient, unitClient } from '../records/records.fixture.js';
import type { County } from '../records/records.fixture.js';
import { chineseDate, chineseDateOf } from './chinese-date.js';
import { cjkFonts } from './fonts.js';
import { zipEntry } from './zip-entry.js';
import { recordPdf } from './record.pdf.js';

let t: TestApp;
let county: County;
let closed: Awaited<ReturnType<typeof closedCase>>;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-documents-'));

function hasTool(tool: string): boolean {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
/** Debian's poppler-utils (pdftotext, pdftoppm); the text checks need it. */
const poppler = hasTool('pdftotext');

function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(work, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  // In content order (-raw); line breaks and spacing differ by poppler version: compare without whitespace.
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text.replace(/\s+/g, '');
}

function documentXml(docx: Buffer): string {
  const xml = zipEntry(docx, 'word/document.xml');
  if (!xml) throw new Error('word/document.xml missing');
  return xml.toString('utf8');
}

async function download(client: Client, url: string) {
  const response = await client.request('GET', url);
  return { response, body: response.rawPayload };
}

beforeAll(async () => {
  t = await createTestApp(new Date('2025-03-20T02:00:00Z'));
  county = await suggestionCounty(t.services, t.app);
  closed = await closedCase(t, county, '关于农村学校校车安全的建议');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const letterUrl = (format: string) =>
  `/api/v1/suggestions/${closed.item.id}/replies/${closed.replyId}.${format}`;
const recordUrl = (format: string) => `/api/v1/suggestions/${closed.item.id}/record.${format}`;

describe('the reply letter (答复函)', () => {
  it('renders as PDF with an embedded CJK font subset and the letter text', async () => {
    const { response, body } = await download(closed.deputy, letterUrl('pdf'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('答复函-县教育局-青教函')}`,
    );
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = body.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifCJKsc-Regular/);
    expect(raw).toContain('NotoSerifCJKsc-Bold');
    // Subset: far below the 26 MB collection it came from.
    expect(body.length).toBeLessThan(400_000);
  });

  it.skipIf(!poppler)(
    'reads as the letter: title, number, deputy, class, date, sign-off and copies',
    async () => {
      const text = pdfText((await download(closed.deputy, letterUrl('pdf'))).body, 'letter');
      for (const expected of [
        '县教育局',
        '青教函〔2025〕12号',
        '关于对代表1代表建议的答复',
        '尊敬的代表1代表：',
        '《关于农村学校校车安全的建议》（第0001号）收悉',
        '计划年内更新校车20辆',
        '答复类别：B类（正在解决或列入计划解决）',
        '2025年6月10日',
        '经办人：',
        '科室负责人：',
        '单位负责人：',
        '联系电话：13800001111',
        '抄送：县人大常委会代表工委、县政府督查室。',
      ])
        expect(text).toContain(expected);
    },
  );

  it('renders as Word (.docx): a zip whose word/document.xml holds the Chinese text', async () => {
    const { response, body } = await download(closed.office, letterUrl('docx'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = documentXml(body);
    for (const expected of [
      '关于对代表1代表建议的答复',
      '青教函〔2025〕12号',
      '尊敬的代表1代表：',
      '答复类别：B类（正在解决或列入计划解决）',
      '2025年6月10日',
      '抄送：县人大常委会代表工委、县政府督查室。',
    ])
      expect(xml).toContain(expected);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
  });

  it('is there only for sent replies, for whoever may read the reply', async () => {
    // A unit that does not handle the item cannot see it at all.
    const housing = await unitClient(t, county, 'unit_handler', county.units.housing.id, 'handler');
    expect((await housing.request('GET', letterUrl('pdf'))).statusCode).toBe(404);
    // The co-unit sees the sent letter.
    const transport = await unitClient(t, county, 'unit_handler', county.units.transport.id, 'handler');
    expect((await transport.request('GET', letterUrl('docx'))).statusCode).toBe(200);
    // A draft renders for nobody, and an unknown id is 404 (the suffix is not part of the id).
    const office = await staffClient(t, county, 'office_staff');
    const other = await office.request('GET', `/api/v1/suggestions/${closed.item.id}/replies/01ABCDEF.pdf`);
    expect(other.statusCode).toBe(404);
    expect(other.json().detail).toContain('答复函');
    expect((await office.request('GET', letterUrl('txt'))).statusCode).toBe(404);
    // The JSON list beside it still answers.
    const list = await office.request('GET', `/api/v1/suggestions/${closed.item.id}/replies`);
    expect(list.json()).toHaveLength(1);
  });

  it('is not rendered from a draft', async () => {
    const item = await county.acceptedItem('关于答复草稿的建议');
    const office = await staffClient(t, county, 'office_staff');
    const assigned = await office.request('POST', `/api/v1/suggestions/${item.id}/actions/assign`, {
      assignedOn: '2025-06-10',
      units: [{ unitId: county.units.education.id, role: 'lead' }],
    });
    const assignmentId = assigned.json().assignments[0].id as string;
    const handler = await unitClient(t, county, 'unit_handler', county.units.education.id, 'handler');
    await handler.request('POST', `/api/v1/assignments/${assignmentId}/actions/receive`, {});
    const draft = await handler.request('PUT', `/api/v1/assignments/${assignmentId}/reply`, {
      outcomeClass: 'A',
      documentNo: '青教函〔2025〕40号',
      body: '经研究，我局将于下学期开学前完成全部整改工作，特此答复。',
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const url = `/api/v1/suggestions/${item.id}/replies/${draft.json().id}.pdf`;
    expect((await handler.request('GET', url)).statusCode).toBe(404);
  });
});

describe('the handling record (全程纪实表) as documents', () => {
  it('routes record, record.pdf and record.docx apart', async () => {
    const json = await closed.office.request('GET', `/api/v1/suggestions/${closed.item.id}/record`);
    expect(json.headers['content-type']).toContain('application/json');
    const pdf = await download(closed.deputy, recordUrl('pdf'));
    expect(pdf.response.statusCode, pdf.response.body).toBe(200);
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.body.toString('latin1')).toContain('NotoSerifCJKsc-Regular');
    expect(pdf.response.headers['content-disposition']).toContain(encodeURIComponent('全程纪实表'));
    const docx = await download(closed.deputy, recordUrl('docx'));
    const xml = documentXml(docx.body);
    for (const expected of [
      '代表建议办理全程纪实表',
      '青教函〔2025〕12号',
      '当面听取代表对校车安全的具体意见。',
    ])
      expect(xml).toContain(expected);
    const housing = await unitClient(t, county, 'unit_handler', county.units.housing.id, 'handler');
    expect((await housing.request('GET', recordUrl('pdf'))).statusCode).toBe(404);
  });

  it.skipIf(!poppler)('reads as the record, with the deputy signature once signed', async () => {
    const signed = await closed.deputy.request(
      'POST',
      `/api/v1/suggestions/${closed.item.id}/record/actions/sign_deputy`,
      { note: '对办理结果满意。' },
    );
    expect(signed.statusCode, signed.body).toBe(200);
    const text = pdfText((await download(closed.deputy, recordUrl('pdf'))).body, 'record');
    for (const expected of [
      '代表建议办理全程纪实表',
      '第0001号',
      '关于农村学校校车安全的建议',
      '县交通运输局',
      '我局将配合开展校车线路安全评估。',
      '青教函〔2025〕12号',
      '办理态度满意',
      '领衔代表签字',
      '意见：对办理结果满意。',
      '签字状态：待承办单位负责人签字',
    ])
      expect(text).toContain(expected);
    // Back to back: the unit's copy leaves individual ratings out.
    const unit = await unitClient(t, county, 'unit_leader', county.units.education.id, 'leader');
    const unitText = pdfText((await download(unit, recordUrl('pdf'))).body, 'record-unit');
    expect(unitText).toContain('背靠背');
    expect(unitText).not.toContain('办理态度满意');
  });

  it('writes previews and PNGs of page 1 when MINYI_DOCUMENT_PREVIEW names a folder', async () => {
    const folder = process.env.MINYI_DOCUMENT_PREVIEW;
    if (!folder) return;
    fs.mkdirSync(folder, { recursive: true });
    for (const [name, url] of [
      ['letter', letterUrl],
      ['record', recordUrl],
    ] as const)
      for (const format of ['pdf', 'docx']) {
        const file = path.join(folder, `${name}.${format}`);
        fs.writeFileSync(file, (await download(closed.office, url(format))).body);
        if (format === 'pdf' && hasTool('pdftoppm'))
          execFileSync('pdftoppm', ['-png', '-r', '80', file, path.join(folder, name)]);
      }
  });
});

describe('document helpers', () => {
  it('writes dates the Chinese way, in Beijing time', () => {
    expect(chineseDate('2025-06-10')).toBe('2025年6月10日');
    expect(chineseDateOf('2025-06-09T16:30:00Z')).toBe('2025年6月10日');
    expect(chineseDateOf(null)).toBe('');
  });

  it.skipIf(!poppler)('continues a cell taller than a page on the next page, losing nothing', async () => {
    const long = Array.from(
      { length: 120 },
      (_, i) => `第${i + 1}段：代表与承办单位多次沟通，逐项落实。`,
    ).join('\n');
    const pdf = await recordPdf(
      {
        title: '代表建议办理全程纪实表',
        subtitle: '测试',
        sections: [{ heading: '四、沟通联系', rows: [{ label: '办中·座谈会', text: long }] }],
        signatures: [{ label: '领衔代表签字', name: '', date: '', note: '' }],
        statusLine: '签字状态：待领衔代表签字',
        fileStem: 'long',
      },
      cjkFonts(),
      '2025年6月10日',
    );
    const text = pdfText(pdf, 'long');
    expect(text).toContain('（续）');
    expect(text).toContain('第1段：');
    expect(text).toContain('第120段：代表与承办单位多次沟通，逐项落实。');
    expect(text).toMatch(/第2页，共[2-9]页/);
  });

  it('names the Debian package when the CJK font is missing', () => {
    expect(() => cjkFonts('/nonexistent/fonts')).toThrow(/fonts-noto-cjk/);
    expect(() => cjkFonts('/nonexistent/fonts')).toThrow(/缺少中文字体文件/);
  });
});
