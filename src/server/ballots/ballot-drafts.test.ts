import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import { ballotCounty } from './ballots.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof ballotCounty>>;

beforeAll(async () => {
  t = await createTestApp(new Date('2025-06-20T02:00:00Z'));
  county = await ballotCounty(t.services, t.app, { deputies: 3 });
});
afterAll(async () => t.close());

describe('a draft ballot', () => {
  it('changes until it opens, with the version it was read at, audited', async () => {
    const created = await county.staff.request('POST', '/api/v1/ballots', {
      bodyId: county.body.id,
      termId: county.term.id,
      title: '议程草稿',
      kind: 'named',
      questionType: 'approve',
      items: [{ title: '议题一' }],
      electorate: { kind: 'deputies' },
      passRule: { kind: 'majority_of_all' },
    });
    const draft = created.json();
    const url = `/api/v1/ballots/${draft.id}`;
    const changed = await county.staff.request('PATCH', url, {
      version: draft.version,
      title: '关于城区停车管理的决定（草案）',
      items: [{ title: '第一条' }, { title: '第二条' }],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      title: '关于城区停车管理的决定（草案）',
      version: draft.version + 1,
    });
    expect(changed.json().items.map((i: { title: string }) => i.title)).toEqual(['第一条', '第二条']);
    const stale = await county.staff.request('PATCH', url, { version: draft.version, title: '旧版本的修改' });
    expect(stale.json().code).toBe('ballot.concurrent_change');
    await county.staff.request('POST', `${url}/actions/open`, {});
    const late = await county.staff.request('PATCH', url, {
      version: draft.version + 2,
      title: '开始后的修改',
    });
    expect(late.json().code).toBe('ballot.not_draft');
    const audit = await t.services.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', draft.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['ballot.create', 'ballot.update', 'ballot.open']);
  });
});
