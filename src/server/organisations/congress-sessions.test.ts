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

beforeAll(async () => {
  t = await createTestApp();
  make = factories(t.services);
  const city = await make.body({ level: 'city' });
  countyX = await make.body({ level: 'county', parent: city });
  countyY = await make.body({ level: 'county', parent: city });
  const unit = await make.unit({ body: countyX });
  const accounts = await Promise.all([
    make.user({ roles: [{ role: 'office_staff', bodyId: countyX.id }] }),
    make.user({ roles: [{ role: 'unit_handler', bodyId: countyX.id, unitId: unit.id }] }),
  ]);
  staffX = await signIn(t.app, accounts[0].username, testPassword);
  handlerX = await signIn(t.app, accounts[1].username, testPassword);
});
afterAll(async () => t.close());

describe('congress sessions', () => {
  it('names a session by default, lists by term or body and checks dates', async () => {
    const term = await make.term({ body: countyX, number: 11 });
    const created = await staffX.request('POST', '/api/v1/sessions', {
      termId: term.id,
      number: 3,
      startDate: '2024-01-08',
      endDate: '2024-01-10',
    });
    expect(created.statusCode).toBe(201);
    const session = created.json();
    expect(session).toMatchObject({
      bodyId: countyX.id,
      termId: term.id,
      name: '第十一届人民代表大会第三次会议',
    });

    const named = await staffX.request('POST', '/api/v1/sessions', {
      termId: term.id,
      number: 4,
      name: '青禾县第十一届人民代表大会第四次会议',
      startDate: '2025-01-08',
    });
    expect(named.json().name).toBe('青禾县第十一届人民代表大会第四次会议');

    const byTerm = await handlerX.request('GET', `/api/v1/sessions?termId=${term.id}`);
    expect(byTerm.json().map((s: { number: number }) => s.number)).toEqual([4, 3]);
    const byBody = await handlerX.request('GET', `/api/v1/sessions?bodyId=${countyX.id}`);
    expect(byBody.json().map((s: { id: string }) => s.id)).toContain(session.id);
    const unscoped = await handlerX.request('GET', '/api/v1/sessions');
    expect(unscoped.statusCode).toBe(400);
    expect(unscoped.json().errors[0]).toEqual({
      field: 'bodyId',
      message: '「所属人大」与「届次」至少填写一项',
    });

    const duplicate = await staffX.request('POST', '/api/v1/sessions', {
      termId: term.id,
      number: 3,
      startDate: '2024-01-08',
    });
    expect(duplicate.json().code).toBe('session_number_taken');

    const backwards = await staffX.request('PATCH', `/api/v1/sessions/${session.id}`, {
      endDate: '2023-12-31',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ code: 'end_before_start' });
    expect(backwards.json().errors).toEqual([{ field: 'endDate', message: '「结束日期」不能早于开始日期' }]);

    const renamed = await staffX.request('PATCH', `/api/v1/sessions/${session.id}`, {
      name: '第十一届人大三次会议',
    });
    expect(renamed.json()).toMatchObject({ name: '第十一届人大三次会议', number: 3 });
    expect(await auditActions(session.id)).toEqual(['congress_session.create', 'congress_session.update']);
  });

  it('refuses writes to another county and unknown terms', async () => {
    const termY = await make.term({ body: countyY, number: 10 });
    const denied = await staffX.request('POST', '/api/v1/sessions', {
      termId: termY.id,
      number: 1,
      startDate: '2003-01-01',
    });
    expect(denied.statusCode).toBe(403);
    const unknown = await staffX.request('POST', '/api/v1/sessions', {
      termId: newId(),
      number: 1,
      startDate: '2003-01-01',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toContain('届次不存在');
    expect((await staffX.request('GET', `/api/v1/sessions/${newId()}`)).statusCode).toBe(404);
  });
});
