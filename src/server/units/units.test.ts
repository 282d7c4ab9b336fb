import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';
import type { BodyRow, UnitRow } from '../db/schema.js';
import { newId } from '../platform/ids.js';

let t: TestApp;
let make: ReturnType<typeof factories>;
let countyX: BodyRow;
let countyY: BodyRow;
let townshipX: BodyRow;
let unitA: UnitRow;
let unitB: UnitRow;
let unitC: UnitRow;
let unitT: UnitRow;
let staffX: Client;
let staffY: Client;
let handlerA: Client;
let committeeX: Client;
let deputyX: Client;
let collectorX: Client;

const ids = (response: { json(): { items: { id: string }[] } }) => response.json().items.map((u) => u.id);

async function count(table: 'units' | 'unit_departments' | 'audit_log'): Promise<number> {
  const row = await t.handle.db
    .selectFrom(table)
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
  townshipX = await make.body({ level: 'township', parent: countyX });
  unitA = await make.unit({ body: countyX, name: '县教育局' });
  unitB = await make.unit({ body: countyX, name: '县交通运输局' });
  unitC = await make.unit({ body: countyY, name: '邻县教育局' });
  unitT = await make.unit({ body: townshipX, name: '镇农业服务中心', kind: 'other' });
  await t.handle.db
    .updateTable('units')
    .set({ contact_phone: '0376-1234567' })
    .where('id', '=', unitA.id)
    .execute();
  const accounts = await Promise.all([
    make.user({ roles: [{ role: 'office_staff', bodyId: countyX.id }] }),
    make.user({ roles: [{ role: 'office_staff', bodyId: countyY.id }] }),
    make.user({ roles: [{ role: 'unit_handler', bodyId: countyX.id, unitId: unitA.id }] }),
    make.user({ roles: [{ role: 'committee_staff', bodyId: countyX.id }] }),
    make.user({ roles: [{ role: 'deputy', bodyId: countyX.id }] }),
    make.user({ roles: [{ role: 'collector', bodyId: countyX.id }] }),
  ]);
  staffX = await signIn(t.app, accounts[0].username, testPassword);
  staffY = await signIn(t.app, accounts[1].username, testPassword);
  handlerA = await signIn(t.app, accounts[2].username, testPassword);
  committeeX = await signIn(t.app, accounts[3].username, testPassword);
  deputyX = await signIn(t.app, accounts[4].username, testPassword);
  collectorX = await signIn(t.app, accounts[5].username, testPassword);
});
afterAll(async () => t.close());

