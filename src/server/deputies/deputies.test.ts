import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';
import type { BodyRow } from '../db/schema.js';

let t: TestApp;
let make: ReturnType<typeof factories>;
let county: BodyRow;
let township: BodyRow;
let countyTerm: Awaited<ReturnType<ReturnType<typeof factories>['term']>>;
let townshipTerm: typeof countyTerm;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  make = factories(t.services);
  county = await make.body({ level: 'county', name: '测试县人大' });
  township = await make.body({ level: 'township', parent: county, name: '城关镇人大' });
  countyTerm = await make.term({ body: county, number: 16, startDate: '2021-12-20' });
  townshipTerm = await make.term({ body: township, number: 18, startDate: '2021-12-20' });
  const { user } = await make.adminOf(county);
  admin = await signIn(t.app, user.username, testPassword);
});
afterAll(async () => t.close());

const person = (name: string) => ({
  name,
  gender: 'male',
  ethnicity: '汉族',
  birthYear: 1970,
  occupation: '农民',
  phone: '13900000001',
  email: 'd@example.com',
  address: '城关镇 2 号',
});

describe('deputies', () => {
  it('creates a deputy with a first seat, audited, and reads it back with names', async () => {
    const delegation = await make.delegation({ term: countyTerm, name: '城关代表团' });
    const group = await make.deputyGroup({ body: county, name: '第一小组' });
    const created = await admin.request('POST', '/api/v1/deputies', {
      ...person('甲代表'),
      seat: {
        bodyId: county.id,
        termId: countyTerm.id,
        delegationId: delegation.id,
        groupId: group.id,
        electoralDistrict: '第三选区',
      },
    });
    expect(created.statusCode).toBe(201);
    const deputy = created.json();
    expect(deputy).toMatchObject({
      name: '甲代表',
      gender: 'male',
      phone: '13900000001',
      contactsVisible: true,
      hasPhoto: false,
      seats: [
        {
          bodyName: '测试县人大',
          level: 'county',
          termNumber: 16,
          delegationName: '城关代表团',
          groupName: '第一小组',
          electoralDistrict: '第三选区',
          status: 'active',
        },
      ],
    });
    const audit = await t.services.handle.db
      .selectFrom('audit_log')
      .select(['action', 'body_id'])
      .where('target_id', '=', deputy.id)
      .execute();
    expect(audit).toEqual([{ action: 'deputy.create', body_id: county.id }]);

    const read = await admin.request('GET', `/api/v1/deputies/${deputy.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().seats[0].delegationName).toBe('城关代表团');
  });

  it('refuses seats that do not fit the body, and deputies under 18, in Chinese', async () => {
    const otherTerm = await make.term();
    const wrongTerm = await admin.request('POST', '/api/v1/deputies', {
      ...person('乙代表'),
      seat: { bodyId: county.id, termId: otherTerm.id },
    });
    expect(wrongTerm.statusCode).toBe(400);
    expect(wrongTerm.json()).toMatchObject({ code: 'term_outside_body' });
    expect(wrongTerm.json().errors[0]).toEqual({
      field: 'seat.termId',
      message: '「届次」不属于所选人大机关',
    });

    const foreignDelegation = await make.delegation({ term: townshipTerm });
    const wrongDelegation = await admin.request('POST', '/api/v1/deputies', {
      ...person('乙代表'),
      seat: { bodyId: county.id, termId: countyTerm.id, delegationId: foreignDelegation.id },
    });
    expect(wrongDelegation.json().code).toBe('delegation_outside_term');

    const young = await admin.request('POST', '/api/v1/deputies', {
      ...person('乙代表'),
      birthYear: 2010,
      seat: { bodyId: county.id, termId: countyTerm.id },
    });
    expect(young.statusCode).toBe(400);
    expect(young.json().errors[0].message).toContain('年满十八周岁');

    const invalid = await admin.request('POST', '/api/v1/deputies', {
      name: '',
      gender: 'x',
      seat: { bodyId: county.id, termId: countyTerm.id },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors).toEqual(
      expect.arrayContaining([{ field: 'gender', message: '「性别」应为以下之一：male、female' }]),
    );
  });

  it('updates the person, adds a township seat, moves and terminates seats', async () => {
    const { deputy } = await make.deputy({ term: countyTerm, name: '丙代表' });
    const updated = await admin.request('PATCH', `/api/v1/deputies/${deputy.id}`, {
      occupation: '村医',
      phone: null,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ occupation: '村医', phone: null, name: '丙代表' });

    const badLink = await admin.request('PATCH', `/api/v1/deputies/${deputy.id}`, { userId: 'NOPE' });
    expect(badLink.json().code).toBe('user_not_found');

    const added = await admin.request('POST', `/api/v1/deputies/${deputy.id}/seats`, {
      bodyId: township.id,
      termId: townshipTerm.id,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().seats.map((s: { level: string }) => s.level)).toEqual(['county', 'township']);
    const twice = await admin.request('POST', `/api/v1/deputies/${deputy.id}/seats`, {
      bodyId: township.id,
      termId: townshipTerm.id,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('seat_exists');

    const townshipSeat = added.json().seats[1] as { id: string };
    const group = await make.deputyGroup({ body: township, termId: townshipTerm.id });
    const moved = await admin.request('PATCH', `/api/v1/deputies/${deputy.id}/seats/${townshipSeat.id}`, {
      groupId: group.id,
      electoralDistrict: '第九选区',
    });
    expect(moved.json().seats[1]).toMatchObject({ groupName: group.name, electoralDistrict: '第九选区' });

    const early = await admin.request(
      'POST',
      `/api/v1/deputies/${deputy.id}/seats/${townshipSeat.id}/terminate`,
      {
        terminatedOn: '2020-01-01',
        reason: '辞去代表职务',
      },
    );
    expect(early.json().code).toBe('terminated_before_term');
    const ended = await admin.request(
      'POST',
      `/api/v1/deputies/${deputy.id}/seats/${townshipSeat.id}/terminate`,
      {
        terminatedOn: '2025-03-01',
        reason: '辞去代表职务',
      },
    );
    expect(ended.statusCode).toBe(200);
    expect(ended.json().seats[1]).toMatchObject({ status: 'terminated', terminatedOn: '2025-03-01' });
    const again = await admin.request(
      'POST',
      `/api/v1/deputies/${deputy.id}/seats/${townshipSeat.id}/terminate`,
      {
        terminatedOn: '2025-03-02',
        reason: '辞去代表职务',
      },
    );
    expect(again.statusCode).toBe(409);
    const entry = await t.services.handle.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'deputy.seat.terminate')
      .where('target_id', '=', deputy.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_json ?? '{}')).toMatchObject({
      reason: '辞去代表职务',
      status: 'terminated',
    });
  });

  it('lists by body, subtree, level, term, delegation, group, status and name, sorted by name', async () => {
    const body = await make.body({ level: 'county' });
    const lower = await make.body({ level: 'township', parent: body });
    const term = await make.term({ body });
    const lowerTerm = await make.term({ body: lower });
    const delegation = await make.delegation({ term });
    const group = await make.deputyGroup({ body });
    const a = await make.deputy({ term, name: '王五', delegationId: delegation.id });
    const b = await make.deputy({ term, name: '李四', groupId: group.id });
    const c = await make.deputy({ term: lowerTerm, name: '赵六' });
    await t.services.handle.db
      .updateTable('deputy_seats')
      .set({ status: 'terminated', terminated_on: '2025-01-01' })
      .where('id', '=', b.seat.id)
      .execute();
    const { user } = await make.adminOf(body);
    const client = await signIn(t.app, user.username, testPassword);
    const names = async (query: string) => {
      const response = await client.request('GET', `/api/v1/deputies?${query}`);
      expect(response.statusCode).toBe(200);
      return (response.json().items as { name: string }[]).map((d) => d.name);
    };
    expect(await names('')).toEqual(['李四', '王五', '赵六']);
    expect(await names(`bodyId=${body.id}`)).toEqual(['李四', '王五']);
    expect(await names(`bodyId=${body.id}&includeLower=true`)).toEqual(['李四', '王五', '赵六']);
    expect(await names('level=township')).toEqual(['赵六']);
    expect(await names(`termId=${lowerTerm.id}`)).toEqual(['赵六']);
    expect(await names(`delegationId=${delegation.id}`)).toEqual(['王五']);
    expect(await names(`groupId=${group.id}`)).toEqual(['李四']);
    expect(await names('status=terminated')).toEqual(['李四']);
    expect(await names('status=active&q=赵')).toEqual(['赵六']);
    const page = await client.request('GET', '/api/v1/deputies?pageSize=2&page=2');
    expect(page.json()).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ id: c.deputy.id }] });
    expect(a.deputy.id).toBeTruthy();
  });
});
