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
let adminX: Client;
let staffY: Client;
let deputyX: Client;

/** A deputy with a seat in the term, placed in a delegation and/or group. */
async function seat(
  term: { id: string; body_id: string },
  place: { delegationId?: string; groupId?: string },
): Promise<void> {
  const at = t.clock.now().toISOString();
  const deputyId = newId();
  await t.handle.db
    .insertInto('deputies')
    .values({
      id: deputyId,
      user_id: null,
      name: '李四',
      gender: 'female',
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
      body_id: term.body_id,
      term_id: term.id,
      level: 'county',
      delegation_id: place.delegationId ?? null,
      group_id: place.groupId ?? null,
      electoral_district: null,
      status: 'active',
      terminated_on: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  make = factories(t.services);
  const city = await make.body({ level: 'city' });
  countyX = await make.body({ level: 'county', parent: city });
  countyY = await make.body({ level: 'county', parent: city });
  const accounts = await Promise.all([
    make.user({ roles: [{ role: 'admin', bodyId: countyX.id }] }),
    make.user({ roles: [{ role: 'office_staff', bodyId: countyY.id }] }),
    make.user({ roles: [{ role: 'deputy', bodyId: countyX.id }] }),
  ]);
  adminX = await signIn(t.app, accounts[0].username, testPassword);
  staffY = await signIn(t.app, accounts[1].username, testPassword);
  deputyX = await signIn(t.app, accounts[2].username, testPassword);
});
afterAll(async () => t.close());

describe('delegations', () => {
  it('creates, lists, renames and deletes a delegation of a term', async () => {
    const term = await make.term({ body: countyX });
    const created = await adminX.request('POST', '/api/v1/delegations', {
      termId: term.id,
      name: '城关镇代表团',
    });
    expect(created.statusCode).toBe(201);
    const delegation = created.json();
    expect(delegation).toMatchObject({ bodyId: countyX.id, termId: term.id, name: '城关镇代表团' });

    await adminX.request('POST', '/api/v1/delegations', { termId: term.id, name: '北关镇代表团' });
    const list = await deputyX.request('GET', `/api/v1/delegations?termId=${term.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().map((d: { name: string }) => d.name)).toEqual(['北关镇代表团', '城关镇代表团']);

    const renamed = await adminX.request('PATCH', `/api/v1/delegations/${delegation.id}`, {
      name: '城关代表团',
    });
    expect(renamed.json().name).toBe('城关代表团');
    const taken = await adminX.request('PATCH', `/api/v1/delegations/${delegation.id}`, {
      name: '北关镇代表团',
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json()).toMatchObject({ code: 'name_taken' });
    expect(taken.json().errors).toEqual([{ field: 'name', message: '「名称」北关镇代表团 已存在' }]);

    expect((await adminX.request('DELETE', `/api/v1/delegations/${delegation.id}`)).statusCode).toBe(200);
    expect((await deputyX.request('GET', `/api/v1/delegations/${delegation.id}`)).statusCode).toBe(404);
  });

  it('validates the name with its Chinese label', async () => {
    const term = await make.term({ body: countyX });
    const response = await adminX.request('POST', '/api/v1/delegations', { termId: term.id, name: '团' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'name', message: '「名称」至少 2 个字符' }]);
    const missing = await adminX.request('POST', '/api/v1/delegations', { name: '某代表团' });
    expect(missing.json().errors).toEqual([{ field: 'termId', message: '「届次」为必填项' }]);
  });

  it('refuses to delete a delegation with deputy seats (409) and writes across counties (403)', async () => {
    const term = await make.term({ body: countyX });
    const delegation = await make.delegation({ term });
    await seat(term, { delegationId: delegation.id });
    const refused = await adminX.request('DELETE', `/api/v1/delegations/${delegation.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe(
      '该代表团仍被引用（1 个代表席位），不能删除。请先删除或调整这些数据。',
    );
    expect(
      (await staffY.request('PATCH', `/api/v1/delegations/${delegation.id}`, { name: '新名称' })).statusCode,
    ).toBe(403);
    expect(
      (await staffY.request('POST', '/api/v1/delegations', { termId: term.id, name: '新代表团' })).statusCode,
    ).toBe(403);
    expect(
      (await deputyX.request('POST', '/api/v1/delegations', { termId: term.id, name: '新代表团' }))
        .statusCode,
    ).toBe(403);
    expect((await adminX.request('DELETE', `/api/v1/delegations/${newId()}`)).statusCode).toBe(404);
  });

  it('offers findDelegationByName for imports', async () => {
    const term = await make.term({ body: countyY });
    const delegation = await make.delegation({ term, name: '县直机关代表团' });
    expect(await t.services.delegations.findDelegationByName(term.id, ' 县直机关代表团 ')).toMatchObject({
      id: delegation.id,
    });
    expect(await t.services.delegations.findDelegationByName(term.id, '不存在')).toBeUndefined();
  });
});

describe('deputy groups', () => {
  it('creates groups with or without a term, checks the term belongs to the body', async () => {
    const term = await make.term({ body: countyX });
    const withTerm = await adminX.request('POST', '/api/v1/deputy-groups', {
      bodyId: countyX.id,
      termId: term.id,
      name: '第一代表小组',
    });
    expect(withTerm.statusCode).toBe(201);
    expect(withTerm.json()).toMatchObject({ termId: term.id, name: '第一代表小组' });
    const standing = await adminX.request('POST', '/api/v1/deputy-groups', {
      bodyId: countyX.id,
      name: '第一代表小组',
    });
    expect(standing.statusCode).toBe(201);
    expect(standing.json().termId).toBeNull();

    const again = await adminX.request('POST', '/api/v1/deputy-groups', {
      bodyId: countyX.id,
      name: '第一代表小组',
    });
    expect(again.json().code).toBe('name_taken');

    const termY = await make.term({ body: countyY });
    const foreign = await adminX.request('POST', '/api/v1/deputy-groups', {
      bodyId: countyX.id,
      termId: termY.id,
      name: '第二代表小组',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([{ field: 'termId', message: '「届次」不属于所选人大机关' }]);

    const byBody = await deputyX.request('GET', `/api/v1/deputy-groups?bodyId=${countyX.id}`);
    expect(byBody.json()).toHaveLength(2);
    const byTerm = await deputyX.request('GET', `/api/v1/deputy-groups?termId=${term.id}`);
    expect(byTerm.json().map((g: { id: string }) => g.id)).toEqual([withTerm.json().id]);

    const moved = await adminX.request('PATCH', `/api/v1/deputy-groups/${standing.json().id}`, {
      name: '第三代表小组',
    });
    expect(moved.json().name).toBe('第三代表小组');
    expect(
      await t.services.deputyGroups.findDeputyGroupByName(countyX.id, term.id, '第一代表小组'),
    ).toMatchObject({ id: withTerm.json().id });
  });

  it('refuses to delete a group with deputy seats', async () => {
    const term = await make.term({ body: countyX });
    const group = await adminX.request('POST', '/api/v1/deputy-groups', {
      bodyId: countyX.id,
      termId: term.id,
      name: '城关代表小组',
    });
    await seat(term, { groupId: group.json().id });
    const refused = await adminX.request('DELETE', `/api/v1/deputy-groups/${group.json().id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('代表小组仍被引用');
    expect((await staffY.request('DELETE', `/api/v1/deputy-groups/${group.json().id}`)).statusCode).toBe(403);

    const empty = await adminX.request('POST', '/api/v1/deputy-groups', {
      bodyId: countyX.id,
      name: '空小组',
    });
    expect((await adminX.request('DELETE', `/api/v1/deputy-groups/${empty.json().id}`)).statusCode).toBe(200);
  });
});