describe('units', () => {
  it('creates a unit with departments, reads, filters, updates, deactivates and reactivates it', async () => {
    const created = await staffX.request('POST', '/api/v1/units', {
      bodyId: countyX.id,
      name: '县人民法院',
      kind: 'court',
      shortName: '县法院',
      contactPerson: '刘法官',
      contactPhone: '',
      departments: ['立案庭', '民事审判庭'],
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    expect(unit).toMatchObject({ bodyId: countyX.id, kind: 'court', contactPhone: null, active: true });
    const departments = await staffX.request('GET', `/api/v1/units/${unit.id}/departments`);
    expect(departments.json().map((d: { name: string }) => d.name)).toEqual(['立案庭', '民事审判庭']);

    expect((await staffX.request('GET', `/api/v1/units/${unit.id}`)).json()).toEqual(unit);
    const courts = await staffX.request('GET', `/api/v1/units?kind=court`);
    expect(ids(courts)).toEqual([unit.id]);
    const search = await staffX.request('GET', `/api/v1/units?q=${encodeURIComponent('法院')}`);
    expect(ids(search)).toEqual([unit.id]);
    const page = await staffX.request('GET', `/api/v1/units?bodyId=${countyX.id}&pageSize=2`);
    expect(page.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.json().items).toHaveLength(2);

    const updated = await staffX.request('PATCH', `/api/v1/units/${unit.id}`, {
      contactPhone: '0376-7654321',
    });
    expect(updated.json()).toMatchObject({ contactPhone: '0376-7654321', shortName: '县法院' });
    const off = await staffX.request('POST', `/api/v1/units/${unit.id}/deactivate`);
    expect(off.json().active).toBe(false);
    expect(ids(await staffX.request('GET', '/api/v1/units?active=false'))).toEqual([unit.id]);
    expect(ids(await staffX.request('GET', '/api/v1/units?active=true'))).not.toContain(unit.id);
    expect((await staffX.request('POST', `/api/v1/units/${unit.id}/reactivate`)).json().active).toBe(true);

    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('target_id', '=', unit.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'unit.create',
      'unit.update',
      'unit.deactivate',
      'unit.reactivate',
    ]);
    expect(audit[0]?.after_json).toContain('民事审判庭');
  });

  it('rejects invalid input with Chinese field names and duplicate names', async () => {
    const invalid = await staffX.request('POST', '/api/v1/units', {
      bodyId: countyX.id,
      name: '局',
      kind: 'ministry',
      departments: [''],
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'name', message: '「名称」至少 2 个字符' },
        { field: 'departments.0', message: '「内设科室」为必填项' },
      ]),
    );
    expect(invalid.json().errors.map((e: { field: string }) => e.field)).toContain('kind');

    const before = await count('units');
    const taken = await staffX.request('POST', '/api/v1/units', {
      bodyId: countyX.id,
      name: '县教育局',
      kind: 'government_department',
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json()).toMatchObject({ code: 'unit_name_taken' });
    expect(taken.json().errors).toEqual([{ field: 'name', message: '「名称」县教育局 已存在' }]);
    const twice = await staffX.request('POST', '/api/v1/units', {
      bodyId: countyX.id,
      name: '县卫生健康委员会',
      kind: 'government_department',
      departments: ['办公室', '办公室'],
    });
    expect(twice.json().errors).toEqual([{ field: 'departments.1', message: '科室「办公室」已存在' }]);
    expect(await count('units')).toBe(before);

    expect((await staffX.request('GET', `/api/v1/units/${newId()}`)).statusCode).toBe(404);
    expect((await staffX.request('GET', '/api/v1/units?active=maybe')).statusCode).toBe(400);
  });
});

