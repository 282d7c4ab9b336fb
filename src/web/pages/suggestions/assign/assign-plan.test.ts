import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/api-error.js';
import { failedItemIndex, planUnits, suggestedPlan } from './assign-plan.js';

const category = (id: string, units: { unitId: string; role: 'lead' | 'co' }[]) => ({
  id,
  bodyId: 'b',
  parentId: null,
  name: id,
  sortOrder: 0,
  units,
});

describe('assignment plans', () => {
  it('start from the category’s usual lead and co units', () => {
    const categories = [
      category('edu', [
        { unitId: 'u2', role: 'co' },
        { unitId: 'u1', role: 'lead' },
      ]),
    ];
    expect(suggestedPlan('edu', categories)).toEqual({ lead: 'u1', co: ['u2'] });
    expect(suggestedPlan(null, categories)).toEqual({ lead: undefined, co: [] });
  });

  it('never send the lead unit again as a co unit', () => {
    expect(planUnits({ lead: 'u1', co: ['u1', 'u3'] })).toEqual([
      { unitId: 'u1', role: 'lead' },
      { unitId: 'u3', role: 'co' },
    ]);
  });

  it('find the failed item of a refused batch', () => {
    const base = { status: 400, code: 'validation_failed', title: '', detail: '' };
    expect(failedItemIndex(new ApiError({ ...base, extensions: { itemIndex: 2 } }))).toBe(2);
    expect(
      failedItemIndex(
        new ApiError({ ...base, fieldErrors: [{ field: 'items.4.units.0.unitId', message: 'x' }] }),
      ),
    ).toBe(4);
    expect(failedItemIndex(new Error('x'))).toBeNull();
  });
});
