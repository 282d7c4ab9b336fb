import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import { goodDraft, suggestionCounty } from './suggestions.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof suggestionCounty>>;

beforeAll(async () => {
  t = await createTestApp(new Date('2025-03-20T02:00:00Z'));
  county = await suggestionCounty(t.services, t.app, { deputies: 13 });
});
afterAll(async () => t.close());

describe('from draft to assignment', () => {
  it('drafts, gathers 10 of 12 co-signers, passes three tiers, is numbered and assigned in a batch of 107', async () => {
    const lead = await county.deputyClient(0);
    const created = await lead.request('POST', '/api/v1/suggestions', {
      bodyId: county.body.id,
      sessionId: county.session.id,
      categoryId: county.category.id,
      ...goodDraft,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({
      status: 'draft',
      allowedActions: expect.arrayContaining(['submit', 'withdraw']),
    });

    const invited = await lead.request('POST', `/api/v1/suggestions/${id}/signers`, {
      deputyIds: county.deputies.slice(1, 13).map((d) => d.id),
    });
    expect(invited.statusCode).toBe(200);
    expect(invited.json().signers).toHaveLength(12);
    for (let i = 1; i <= 12; i += 1) {
      const signer = await county.deputyClient(i);
      const answer = await signer.request('POST', `/api/v1/suggestions/${id}/signers/respond`, {
        accept: i <= 10,
      });
      expect(answer.statusCode).toBe(200);
    }
    const submitted = await lead.request('POST', `/api/v1/suggestions/${id}/actions/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({
      status: 'in_review',
      signerCount: 10,
      reviewTierName: '代表团初审',
    });

    const office = await county.staff('office_staff');
    const leader = await county.staff('leader');
    expect(
      (await office.request('POST', `/api/v1/suggestions/${id}/actions/review_pass`, {})).json()
        .reviewTierName,
    ).toBe('代表工委审查');
    expect(
      (await office.request('POST', `/api/v1/suggestions/${id}/actions/review_pass`, {})).json()
        .reviewTierName,
    ).toBe('议案组审定');
    const accepted = await leader.request('POST', `/api/v1/suggestions/${id}/actions/review_pass`, {
      note: '同意立案',
    });
    expect(accepted.json()).toMatchObject({ status: 'accepted', serialNumber: 1, serialLabel: '第0001号' });

    const others = [];
    for (let i = 0; i < 106; i += 1) others.push(await county.acceptedItem(`关于第${i + 1}件事项的建议`));
    const units = [
      { unitId: county.units.housing.id, role: 'lead' },
      { unitId: county.units.transport.id, role: 'co' },
    ];
    const batch = await office.request('POST', '/api/v1/assignment-batches', {
      name: '2025年建议交办会',
      assignedOn: '2025-03-20',
      items: [{ suggestionId: id, units }, ...others.map((o) => ({ suggestionId: o.id, units }))],
    });
    expect(batch.statusCode, batch.body).toBe(201);
    expect(batch.json().itemCount).toBe(107);

    const detail = (await lead.request('GET', `/api/v1/suggestions/${id}`)).json();
    expect(detail.status).toBe('handling');
    expect(detail.assignments).toEqual([
      expect.objectContaining({
        unitName: '县住房和城乡建设局',
        role: 'lead',
        replyDueOn: '2025-06-20',
        status: 'pending_receipt',
      }),
      expect.objectContaining({
        unitName: '县交通运输局',
        role: 'co',
        replyDueOn: '2025-06-20',
        coOpinionDueOn: '2025-05-20',
      }),
    ]);

    const handler = await county.unitUser(county.units.housing.id);
    const inbox = (await handler.request('GET', '/api/v1/assignments/inbox?pageSize=200')).json();
    expect(inbox.total).toBe(107);
    expect(inbox.items.find((item: { suggestionId: string }) => item.suggestionId === id)).toMatchObject({
      replyDueOn: '2025-06-20',
      daysLeft: 92,
      title: goodDraft.title,
      serialLabel: '第0001号',
    });
    // Every hand-off left a notification for the lead deputy.
    const notes = (await lead.request('GET', '/api/v1/notifications?pageSize=200')).json();
    expect(notes.items.map((n: { kind: string }) => n.kind)).toEqual(
      expect.arrayContaining(['suggestion.cosign_answer', 'suggestion.accepted', 'suggestion.assigned']),
    );
    expect((await t.services.audit.verify()).ok).toBe(true);
  });

  it('refuses submission with the negative-list words and missing parts named', async () => {
    const lead = await county.deputyClient(0);
    const created = await lead.request('POST', '/api/v1/suggestions', {
      bodyId: county.body.id,
      sessionId: county.session.id,
      title: '关于我家房屋纠纷的建议',
      grounds: '我家与邻居的房屋纠纷已经起诉到法院，法院审理时间太长，请求人大督促。',
      proposals: '',
    });
    const id = created.json().id as string;
    const refused = await lead.request('POST', `/api/v1/suggestions/${id}/actions/submit`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('「建议」不能为空');
    expect(refused.json().detail).toContain('请选择「分类」');
    expect(refused.json().detail).toContain('涉及：起诉、法院审理');
    expect(refused.json().detail).toContain('我家');
    // Each failed check is also a field error, so a form can mark the field.
    const errors = refused.json().errors as { field: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'proposals', message: '「建议」不能为空' },
        { field: 'categoryId', message: '请选择「分类」' },
      ]),
    );
  });

  it('rolls back a whole batch when one item cannot be assigned', async () => {
    const office = await county.staff('office_staff');
    const good = await county.acceptedItem('可交办的建议');
    const batch = await office.request('POST', '/api/v1/assignment-batches', {
      name: '第二批',
      items: [
        { suggestionId: good.id, units: [{ unitId: county.units.education.id, role: 'lead' }] },
        {
          suggestionId: good.id === '' ? '' : (await county.acceptedItem('缺主办单位')).id,
          units: [{ unitId: county.units.education.id, role: 'co' }],
        },
      ],
    });
    expect(batch.statusCode).toBe(400);
    expect(batch.json()).toMatchObject({ code: 'assignment_needs_one_lead', itemIndex: 1 });
    const still = await t.services.repositories.units.findById(county.units.education.id);
    expect(still).toBeDefined();
    const row = await t.handle.db
      .selectFrom('suggestions')
      .select('status')
      .where('id', '=', good.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('accepted');
    const assignments = await t.handle.db
      .selectFrom('assignments')
      .select('id')
      .where('suggestion_id', '=', good.id)
      .execute();
    expect(assignments).toHaveLength(0);
  });
});
