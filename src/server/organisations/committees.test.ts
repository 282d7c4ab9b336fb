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
let staffY: Client;
let leaderX: Client;

async function deputy(name: string): Promise<string> {
  const at = t.clock.now().toISOString();
  const id = newId();
  await t.handle.db
    .insertInto('deputies')
    .values({
      id,
      user_id: null,
      name,
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
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  make = factories(t.services);
  const province = await make.body({ level: 'province' });
  countyX = await make.body({ level: 'county', parent: province });
  countyY = await make.body({ level: 'county', parent: province });
  const accounts = await Promise.all([
    make.user({ roles: [{ role: 'office_staff', bodyId: countyX.id }] }),
    make.user({ roles: [{ role: 'office_staff', bodyId: countyY.id }] }),
    make.user({ roles: [{ role: 'leader', bodyId: countyX.id }] }),
  ]);
  staffX = await signIn(t.app, accounts[0].username, testPassword);
  staffY = await signIn(t.app, accounts[1].username, testPassword);
  leaderX = await signIn(t.app, accounts[2].username, testPassword);
});
afterAll(async () => t.close());

describe('committees', () => {
  it('creates, filters by kind, updates and deletes committees', async () => {
    const special = await staffX.request('POST', '/api/v1/committees', {
      bodyId: countyX.id,
      name: '财政经济委员会',
      kind: 'special',
    });
    expect(special.statusCode).toBe(201);
    expect(special.json()).toMatchObject({ bodyId: countyX.id, kind: 'special' });
    await staffX.request('POST', '/api/v1/committees', {
      bodyId: countyX.id,
      name: '代表工作委员会',
      kind: 'working',
    });

    const all = await leaderX.request('GET', `/api/v1/committees?bodyId=${countyX.id}`);
    expect(all.json()).toHaveLength(2);
    const working = await leaderX.request('GET', `/api/v1/committees?bodyId=${countyX.id}&kind=working`);
    expect(working.json().map((c: { name: string }) => c.name)).toEqual(['代表工作委员会']);

    const badKind = await staffX.request('POST', '/api/v1/committees', {
      bodyId: countyX.id,
      name: '某某委员会',
      kind: 'party',
    });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().errors[0]).toEqual({
      field: 'kind',
      message: '「类型」应为以下之一：special、working、office',
    });

    const duplicate = await staffX.request('POST', '/api/v1/committees', {
      bodyId: countyX.id,
      name: '财政经济委员会',
      kind: 'special',
    });
    expect(duplicate.json().code).toBe('name_taken');

    const updated = await staffX.request('PATCH', `/api/v1/committees/${special.json().id}`, {
      kind: 'working',
    });
    expect(updated.json()).toMatchObject({ kind: 'working', name: '财政经济委员会' });
    expect((await staffX.request('DELETE', `/api/v1/committees/${special.json().id}`)).statusCode).toBe(200);
    expect((await leaderX.request('GET', `/api/v1/committees/${special.json().id}`)).statusCode).toBe(404);
  });

  it('refuses to delete a committee that user roles name, and writes by other counties', async () => {
    const committee = await make.committee({ body: countyX });
    await make.user({ roles: [{ role: 'committee_staff', bodyId: countyX.id, committeeId: committee.id }] });
    const refused = await staffX.request('DELETE', `/api/v1/committees/${committee.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('1 个用户角色');
    expect(
      (await staffY.request('PATCH', `/api/v1/committees/${committee.id}`, { name: '新名称委员会' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await leaderX.request('POST', '/api/v1/committees', {
          bodyId: countyX.id,
          name: '领导委员会',
          kind: 'office',
        })
      ).statusCode,
    ).toBe(403);
    expect(await t.services.committees.findCommitteeByName(countyX.id, committee.name)).toMatchObject({
      id: committee.id,
    });
  });
});

describe('standing committee members', () => {
  it('adds members, lists chair first, changes a position and removes a member', async () => {
    const term = await make.term({ body: countyX });
    const [wang, zhao, qian] = await Promise.all([deputy('王五'), deputy('赵六'), deputy('钱七')]);
    const add = (deputyId: string | undefined, position: string) =>
      staffX.request('POST', '/api/v1/standing-committee-members', { termId: term.id, deputyId, position });
    const member = await add(wang, 'member');
    expect(member.statusCode).toBe(201);
    expect(member.json()).toMatchObject({ bodyId: countyX.id, deputyName: '王五', position: 'member' });
    await add(zhao, 'chair');
    await add(qian, 'vice_chair');

    const list = await leaderX.request('GET', `/api/v1/standing-committee-members?termId=${term.id}`);
    expect(list.json().map((m: { deputyName: string }) => m.deputyName)).toEqual(['赵六', '钱七', '王五']);

    const again = await add(wang, 'vice_chair');
    expect(again.statusCode).toBe(400);
    expect(again.json().errors).toEqual([{ field: 'deputyId', message: '该代表已是本届常委会组成人员' }]);
    const unknown = await add(newId(), 'member');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toContain('代表不存在');
    const badPosition = await add(wang, 'boss');
    expect(badPosition.json().errors[0].field).toBe('position');
    expect(badPosition.json().errors[0].message).toContain('「职务」');

    const id = member.json().id as string;
    const promoted = await staffX.request('PATCH', `/api/v1/standing-committee-members/${id}`, {
      position: 'secretary_general',
    });
    expect(promoted.json()).toMatchObject({ position: 'secretary_general', deputyName: '王五' });
    expect((await staffY.request('DELETE', `/api/v1/standing-committee-members/${id}`)).statusCode).toBe(403);
    expect((await staffX.request('DELETE', `/api/v1/standing-committee-members/${id}`)).statusCode).toBe(200);
    expect((await leaderX.request('GET', `/api/v1/standing-committee-members/${id}`)).statusCode).toBe(404);

    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'standing_committee_member.create',
      'standing_committee_member.update',
      'standing_committee_member.delete',
    ]);

    // A term with members cannot be deleted.
    const refused = await staffX.request('DELETE', `/api/v1/terms/${term.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('2 名常委会组成人员');
  });
});
