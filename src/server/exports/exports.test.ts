import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { oversightCounty, setDay } from '../supervision/cases.fixture.js';
import { newId } from '../platform/ids.js';
import { laterSuggestionColumns } from '../suggestions/row-defaults.js';
import { suggestionExportHeaders } from '../suggestions/suggestions.export.js';
import type { ExportView } from '../../shared/schemas/exports.js';
import { insertCase } from '../appraisal/appraisal.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof oversightCounty>>;
let office: Client;
/** Items written straight into the table for the large export. */
const manyItems = 10_000;

async function insertManySuggestions(count: number): Promise<void> {
  const db = t.services.handle.db;
  const at = t.clock.now().toISOString();
  const lead = county.deputies[0]?.id ?? '';
  for (let start = 0; start < count; start += 500) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 500); i += 1)
      rows.push({
        id: newId(),
        body_id: county.body.id,
        session_id: county.session.id,
        kind: 'suggestion',
        timing: 'session',
        lead_deputy_id: lead,
        title: `关于第${i + 1}号民生事项的建议`,
        grounds: '群众反映强烈。',
        proposals: '建议尽快解决。',
        category_id: county.category.id,
        status: 'accepted',
        review_tier: 2,
        serial_scope: county.session.id,
        // Far above the numbers the fixture hands out.
        serial_number: 100_000 + i,
        key_status: 'none',
        disclose: 1,
        nondisclosure_reason: null,
        merged_into_id: null,
        submitted_at: at,
        accepted_at: at,
        assigned_at: null,
        ...laterSuggestionColumns,
        version: 0,
        created_by: null,
        created_at: at,
        updated_at: at,
      });
    await db.insertInto('suggestions').values(rows).execute();
  }
}

async function started(client: Client, body: unknown): Promise<ExportView> {
  const response = await client.request('POST', '/api/v1/exports', body);
  expect(response.statusCode, response.body).toBe(202);
  return response.json<ExportView>();
}

beforeAll(async () => {
  t = await createTestApp(new Date('2025-03-20T02:00:00Z'));
  county = await oversightCounty(t);
  await insertCase(t, county, '关于校车安全的建议', {
    unitId: county.units.education.id,
    repliedOn: '2025-06-10',
    status: 'closed',
    ratings: ['satisfied'],
  });
  setDay(t, '2025-12-01');
  office = await county.staff('office_staff');
});
afterAll(async () => {
  await t.services.backgroundExports.whenIdle();
  await t.close();
});

