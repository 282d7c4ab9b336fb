import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';
import { newId } from '../platform/ids.js';
import type { BodyRow, SuggestionRow } from '../db/schema.js';
import { laterSuggestionColumns } from './row-defaults.js';
import { SuggestionsRepository } from './suggestions.repository.js';
import type { SuggestionFilter, SuggestionScope } from './suggestions.repository.js';

/**
 * The list reads a wide scope (a city, a province) newest-first with a per-row check and a narrow
 * one through the body index (issue 9). Both forms must give the same pages and totals: here a
 * city with 45 townships (more than the wide threshold), items in every state, drafts of deputies
 * and a draft a clerk entered, compared form against form and against a count made by hand.
 */
describe('suggestion list scope forms', () => {
  let t: TestApp;
  let city: BodyRow;
  let towns: BodyRow[];
  let other: BodyRow;
  let rows: SuggestionRow[];
  let clerkId: string;
  let repository: SuggestionsRepository;
  const statuses = ['draft', 'in_review', 'accepted', 'handling', 'replied', 'closed'];

  beforeAll(async () => {
    t = await createTestApp();
    const make = factories(t.services);
    city = await make.body({ level: 'city', name: '测试市人大' });
    towns = [];
    for (let i = 0; i < 45; i += 1) towns.push(await make.body({ parent: city, name: `测试镇${i}` }));
    other = await make.body({ level: 'city', name: '另一市人大' });
    const term = await make.term({ body: city });
    const { deputy } = await make.deputy({ term });
    const clerk = await make.user({ roles: [{ role: 'office_staff', bodyId: city.id }] });
    clerkId = clerk.id;
    rows = [];
    const start = Date.parse('2025-01-01T00:00:00Z');
    for (let i = 0; i < 400; i += 1) {
      const body = i % 7 === 0 ? other : i % 5 === 0 ? city : (towns[i % towns.length] as BodyRow);
      const at = new Date(start + (i % 97) * 3_600_000 + i).toISOString();
      const row: SuggestionRow = {
        id: newId(),
        body_id: body.id,
        session_id: null,
        kind: 'suggestion',
        timing: 'recess',
        lead_deputy_id: deputy.id,
        title: `第${i}件`,
        grounds: '理由',
        proposals: '建议',
        category_id: null,
        status: statuses[i % statuses.length] as string,
        review_tier: 0,
        serial_scope: null,
        serial_number: null,
        key_status: 'none',
        disclose: 1,
        nondisclosure_reason: null,
        merged_into_id: null,
        submitted_at: at,
        accepted_at: null,
        assigned_at: null,
        ...laterSuggestionColumns,
        version: 0,
        // Every 12th item is a paper draft the clerk entered for the deputy (代录).
        created_by: i % 12 === 0 ? clerk.id : null,
        created_at: at,
        updated_at: at,
      };
      rows.push(row);
    }
    await t.services.handle.db.insertInto('suggestions').values(rows).execute();
    repository = new SuggestionsRepository(t.services.handle.db, t.services.handle.dialect);
  });
  afterAll(async () => t.close());

  const scopeOf = (paths: string[], extra: Partial<SuggestionScope> = {}): SuggestionScope => ({
    bodyPaths: paths,
    enteredBy: clerkId,
    unitIds: [],
    deputyId: null,
    ...extra,
  });

  const expected = (scope: SuggestionScope, statusFilter?: string[]) =>
    rows
      .filter((r) => {
        const path = [city, other, ...towns].find((b) => b.id === r.body_id)?.path ?? '';
        return (
          scope.bodyPaths.some((p) => path.startsWith(p)) &&
          (r.status !== 'draft' || r.created_by === clerkId) &&
          (!statusFilter || statusFilter.includes(r.status))
        );
      })
      .sort((a, b) =>
        a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1,
      )
      .map((r) => r.id);

  it('gives the same pages and totals in both forms, equal to the hand count', async () => {
    const cases: [SuggestionScope, SuggestionFilter][] = [
      [scopeOf([city.path]), { sort: 'newest' }],
      [scopeOf([city.path]), { sort: 'newest', statuses: ['handling', 'replied'] }],
      [scopeOf([city.path, other.path]), { sort: 'newest' }],
      [scopeOf([(towns[3] as BodyRow).path]), { sort: 'newest' }],
    ];
    for (const [scope, filter] of cases) {
      const want = expected(scope, filter.statuses);
      expect(want.length).toBeGreaterThan(0);
      for (const page of [1, 2, 5]) {
        const narrow = await repository.list(scope, filter, page, 20, false);
        const wide = await repository.list(scope, filter, page, 20, true);
        expect(wide.items.map((r) => r.id)).toEqual(narrow.items.map((r) => r.id));
        expect(narrow.items.map((r) => r.id)).toEqual(want.slice((page - 1) * 20, page * 20));
        expect(wide.total).toBe(want.length);
        expect(narrow.total).toBe(want.length);
      }
    }
  });

  it('serves the city office its whole city through the API, and one township when filtered', async () => {
    const office = await t.services.users.create(null, {
      username: `city_office_${newId().slice(-6).toLowerCase()}`,
      displayName: '市人大办公室',
      password: testPassword,
      roles: [{ role: 'office_staff', bodyId: city.id }],
      mustChangePassword: false,
    });
    const client = await signIn(t.app, office.username, testPassword);
    // Drafts show only to the clerk who entered them: this office user sees none.
    const visible = rows.filter(
      (r) => r.body_id !== other.id && r.status !== 'draft' && r.created_by !== office.id,
    );
    const all = await client.request('GET', '/api/v1/suggestions?pageSize=50');
    expect(all.statusCode).toBe(200);
    const body = all.json() as { total: number; items: { id: string; createdAt: string }[] };
    expect(body.total).toBe(visible.length);
    const createdAts = body.items.map((i) => i.createdAt);
    expect(createdAts).toEqual([...createdAts].sort().reverse());
    const town = towns[4] as BodyRow;
    const one = await client.request('GET', `/api/v1/suggestions?bodyId=${town.id}&pageSize=100`);
    expect((one.json() as { total: number }).total).toBe(visible.filter((r) => r.body_id === town.id).length);
    // A body outside the office's city: nothing, not an error.
    const outside = await client.request('GET', `/api/v1/suggestions?bodyId=${other.id}`);
    expect(outside.statusCode).toBe(200);
    expect((outside.json() as { total: number }).total).toBe(0);
  });
});
