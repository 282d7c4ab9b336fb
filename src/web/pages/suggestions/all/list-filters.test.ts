import { describe, expect, it } from 'vitest';
import { fromConfig, listQuery, toConfig } from './list-filters.js';
import type { ListLayout } from './list-filters.js';

describe('saved list layouts', () => {
  const layout: ListLayout = {
    columns: ['serial', 'title', 'units'],
    filters: { status: ['handling', 'replied'], overdue: 'true', q: '学校' },
    sort: 'due',
    pageSize: 50,
  };

  it('survive a round trip through a saved view', () => {
    expect(fromConfig(toConfig(layout))).toEqual({
      ...layout,
      filters: {
        ...layout.filters,
        sessionId: undefined,
        categoryId: undefined,
        unitId: undefined,
        key: undefined,
      },
    });
  });

  it('drop columns and statuses this version does not know', () => {
    const restored = fromConfig({
      columns: ['serial', 'gone'],
      filters: { status: ['handling', 'nope'] },
      sort: 'odd',
    });
    expect(restored.columns).toEqual(['serial']);
    expect(restored.filters.status).toEqual(['handling']);
    expect(restored.sort).toBe('newest');
  });

  it('become the API query with statuses as a comma list', () => {
    expect(listQuery('b1', layout)).toMatchObject({
      view: 'all',
      bodyId: 'b1',
      status: 'handling,replied',
      sort: 'due',
    });
  });
});
