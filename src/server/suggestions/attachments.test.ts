import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { buildXlsx, multipartFile } from '../testing/multipart.js';
import { goodDraft, suggestionCounty } from './suggestions.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof suggestionCounty>>;
let lead: Client;
let id: string;

/** A zip with stored (uncompressed) entries, enough for the signature and directory checks. */
function zipOf(entries: { name: string; data: string }[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const data = Buffer.from(entry.data);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    directory.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const centralBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}

const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const ole2 = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
const docx = zipOf([
  { name: '[Content_Types].xml', data: '<Types/>' },
  { name: '_rels/.rels', data: '<Relationships/>' },
  { name: 'word/document.xml', data: '<w:document/>' },
]);

async function upload(client: Client, fileName: string, data: Buffer, suggestionId = id) {
  const form = multipartFile(fileName, data);
  return client.request(
    'POST',
    `/api/v1/suggestions/${suggestionId}/attachments`,
    form.payload,
    form.headers,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  county = await suggestionCounty(t.services, t.app, { deputies: 3 });
  lead = await county.deputyClient(0);
  const created = await lead.request('POST', '/api/v1/suggestions', {
    bodyId: county.body.id,
    sessionId: county.session.id,
    categoryId: county.category.id,
    ...goodDraft,
  });
  id = created.json().id as string;
});
afterAll(async () => t.close());

describe('suggestion attachments', () => {
  it('accepts PDF, images and Office files by their bytes and keeps Chinese names for download', async () => {
    const added = await upload(lead, '停车场选址示意.pdf', pdf);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ fileName: '停车场选址示意.pdf', mimeType: 'application/pdf' });
    const types = [];
    for (const [name, data] of [
      ['现场照片.png', png],
      ['调研报告.docx', docx],
      ['车位统计.xlsx', await buildXlsx(['小区', '车位'], [['幸福里', 120]])],
      ['旧版说明.doc', ole2],
    ] as const) {
      const response = await upload(lead, name, data);
      expect(response.statusCode, response.body).toBe(201);
      types.push(response.json().mimeType);
    }
    expect(types).toEqual([
      'image/png',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/msword',
    ]);

    const listed = (await lead.request('GET', `/api/v1/suggestions/${id}/attachments`)).json().items;
    expect(listed).toHaveLength(5);
    const download = await lead.request('GET', `/api/v1/suggestions/${id}/attachments/${added.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="file.pdf"; filename*=UTF-8''${encodeURIComponent('停车场选址示意.pdf')}`,
    );
  });

  it('refuses files whose bytes are not an allowed type or disagree with the name', async () => {
    const cases: [string, Buffer][] = [
      ['说明.pdf', Buffer.from('MZ\x90\x00 this is a program')],
      ['报告.docx', pdf],
      ['报告.docx', zipOf([{ name: 'word/document.xml', data: '<w:document/>' }])],
      ['报告.xlsx', docx],
      [
        '宏.docx',
        zipOf([
          { name: '[Content_Types].xml', data: '' },
          { name: 'word/vbaProject.bin', data: 'x' },
        ]),
      ],
      ['照片.exe', png],
    ];
    for (const [name, data] of cases) {
      const refused = await upload(lead, name, data);
      expect(refused.statusCode, name).toBe(400);
      expect(refused.json().detail).toContain('只能上传 PDF、图片');
    }
    const tooLarge = await upload(lead, '大文件.pdf', Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024)]));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().detail).toBe('附件不能超过 20 MB。');
  });

  it('allows at most 10 attachments per suggestion', async () => {
    for (let i = 0; i < 5; i += 1) expect((await upload(lead, `补充材料${i}.pdf`, pdf)).statusCode).toBe(201);
    const eleventh = await upload(lead, '第十一个.pdf', pdf);
    expect(eleventh.statusCode).toBe(409);
    expect(eleventh.json().detail).toContain('最多 10 个附件');
  });

  it('lets only the lead deputy remove one, deleting its bytes, with an audit entry', async () => {
    const [first] = (await lead.request('GET', `/api/v1/suggestions/${id}/attachments`)).json().items;
    const file = await t.handle.db
      .selectFrom('files')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(file).toMatchObject({ owner_type: 'suggestion', owner_id: id });
    const stored = path.join(t.services.options.dataDir, file.storage_path);
    expect(fs.existsSync(stored)).toBe(true);

    const removed = await lead.request('DELETE', `/api/v1/suggestions/${id}/attachments/${first.id}`);
    expect(removed.statusCode).toBe(200);
    expect(fs.existsSync(stored)).toBe(false);
    expect((await lead.request('GET', `/api/v1/suggestions/${id}/attachments`)).json().items).toHaveLength(9);
    const actions = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .where('action', 'like', 'suggestion.attachment.%')
      .execute();
    expect(actions.filter((a) => a.action === 'suggestion.attachment.add')).toHaveLength(10);
    expect(actions.filter((a) => a.action === 'suggestion.attachment.remove')).toHaveLength(1);
    expect((await t.services.audit.verify()).ok).toBe(true);
  });

  it('hides attachments from whoever may not see the item and lets co-signers read but not change', async () => {
    const outsider = await county.deputyClient(2);
    expect((await outsider.request('GET', `/api/v1/suggestions/${id}/attachments`)).statusCode).toBe(404);
    expect((await upload(outsider, '附件.pdf', pdf)).statusCode).toBe(404);
    const unit = await county.unitUser(county.units.housing.id);
    expect((await unit.request('GET', `/api/v1/suggestions/${id}/attachments`)).statusCode).toBe(404);

    await lead.request('POST', `/api/v1/suggestions/${id}/signers`, { deputyIds: [county.deputies[1]?.id] });
    const signer = await county.deputyClient(1);
    const [first] = (await signer.request('GET', `/api/v1/suggestions/${id}/attachments`)).json().items;
    expect(
      (await signer.request('GET', `/api/v1/suggestions/${id}/attachments/${first.id}`)).statusCode,
    ).toBe(200);
    const refused = await signer.request('DELETE', `/api/v1/suggestions/${id}/attachments/${first.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('只有领衔代表');
    expect((await upload(signer, '附件.pdf', pdf)).statusCode).toBe(403);
  });

  it('freezes attachments once the suggestion is submitted; reviewers can read them', async () => {
    const signer = await county.deputyClient(1);
    await signer.request('POST', `/api/v1/suggestions/${id}/signers/respond`, { accept: true });
    const submitted = await lead.request('POST', `/api/v1/suggestions/${id}/actions/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);

    const late = await upload(lead, '补交.pdf', pdf);
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('只有草稿或退回修改的建议');
    const [first] = (await lead.request('GET', `/api/v1/suggestions/${id}/attachments`)).json().items;
    expect(
      (await lead.request('DELETE', `/api/v1/suggestions/${id}/attachments/${first.id}`)).statusCode,
    ).toBe(409);

    const office = await county.staff('office_staff');
    expect((await office.request('GET', `/api/v1/suggestions/${id}/attachments`)).json().items).toHaveLength(
      9,
    );
    const missing = await office.request('GET', `/api/v1/suggestions/${id}/attachments/01NOSUCHFILE`);
    expect(missing.statusCode).toBe(404);
  });
});
