import type { TestApp, Client } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';
import type { suggestionCounty } from '../suggestions/suggestions.fixture.js';

export type County = Awaited<ReturnType<typeof suggestionCounty>>;

let addresses = 0;

/**
 * Signs in from an address of its own: these tests sign in more often than the login rate limit
 * (20 a minute from one address) allows, because sessions end when the test clock jumps.
 */
export async function signInAs(t: TestApp, username: string): Promise<Client> {
  addresses += 1;
  const remoteAddress = `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: testPassword },
    remoteAddress,
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  const session = response.cookies.find((c) => c.name === 'minyi_session');
  if (!session) throw new Error('no session cookie');
  const cookie = `minyi_session=${session.value}`;
  const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  return {
    cookie,
    csrfToken,
    request: (method, url, body, headers = {}) =>
      t.app.inject({
        method,
        url,
        remoteAddress,
        headers: { cookie, 'x-csrf-token': csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      }),
  };
}

/** A new account with one role in the county, signed in. */
export async function staffClient(
  t: TestApp,
  county: County,
  role: 'office_staff' | 'leader' | 'committee_staff' | 'supervision_office',
): Promise<Client> {
  const account = await factories(t.services).user({ roles: [{ role, bodyId: county.body.id }] });
  return signInAs(t, account.username);
}

export async function deputyClient(t: TestApp, county: County, index: number): Promise<Client> {
  return signInAs(t, county.deputies[index]?.username ?? '');
}

/** A unit account of `role`, created once per name and unit, signed in afresh (the clock moves). */
export async function unitClient(
  t: TestApp,
  county: County,
  role: 'unit_handler' | 'unit_leader',
  unitId: string,
  name: string,
): Promise<Client> {
  const username = `${name}_${unitId.slice(-6)}`.toLowerCase();
  if (!(await t.services.users.findByUsername(username)))
    await factories(t.services).user({ username, roles: [{ role, bodyId: county.body.id, unitId }] });
  return signInAs(t, username);
}

export function at(t: TestApp, day: string): void {
  t.clock.set(new Date(`${day}T02:00:00Z`));
}

async function ok<R extends { statusCode: number; body: string }>(
  response: Promise<R>,
  status = 200,
): Promise<R> {
  const result = await response;
  if (result.statusCode !== status)
    throw new Error(`expected ${status}, got ${result.statusCode}: ${result.body}`);
  return result;
}

/**
 * Drives one suggestion through the API to `closed` (the steps of handling.journey.test.ts):
 * assigned on 2025-03-20 to 县教育局 (lead) and 县交通运输局 (co), received, planned, one contact,
 * the co-unit's opinion, a B-class reply signed by three people and sent on `replyOn`, rated 满意.
 */
export async function closedCase(t: TestApp, county: County, title: string, replyOn = '2025-06-10') {
  at(t, '2025-03-20');
  const item = await county.acceptedItem(title);
  const assigner = await staffClient(t, county, 'office_staff');
  const assigned = await ok(
    assigner.request('POST', `/api/v1/suggestions/${item.id}/actions/assign`, {
      assignedOn: '2025-03-20',
      units: [
        { unitId: county.units.education.id, role: 'lead' },
        { unitId: county.units.transport.id, role: 'co' },
      ],
    }),
  );
  const [lead, co] = assigned.json<{ assignments: { id: string }[] }>().assignments;
  if (!lead || !co) throw new Error('assignment failed');
  at(t, '2025-03-24');
  const education = county.units.education.id;
  const handler = await unitClient(t, county, 'unit_handler', education, 'handler');
  await ok(handler.request('POST', `/api/v1/assignments/${lead.id}/actions/receive`, {}));
  await ok(
    handler.request('PUT', `/api/v1/assignments/${lead.id}/plan`, {
      handlerName: '林静',
      handlerPhone: '13800001111',
      plan: '会同交通部门排查全县校车线路，更新车辆，配备随车照管员。',
      plannedFinishOn: '2025-06-10',
    }),
  );
  await ok(
    handler.request('POST', `/api/v1/assignments/${lead.id}/contacts`, {
      stage: 'before',
      method: 'face_to_face',
      contactOn: '2025-03-24',
      participants: '林静、代表1',
      summary: '当面听取代表对校车安全的具体意见。',
    }),
    201,
  );
  const transport = await unitClient(t, county, 'unit_handler', county.units.transport.id, 'handler');
  await ok(transport.request('POST', `/api/v1/assignments/${co.id}/actions/receive`, {}));
  await ok(
    transport.request('POST', `/api/v1/assignments/${co.id}/actions/submit_opinion`, {
      opinion: '我局将配合开展校车线路安全评估。',
    }),
  );
  at(t, replyOn);
  const writer = await unitClient(t, county, 'unit_handler', education, 'handler');
  const draft = await ok(
    writer.request('PUT', `/api/v1/assignments/${lead.id}/reply`, {
      outcomeClass: 'B',
      documentNo: '青教函〔2025〕12号',
      body: '经研究，我局已会同交通运输部门对全县校车进行排查。\n计划年内更新校车 20 辆，并为每辆校车配备随车照管员。',
    }),
  );
  const replyId = draft.json<{ id: string }>().id;
  for (const [role, name] of [
    ['unit_handler', 'handler'],
    ['unit_handler', 'head'],
    ['unit_leader', 'leader'],
  ] as const) {
    const signer = await unitClient(t, county, role, education, name);
    await ok(signer.request('POST', `/api/v1/replies/${replyId}/sign`, {}));
  }
  const deputy = await deputyClient(t, county, 0);
  const rated = await ok(
    deputy.request('POST', `/api/v1/suggestions/${item.id}/actions/rate`, {
      attitude: 'satisfied',
      result: 'satisfied',
    }),
  );
  if (rated.json<{ status: string }>().status !== 'closed') throw new Error(`not closed: ${rated.body}`);
  const office = await staffClient(t, county, 'office_staff');
  return { item, replyId, leadAssignmentId: lead.id, coAssignmentId: co.id, deputy, office };
}