describe('unit scoping', () => {
  it('shows a unit handler only their own unit; others answer 404', async () => {
    const list = await handlerA.request('GET', '/api/v1/units');
    expect(list.json()).toMatchObject({ total: 1 });
    expect(ids(list)).toEqual([unitA.id]);
    expect((await handlerA.request('GET', `/api/v1/units/${unitA.id}`)).json().contactPhone).toBe(
      '0376-1234567',
    );
    expect((await handlerA.request('GET', `/api/v1/units/${unitB.id}`)).statusCode).toBe(404);
    expect((await handlerA.request('GET', `/api/v1/units/${unitB.id}/departments`)).statusCode).toBe(404);
    expect(ids(await handlerA.request('GET', `/api/v1/units?bodyId=${countyX.id}&pageSize=200`))).toEqual([
      unitA.id,
    ]);
    // Seeing a unit is not managing it.
    expect(
      (await handlerA.request('PATCH', `/api/v1/units/${unitA.id}`, { shortName: '教育局' })).statusCode,
    ).toBe(403);
    expect(
      (await handlerA.request('PATCH', `/api/v1/units/${unitB.id}`, { shortName: '交通局' })).statusCode,
    ).toBe(404);
  });

  it('scopes staff to their subtree: county X sees its townships, never county Y', async () => {
    const visible = ids(await staffX.request('GET', '/api/v1/units?pageSize=200'));
    expect(visible).toEqual(expect.arrayContaining([unitA.id, unitB.id, unitT.id]));
    expect(visible).not.toContain(unitC.id);
    expect((await staffX.request('GET', `/api/v1/units/${unitC.id}`)).statusCode).toBe(404);
    expect((await staffX.request('PATCH', `/api/v1/units/${unitC.id}`, { shortName: 'x' })).statusCode).toBe(
      404,
    );
    expect(ids(await staffY.request('GET', '/api/v1/units?pageSize=200'))).toEqual([unitC.id]);

    const before = await count('audit_log');
    const denied = await staffX.request('POST', '/api/v1/units', {
      bodyId: countyY.id,
      name: '邻县交通局',
      kind: 'government_department',
    });
    expect(denied.statusCode).toBe(403);
    expect((await staffX.request('POST', `/api/v1/units/${unitC.id}/deactivate`)).statusCode).toBe(404);
    expect(await count('audit_log')).toBe(before);

    // Committee staff read with contact details but do not write.
    expect((await committeeX.request('GET', `/api/v1/units/${unitA.id}`)).json().contactPhone).toBe(
      '0376-1234567',
    );
    expect(
      (await committeeX.request('PATCH', `/api/v1/units/${unitA.id}`, { shortName: '教育局' })).statusCode,
    ).toBe(403);
  });

  it('gives deputies the unit list of their body without contact details, and others nothing', async () => {
    const list = await deputyX.request('GET', '/api/v1/units?pageSize=200');
    expect(ids(list)).toEqual(expect.arrayContaining([unitA.id, unitB.id]));
    expect(ids(list)).not.toContain(unitT.id);
    expect(ids(list)).not.toContain(unitC.id);
    const a = await deputyX.request('GET', `/api/v1/units/${unitA.id}`);
    expect(a.json()).toMatchObject({ name: '县教育局', contactPhone: null, contactPerson: null });
    expect((await deputyX.request('GET', `/api/v1/units/${unitC.id}`)).statusCode).toBe(404);

    expect((await collectorX.request('GET', '/api/v1/units')).json()).toMatchObject({ items: [], total: 0 });
    expect((await collectorX.request('GET', `/api/v1/units/${unitA.id}`)).statusCode).toBe(404);
  });
});

describe('unit departments', () => {
  it('creates, renames and deletes departments; a department of another unit is 404', async () => {
    const path = `/api/v1/units/${unitB.id}/departments`;
    const office = await staffX.request('POST', path, { name: '办公室' });
    expect(office.statusCode).toBe(201);
    const planning = await staffX.request('POST', path, { name: '规划科' });
    expect((await staffX.request('POST', path, { name: '办公室' })).json().code).toBe(
      'department_name_taken',
    );

    const renamed = await staffX.request('PATCH', `${path}/${planning.json().id}`, { name: '规划建设科' });
    expect(renamed.json()).toMatchObject({ name: '规划建设科', unitId: unitB.id });
    const clash = await staffX.request('PATCH', `${path}/${planning.json().id}`, { name: '办公室' });
    expect(clash.statusCode).toBe(400);
    const empty = await staffX.request('PATCH', `${path}/${planning.json().id}`, { name: '' });
    expect(empty.json().errors).toEqual([{ field: 'name', message: '「名称」为必填项' }]);

    const wrongUnit = `/api/v1/units/${unitA.id}/departments/${office.json().id}`;
    expect((await staffX.request('DELETE', wrongUnit)).statusCode).toBe(404);
    expect(
      (await handlerA.request('POST', `/api/v1/units/${unitB.id}/departments`, { name: '财务科' }))
        .statusCode,
    ).toBe(404);
    expect((await staffY.request('DELETE', `${path}/${office.json().id}`)).statusCode).toBe(404);
    expect((await staffX.request('DELETE', `${path}/${office.json().id}`)).statusCode).toBe(200);
    const left = await staffX.request('GET', path);
    expect(left.json().map((d: { name: string }) => d.name)).toEqual(['规划建设科']);
  });
});
