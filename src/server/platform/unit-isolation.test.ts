import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { suggestionCounty } from '../suggestions/suggestions.fixture.js';
import { factories, testPassword } from '../testing/factories.js';
import { signIn } from '../testing/test-context.js';

/**
 * Sweeps every GET endpoint of the API as a handler of unit A, with unit B's ids in every path
 * parameter and filter, and checks that nothing of unit B comes back: its assignment, its
 * suggestion, its staff, its contacts. New endpoints are covered without editing this test.
 */
let t: TestApp;
let handlerA: Client;
const secrets: string[] = [];
const candidateIds: string[] = [];
let bodyId = '';

beforeAll(async () => {
  t = await createTestApp(new Date('2025-03-20T02:00:00Z'));
  const county = await suggestionCounty(t.services, t.app);
  bodyId = county.body.id;
  const make = factories(t.services);
  const unitA = county.units.education;
  const unitB = await make.unit({ body: county.body, name: '乙单位机密名称' });
  await t.handle.db
    .updateTable('units')
    .set({ contact_phone: '13999990000', contact_person: '乙联系人' })
    .where('id', '=', unitB.id)
    .execute();
  const staffB = await make.user({ roles: [{ role: 'unit_handler', bodyId, unitId: unitB.id }] });
  await t.handle.db
    .updateTable('users')
    .set({ display_name: '乙单位经办人' })
    .where('id', '=', staffB.id)
    .execute();
  const itemB = await county.acceptedItem('只交乙单位办理的建议');
  const office = await county.staff('office_staff');
  const assigned = await office.request('POST', `/api/v1/suggestions/${itemB.id}/actions/assign`, {
    units: [{ unitId: unitB.id, role: 'lead' }],
  });
  expect(assigned.statusCode).toBe(200);
  const itemA = await county.acceptedItem('交甲单位办理的建议');
  await office.request('POST', `/api/v1/suggestions/${itemA.id}/actions/assign`, {
    units: [{ unitId: unitA.id, role: 'lead' }],
  });
  const handlerB = await signIn(t.app, staffB.username, testPassword);
  await handlerB.request(
    'POST',
    `/api/v1/assignments/${assigned.json().assignments[0].id}/actions/receive`,
    {},
  );
  const account = await make.user({ roles: [{ role: 'unit_handler', bodyId, unitId: unitA.id }] });
  handlerA = await signIn(t.app, account.username, testPassword);
  secrets.push('乙单位机密名称', '13999990000', '乙联系人', '乙单位经办人', '只交乙单位办理的建议');
  candidateIds.push(unitB.id, staffB.id, itemB.id, assigned.json().assignments[0].id as string);
});
afterAll(async () => t.close());

describe('unit isolation across every endpoint', () => {
  it('never shows unit B to a handler of unit A', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const getPaths = Object.entries(document.paths)
      .filter(([, operations]) => 'get' in operations)
      .map(([path]) => path);
    expect(getPaths.length).toBeGreaterThan(20);
    let requests = 0;
    for (const path of getPaths) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const fills = names.length === 0 ? [path] : candidateIds.map((id) => path.replace(/\{\w+\}/g, id));
      for (const filled of fills) {
        for (const query of ['', `?bodyId=${bodyId}&unitId=${candidateIds[0]}&pageSize=200`]) {
          const response = await handlerA.request('GET', `${filled}${query}`);
          requests += 1;
          expect(response.statusCode, `${filled}${query}`).toBeLessThan(500);
          // What the public portal shows everyone (a disclosed item's units) is no leak.
          const anonymous = await t.app.inject({ method: 'GET', url: `${filled}${query}` });
          for (const secret of secrets)
            expect(
              response.body.includes(secret) && !anonymous.body.includes(secret),
              `${filled}${query} leaks ${secret}`,
            ).toBe(false);
        }
      }
    }
    expect(requests).toBeGreaterThan(60);
  });

  it('does let the handler see their own unit’s work (the sweep is not vacuous)', async () => {
    const inbox = await handlerA.request('GET', '/api/v1/assignments/inbox');
    expect(inbox.body).toContain('交甲单位办理的建议');
  });
});
