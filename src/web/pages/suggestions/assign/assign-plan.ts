import type { Category } from '../../../../shared/schemas/categories.js';
import { isApiError } from '../../../api/api-error.js';

/** Who handles one item: a lead unit and co units. */
export interface UnitPlan {
  lead?: string;
  co: string[];
}

/** The usual units of the item's category: the suggestion the workbench starts from. */
export function suggestedPlan(categoryId: string | null, categories: readonly Category[]): UnitPlan {
  const units = categories.find((c) => c.id === categoryId)?.units ?? [];
  return {
    lead: units.find((u) => u.role === 'lead')?.unitId,
    co: units.filter((u) => u.role === 'co').map((u) => u.unitId),
  };
}

/** The API's unit list for a plan. */
export function planUnits(plan: UnitPlan): { unitId: string; role: 'lead' | 'co' }[] {
  return [
    ...(plan.lead ? [{ unitId: plan.lead, role: 'lead' as const }] : []),
    ...plan.co.filter((id) => id !== plan.lead).map((unitId) => ({ unitId, role: 'co' as const })),
  ];
}

/** Which item of a refused batch failed: the `itemIndex` extension, or the index in a field path. */
export function failedItemIndex(error: unknown): number | null {
  if (!isApiError(error)) return null;
  const index = error.extensions.itemIndex;
  if (typeof index === 'number') return index;
  for (const fieldError of error.fieldErrors) {
    const match = /^items\.(\d+)\./.exec(fieldError.field);
    if (match?.[1]) return Number(match[1]);
  }
  return null;
}