describe('background exports', () => {
  it('runs start → progress → done → download, visible to the requester and the body’s office only', async () => {
    const exports = t.services.backgroundExports;
    const seen: { percent: number; status: string; progress: number }[] = [];
    // While the export runs, read its status through the API at each progress step.
    exports.onProgress = async (id, percent) => {
      const response = await office.request('GET', `/api/v1/exports/${id}`);
      const view = response.json<ExportView>();
      seen.push({ percent, status: view.status, progress: view.progress });
    };
    const view = await started(office, {
      kind: 'annual_report',
      params: { bodyId: county.body.id, year: 2025, format: 'pdf' },
    });
    expect(view).toMatchObject({
      status: 'queued',
      progress: 0,
      downloadUrl: null,
      kindLabel: '年度建议办理情况报告',
    });
    await exports.whenIdle();
    exports.onProgress = null;
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const step of seen)
      expect(step).toEqual({ percent: step.percent, status: 'running', progress: step.percent });
    expect(seen.map((s) => s.percent)).toEqual([...seen.map((s) => s.percent)].sort((a, b) => a - b));

    const done = (await office.request('GET', `/api/v1/exports/${view.id}`)).json<ExportView>();
    expect(done).toMatchObject({
      status: 'done',
      progress: 100,
      error: null,
      downloadUrl: `/api/v1/exports/${view.id}/download`,
    });
    expect(done.fileName).toContain('年度代表建议办理情况报告.pdf');
    const file = await office.request('GET', `/api/v1/exports/${view.id}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.rawPayload.length).toBe(done.sizeBytes);

    const audited = await t.services.handle.db
      .selectFrom('audit_log')
      .select(['action', 'body_id'])
      .where('target_id', '=', view.id)
      .execute();
    expect(audited).toEqual([{ action: 'export.start', body_id: county.body.id }]);

    const mine = (await office.request('GET', '/api/v1/exports')).json<{ items: ExportView[] }>();
    expect(mine.items.map((i) => i.id)).toContain(view.id);

    // Another unit's user, and a deputy: not found, neither the status nor the file.
    const handler = await county.unitUser('unit_handler', county.units.education.id, 'handler');
    const deputy = await county.userClient(county.deputies[1]?.username ?? '');
    for (const other of [handler, deputy]) {
      expect((await other.request('GET', `/api/v1/exports/${view.id}`)).statusCode).toBe(404);
      expect((await other.request('GET', `/api/v1/exports/${view.id}/download`)).statusCode).toBe(404);
      expect((await other.request('GET', '/api/v1/exports')).json<{ items: ExportView[] }>().items).toEqual(
        [],
      );
    }
    // Another office staff member of the same body may download it.
    const sameOffice = await county.userClient(
      (await county.make.user({ roles: [{ role: 'office_staff', bodyId: county.body.id }] })).username,
    );
    expect((await sameOffice.request('GET', `/api/v1/exports/${view.id}/download`)).statusCode).toBe(200);
  });

  it('refuses at once what the requester may not export', async () => {
    const handler = await county.unitUser('unit_handler', county.units.education.id, 'handler');
    const refused = await handler.request('POST', '/api/v1/exports', {
      kind: 'compilation',
      params: { sessionId: county.session.id, format: 'docx' },
    });
    expect(refused.statusCode).toBe(403);
    const invalid = await office.request('POST', '/api/v1/exports', {
      kind: 'annual_report',
      params: { bodyId: county.body.id },
    });
    expect(invalid.statusCode).toBe(400);
    // A unit's own report is fine for its user; another unit's is not found.
    expect(
      (
        await handler.request('POST', '/api/v1/exports', {
          kind: 'unit_report',
          params: { unitId: county.units.housing.id, year: 2025, format: 'docx' },
        })
      ).statusCode,
    ).toBe(404);
    const own = await started(handler, {
      kind: 'unit_report',
      params: { unitId: county.units.education.id, year: 2025, format: 'docx' },
    });
    await t.services.backgroundExports.whenIdle();
    expect((await handler.request('GET', `/api/v1/exports/${own.id}`)).json<ExportView>().status).toBe(
      'done',
    );
  });

  it('takes up an export whose runner died (its heartbeat ran out)', async () => {
    const me = (await office.request('GET', '/api/v1/auth/me')).json<{ id: string }>();
    const id = newId();
    await t.services.handle.db
      .insertInto('exports')
      .values({
        id,
        kind: 'appraisal_xlsx',
        params_json: JSON.stringify({ bodyId: county.body.id, year: 2025 }),
        body_id: county.body.id,
        requested_by: me.id,
        status: 'running',
        progress: 40,
        attempts: 1,
        claimed_by: 'a-process-that-crashed',
        claimed_until: new Date(t.clock.now().getTime() - 60_000).toISOString(),
        error: null,
        file_name: null,
        content_type: null,
        storage_path: null,
        size_bytes: null,
        created_at: t.clock.now().toISOString(),
        started_at: t.clock.now().toISOString(),
        finished_at: null,
      })
      .execute();
    // Looking at it wakes the runner, which claims it again.
    expect((await office.request('GET', `/api/v1/exports/${id}`)).json<ExportView>().status).toBe('running');
    await t.services.backgroundExports.whenIdle();
    const done = (await office.request('GET', `/api/v1/exports/${id}`)).json<ExportView>();
    expect(done).toMatchObject({ status: 'done', progress: 100, fileName: '承办单位考评-2025年度.xlsx' });
  });

  it(`streams an xlsx of ${manyItems} suggestions with the right row count`, async () => {
    await insertManySuggestions(manyItems);
    const percents: number[] = [];
    t.services.backgroundExports.onProgress = async (_id, percent) => {
      percents.push(percent);
    };
    const view = await started(office, {
      kind: 'suggestions_xlsx',
      params: { bodyId: county.body.id, sort: 'serial' },
    });
    await t.services.backgroundExports.whenIdle();
    t.services.backgroundExports.onProgress = null;
    // One step per page of 500 (the last page brings 100, written as done).
    expect(percents.length).toBeGreaterThanOrEqual(manyItems / 500 - 1);
    const done = (await office.request('GET', `/api/v1/exports/${view.id}`)).json<ExportView>();
    expect(done.status, done.error ?? '').toBe('done');
    const file = await office.request('GET', `/api/v1/exports/${view.id}/download`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, ...suggestionExportHeaders]);
    // The header, the ten thousand, and the one case of the fixture.
    expect(sheet?.rowCount).toBe(1 + manyItems + 1);
  }, 120_000);

  it('removes finished files after seven days', async () => {
    const view = await started(office, {
      kind: 'appraisal_xlsx',
      params: { bodyId: county.body.id, year: 2025 },
    });
    await t.services.backgroundExports.whenIdle();
    const row = await t.services.handle.db
      .selectFrom('exports')
      .select('storage_path')
      .where('id', '=', view.id)
      .executeTakeFirstOrThrow();
    const file = path.join(t.services.options.dataDir, row.storage_path ?? '-');
    expect(fs.existsSync(file)).toBe(true);
    t.clock.set(new Date(t.clock.now().getTime() + 6 * 86_400_000));
    // The session timed out meanwhile: sign in again after each jump of the clock.
    office = await county.staff('office_staff');
    await started(office, { kind: 'appraisal_xlsx', params: { bodyId: county.body.id, year: 2025 } });
    await t.services.backgroundExports.whenIdle();
    expect(fs.existsSync(file)).toBe(true);
    t.clock.set(new Date(t.clock.now().getTime() + 2 * 86_400_000));
    office = await county.staff('office_staff');
    const again = await started(office, {
      kind: 'appraisal_xlsx',
      params: { bodyId: county.body.id, year: 2025 },
    });
    await t.services.backgroundExports.whenIdle();
    expect(fs.existsSync(file)).toBe(false);
    expect((await office.request('GET', `/api/v1/exports/${view.id}`)).statusCode).toBe(404);
    expect((await office.request('GET', `/api/v1/exports/${again.id}`)).json<ExportView>().status).toBe(
      'done',
    );
  });
});
