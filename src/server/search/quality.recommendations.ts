import type { Services } from '../services.js';
import type { SuggestionScope } from '../suggestions/suggestions.repository.js';

export interface RecommendationQuality {
  /** Items with a lead (or separate) unit. */
  assigned: number;
  heldOut: number;
  /** Share of held-out items whose actual lead unit is the first / among the first three recommended. */
  top1: number;
  top3: number;
  /** The same for the category, recommended without the item's own category. */
  categoryTop1: number;
  categoryTop3: number;
  /** The category → unit mapping alone (first lead unit of the item's category), for comparison. */
  mappingTop1: number;
  cutoff: string | null;
}

/** Sees every body: the evaluation is the office's view of the whole history. */
const everything: SuggestionScope = { bodyPaths: ['/'], unitIds: [], deputyId: null };

/**
 * Top-1 and top-3 accuracy of the unit and category recommendations on a held-out split: the
 * newest `holdOut` share of assigned items (by assignment time) are recommended from the older
 * ones only, and compared with the units they were really assigned to.
 */
export async function measureRecommendations(
  services: Services,
  holdOut = 0.2,
): Promise<RecommendationQuality> {
  const db = services.handle.db;
  const rows = await db
    .selectFrom('suggestions')
    .innerJoin('assignments', 'assignments.suggestion_id', 'suggestions.id')
    .select([
      'suggestions.id',
      'suggestions.title',
      'suggestions.grounds',
      'suggestions.proposals',
      'suggestions.body_id',
      'suggestions.category_id',
      'suggestions.assigned_at',
      'assignments.unit_id',
      'assignments.role',
    ])
    .where('assignments.status', '!=', 'reassigned')
    .where('suggestions.assigned_at', 'is not', null)
    .orderBy('suggestions.assigned_at')
    .orderBy('suggestions.id')
    .execute();
  const items = new Map<string, (typeof rows)[number] & { leads: Set<string> }>();
  for (const row of rows) {
    const entry = items.get(row.id) ?? { ...row, leads: new Set<string>() };
    if (row.role !== 'co') entry.leads.add(row.unit_id);
    items.set(row.id, entry);
  }
  const assigned = [...items.values()].filter((i) => i.leads.size > 0);
  const split = Math.floor(assigned.length * (1 - holdOut));
  const cutoff = assigned[split]?.assigned_at ?? null;
  const test = cutoff ? assigned.filter((i) => (i.assigned_at ?? '') >= cutoff) : [];
  let top1 = 0;
  let top3 = 0;
  let categoryTop1 = 0;
  let categoryTop3 = 0;
  let mappingTop1 = 0;
  let withCategory = 0;
  for (const item of test) {
    const recommended = await services.recommendations.recommend(item, everything, cutoff ?? undefined);
    const leads = recommended.leadUnits.map((u) => u.id);
    if (leads.slice(0, 1).some((id) => item.leads.has(id))) top1 += 1;
    if (leads.slice(0, 3).some((id) => item.leads.has(id))) top3 += 1;
    if (item.category_id) {
      withCategory += 1;
      const blind = await services.recommendations.recommend(
        { ...item, category_id: null },
        everything,
        cutoff ?? undefined,
      );
      const categories = blind.categories.map((c) => c.id);
      if (categories[0] === item.category_id) categoryTop1 += 1;
      if (categories.slice(0, 3).includes(item.category_id)) categoryTop3 += 1;
      const mapped = await db
        .selectFrom('category_units')
        .select('unit_id')
        .where('category_id', '=', item.category_id)
        .where('role', '=', 'lead')
        .orderBy('unit_id')
        .executeTakeFirst();
      if (mapped && item.leads.has(mapped.unit_id)) mappingTop1 += 1;
    }
  }
  const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
  return {
    assigned: assigned.length,
    heldOut: test.length,
    top1: share(top1, test.length),
    top3: share(top3, test.length),
    categoryTop1: share(categoryTop1, withCategory),
    categoryTop3: share(categoryTop3, withCategory),
    mappingTop1: share(mappingTop1, withCategory),
    cutoff,
  };
}
