import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';
import type { BodyRow } from '../db/schema.js';
import { newId } from '../platform/ids.js';

let t: TestApp;
let make: ReturnType<typeof factories>;
let countyX: BodyRow;
let countyY: BodyRow;
let staffX: Client;
let committeeStaffX: Client;
let handlerX: Client;

async function auditActions(targetId: string): Promise<string[]> {
  const rows = await t.handle.db
    .selectFrom('audit_log')
    .select('action')
    .where('target_id', '=', targetId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

async function auditCount(): Promise<number> {
  const row = await t.handle.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestApp();
  make = factories(t.services);
  const city = await make.body({ level: 'city' });
  countyX = await make.body({ level: 'county', parent: city });
  countyY = await make.body({ level: 'county', parent: city });
  const unit = await make.unit({ body: countyX });
  const accounts = await Promise.all([
    make.user({ roles: [{ role: 'office_staff', bodyId: countyX.id }] }),
    make.user({ roles: [{ role: 'committee_staff', bodyId: countyX.id }] }),
    make.user({ roles: [{ role: 'unit_handler', bodyId: countyX.id, unitId: unit.id }] }),
  ]);
  staffX = await signIn(t.app, accounts[0].username, testPassword);
  committeeStaffX = await signIn(t.app, accounts[1].username, testPassword);
  handlerX = await signIn(t.app, accounts[2].username, testPassword);
});
afterAll(async () => t.close());

describe('terms', () => {
  it('creates, reads, lists, updates and deletes a term, auditing each write', async () => {
    const created = await staffX.request('POST', '/api/v1/terms', {
      bodyId: countyX.id,
      number: 17,
      startDate: '2021-12-20',
    });
    expect(created.statusCode).toBe(201);
    const term = created.json();
    expect(term).toMatchObject({ bodyId: countyX.id, number: 17, label: '第十七届', endDate: null });

    // Anyone signed in reads the structure, a unit handler too.
    const read = await handlerX.request('GET', `/api/v1/terms/${term.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(term);

    const updated = await staffX.request('PATCH', `/api/v1/terms/${term.id}`, { endDate: '2026-12-31' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ endDate: '2026-12-31', startDate: '2021-12-20' });

    await staffX.request('POST', '/api/v1/terms', {
      bodyId: countyX.id,
      number: 16,
      startDate: '2016-12-20',
    });
    const list = await handlerX.request('GET', `/api/v1/terms?bodyId=${countyX.id}`);
    expect(list.json().map((x: { number: number }) => x.number)).toEqual([17, 16]);

    expect((await staffX.request('DELETE', `/api/v1/terms/${term.id}`)).statusCode).toBe(200);
    expect((await staffX.request('GET', `/api/v1/terms/${term.id}`)).statusCode).toBe(404);
    expect(await auditActions(term.id)).toEqual(['term.create', 'term.update', 'term.delete']);
  });

  it('rejects invalid input with Chinese field names', async () => {
    const response = await staffX.request('POST', '/api/v1/terms', {
      bodyId: countyX.id,
      number: 0,
      startDate: '2021-02-30',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'number', message: '「届次/次数」不能小于 1' },
        { field: 'startDate', message: '「开始日期」日期不存在' },
      ]),
    );

    const order = await staffX.request('POST', '/api/v1/terms', {
      bodyId: countyX.id,
      number: 15,
      startDate: '2021-12-20',
      endDate: '2021-01-01',
    });
    expect(order.json().errors).toEqual([{ field: 'endDate', message: '「结束日期」不能早于开始日期' }]);

    const missing = await staffX.request('GET', '/api/v1/terms');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([{ field: 'bodyId', message: '「所属人大」为必填项' }]);
  });

  it('refuses a second term with the same number and writes nothing', async () => {
    await make.term({ body: countyX, number: 14 });
    const before = await auditCount();
    const response = await staffX.request('POST', '/api/v1/terms', {
      bodyId: countyX.id,
      number: 14,
      startDate: '2011-12-20',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'term_number_taken' });
    expect(response.json().errors[0].message).toBe('第14届已存在');
    expect(await auditCount()).toBe(before);
  });

  it('answers 404 for unknown ids and unknown bodies', async () => {
    const id = newId();
    expect((await staffX.request('GET', `/api/v1/terms/${id}`)).statusCode).toBe(404);
    expect((await staffX.request('PATCH', `/api/v1/terms/${id}`, { endDate: null })).statusCode).toBe(404);
    expect((await staffX.request('DELETE', `/api/v1/terms/${id}`)).statusCode).toBe(404);
    const unknownBody = await staffX.request('POST', '/api/v1/terms', {
      bodyId: id,
      number: 1,
      startDate: '2021-12-20',
    });
    expect(unknownBody.statusCode).toBe(404);
  });

  it('lets only admins and office staff of the body or above write', async () => {
    const termY = await make.term({ body: countyY });
    const before = await auditCount();
    const create = await staffX.request('POST', '/api/v1/terms', {
      bodyId: countyY.id,
      number: 18,
      startDate: '2026-12-20',
    });
    expect(create.statusCode).toBe(403);
    expect((await staffX.request('PATCH', `/api/v1/terms/${termY.id}`, { number: 19 })).statusCode).toBe(403);
    expect((await staffX.request('DELETE', `/api/v1/terms/${termY.id}`)).statusCode).toBe(403);
    const committee = await committeeStaffX.request('POST', '/api/v1/terms', {
      bodyId: countyX.id,
      number: 18,
      startDate: '2026-12-20',
    });
    expect(committee.statusCode).toBe(403);
    expect(committee.json().detail).toContain('权限');
    expect(await auditCount()).toBe(before);
  });

  it('refuses to delete a term that sessions or deputy seats refer to (409)', async () => {
    const term = await make.term({ body: countyX, number: 13 });
    const session = await staffX.request('POST', '/api/v1/sessions', {
      termId: term.id,
      number: 1,
      startDate: '2007-01-10',
    });
    expect(session.statusCode).toBe(201);
    const refused = await staffX.request('DELETE', `/api/v1/terms/${term.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'in_use', title: '操作冲突' });
    expect(refused.json().detail).toContain('1 次会议');

    expect((await staffX.request('DELETE', `/api/v1/sessions/${session.json().id}`)).statusCode).toBe(200);
    const deputyId = newId();
    const at = t.clock.now().toISOString();
    await t.handle.db
      .insertInto('deputies')
      .values({
        id: deputyId,
        user_id: null,
        name: '张三',
        gender: 'male',
        ethnicity: null,
        birth_year: null,
        occupation: null,
        phone: null,
        email: null,
        address: null,
        photo_file_id: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await t.handle.db
      .insertInto('deputy_seats')
      .values({
        id: newId(),
        deputy_id: deputyId,
        body_id: countyX.id,
        term_id: term.id,
        level: 'county',
        delegation_id: null,
        group_id: null,
        electoral_district: null,
        status: 'active',
        terminated_on: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const seats = await staffX.request('DELETE', `/api/v1/terms/${term.id}`);
    expect(seats.statusCode).toBe(409);
    expect(seats.json().detail).toContain('1 个代表席位');
    expect((await staffX.request('GET', `/api/v1/terms/${term.id}`)).statusCode).toBe(200);
  });

  it('offers findTermByNumber for imports', async () => {
    const term = await make.term({ body: countyY, number: 12 });
    expect(await t.services.terms.findTermByNumber(countyY.id, 12)).toMatchObject({ id: term.id });
    expect(await t.services.terms.findTermByNumber(countyY.id, 11)).toBeUndefined();
  });
});

describe('OpenAPI', () => {
  it('documents the organisation and unit routes with bilingual tags', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths as Record<string, unknown>);
    for (const path of [
      '/api/v1/terms',
      '/api/v1/sessions/{id}',
      '/api/v1/delegations',
      '/api/v1/deputy-groups/{id}',
      '/api/v1/committees',
      '/api/v1/standing-committee-members/{id}',
      '/api/v1/units',
      '/api/v1/units/{id}/departments/{departmentId}',
    ])
      expect(paths).toContain(path);
    expect(response.json().paths['/api/v1/terms'].get.tags).toEqual(['届次 Terms']);
  });
});
