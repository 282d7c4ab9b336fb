import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { goodDraft, suggestionCounty } from './suggestions.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof suggestionCounty>>;
let clerk: Client;
let otherClerk: Client;

beforeAll(async () => {
  t = await createTestApp();
  county = await suggestionCounty(t.services, t.app);
  clerk = await county.staff('office_staff');
  otherClerk = await county.staff('office_staff');
});
afterAll(async () => t.close());

describe('a paper suggestion entered by office staff for a deputy (代录)', () => {
  it('lets the clerk who entered it see, edit and submit the draft; other staff see it only once submitted', async () => {
    const lead = county.deputies[0];
    if (!lead) throw new Error('fixture');
    const created = await clerk.request('POST', '/api/v1/suggestions', {
      ...goodDraft,
      bodyId: county.body.id,
      sessionId: county.session.id,
      categoryId: county.category.id,
      kind: 'suggestion',
      timing: 'session',
      disclose: true,
      leadDeputyId: lead.id,
    });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', leadDeputyId: lead.id, editable: true });
    expect(draft.allowedActions).toContain('submit');

    expect((await otherClerk.request('GET', `/api/v1/suggestions/${draft.id}`)).statusCode).toBe(404);
    const theirList = (await otherClerk.request('GET', '/api/v1/suggestions?status=draft')).json();
    expect(theirList.items.map((i: { id: string }) => i.id)).not.toContain(draft.id);
    const myList = (await clerk.request('GET', '/api/v1/suggestions?status=draft')).json();
    expect(myList.items.map((i: { id: string }) => i.id)).toContain(draft.id);

    const edited = await clerk.request('PATCH', `/api/v1/suggestions/${draft.id}`, {
      version: draft.version,
      title: '关于解决城区老旧小区停车难问题的建议（纸质件录入）',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().title).toContain('纸质件录入');

    const leadClient = await county.deputyClient(0);
    const asLead = (await leadClient.request('GET', `/api/v1/suggestions/${draft.id}`)).json();
    expect(asLead.editable).toBe(true);

    const submitted = await clerk.request('POST', `/api/v1/suggestions/${draft.id}/actions/submit`, {
      version: edited.json().version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'in_review', editable: false });
    const seen = await otherClerk.request('GET', `/api/v1/suggestions/${draft.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().editable).toBe(false);
    const refused = await otherClerk.request('PATCH', `/api/v1/suggestions/${draft.id}`, {
      version: submitted.json().version,
      title: '他人修改',
    });
    expect(refused.statusCode).toBe(403);
  });
});
