import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';
import type { BodyRow } from '../db/schema.js';

let t: TestApp;
let make: ReturnType<typeof factories>;
let city: BodyRow;
let countyA: BodyRow;
let countyB: BodyRow;
let deputyId: string;
let otherDeputyId: string;

const signInAs = async (role: 'admin' | 'office_staff' | 'leader' | 'unit_handler', body: BodyRow) => {
  const unit = role === 'unit_handler' ? await make.unit({ body }) : null;
  const user = await make.user({ roles: [{ role, bodyId: body.id, unitId: unit?.id ?? null }] });
  return signIn(t.app, user.username, testPassword);
};

beforeAll(async () => {
  t = await createTestApp();
  make = factories(t.services);
  city = await make.body({ level: 'city' });
  countyA = await make.body({ level: 'county', parent: city });
  countyB = await make.body({ level: 'county', parent: city });
  const termA = await make.term({ body: countyA });
  const termB = await make.term({ body: countyB });
  const account = await make.user({ roles: [{ role: 'deputy', bodyId: countyA.id }] });
  deputyId = (await make.deputy({ term: termA, name: '本人代表', userId: account.id })).deputy.id;
  otherDeputyId = (await make.deputy({ term: termA, name: '同县代表' })).deputy.id;
  await make.deputy({ term: termB, name: '外县代表' });
  deputyClient = await signIn(t.app, account.username, testPassword);
});
afterAll(async () => t.close());

let deputyClient: Client;

const contacts = (body: { phone: string | null; email: string | null; address: string | null }) => [
  body.phone,
  body.email,
  body.address,
];

describe('deputy privacy', () => {
  it('shows private contacts to office staff of the county and of the city above it', async () => {
    for (const body of [countyA, city]) {
      const staff = await signInAs('office_staff', body);
      const response = await staff.request('GET', `/api/v1/deputies/${otherDeputyId}`);
      expect(response.statusCode).toBe(200);
      expect(response.json().contactsVisible).toBe(true);
      expect(contacts(response.json())).toEqual(['13800000000', 'deputy@example.com', '人民路 1 号']);
    }
  });

  it('hides the deputy from office staff of another county (404) and from their list', async () => {
    const staff = await signInAs('office_staff', countyB);
    expect((await staff.request('GET', `/api/v1/deputies/${otherDeputyId}`)).statusCode).toBe(404);
    const list = await staff.request('GET', '/api/v1/deputies');
    expect((list.json().items as { name: string }[]).map((d) => d.name)).toEqual(['外县代表']);
    expect(list.json().items[0].phone).toBe('13800000000');
  });

  it('lets a leader read the roster without private contacts', async () => {
    const leader = await signInAs('leader', countyA);
    const response = await leader.request('GET', `/api/v1/deputies/${otherDeputyId}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().contactsVisible).toBe(false);
    expect(contacts(response.json())).toEqual([null, null, null]);
  });

  it('gives a deputy the roster of their body, their own contacts and nobody else’s', async () => {
    const list = await deputyClient.request('GET', '/api/v1/deputies');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; phone: string | null; contactsVisible: boolean }[];
    expect(items.map((d) => d.id).sort()).toEqual([deputyId, otherDeputyId].sort());
    expect(items.find((d) => d.id === deputyId)).toMatchObject({
      phone: '13800000000',
      contactsVisible: true,
    });
    expect(items.find((d) => d.id === otherDeputyId)).toMatchObject({ phone: null, contactsVisible: false });
    const other = await deputyClient.request('GET', `/api/v1/deputies/${otherDeputyId}`);
    expect(contacts(other.json())).toEqual([null, null, null]);
    const own = await deputyClient.request('GET', `/api/v1/deputies/${deputyId}`);
    expect(contacts(own.json())).toEqual(['13800000000', 'deputy@example.com', '人民路 1 号']);
  });

  it('refuses the list to unit users with 403, and writes to readers who are not office staff', async () => {
    const handler = await signInAs('unit_handler', countyA);
    const list = await handler.request('GET', '/api/v1/deputies');
    expect(list.statusCode).toBe(403);
    expect(list.json().detail).toBe('您的角色无权查看代表信息。');
    expect((await handler.request('GET', `/api/v1/deputies/${deputyId}`)).statusCode).toBe(403);

    const leader = await signInAs('leader', countyA);
    const write = await leader.request('PATCH', `/api/v1/deputies/${otherDeputyId}`, { occupation: '医生' });
    expect(write.statusCode).toBe(403);
    const ownEdit = await deputyClient.request('PATCH', `/api/v1/deputies/${deputyId}`, {
      occupation: '医生',
    });
    expect(ownEdit.statusCode).toBe(403);
    const foreign = await signInAs('admin', countyB);
    const hidden = await foreign.request('PATCH', `/api/v1/deputies/${otherDeputyId}`, {
      occupation: '医生',
    });
    expect(hidden.statusCode).toBe(404);
  });
});
