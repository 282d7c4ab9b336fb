import type { SavedViewConfig } from '../../../../shared/schemas/saved-views.js';
import type { SuggestionStatus } from '../../../../shared/schemas/suggestions.js';
import { suggestionStatusValues } from '../../../../shared/schemas/suggestions.js';
import type { SuggestionListQuery } from '../api/suggestions.api.js';
import { defaultColumns, isColumnKey } from './suggestion-columns.js';
import type { ColumnKey } from './suggestion-columns.js';

/** The filters of the full list, as the user set them. */
export interface ListFilters {
  sessionId?: string;
  status?: SuggestionStatus[];
  categoryId?: string;
  unitId?: string;
  key?: 'true' | 'false';
  overdue?: 'true';
  q?: string;
}

export type ListSort = 'newest' | 'serial' | 'due';

export interface ListLayout {
  columns: ColumnKey[];
  filters: ListFilters;
  sort: ListSort;
  pageSize: number;
}

export const defaultLayout: ListLayout = {
  columns: defaultColumns,
  filters: {},
  sort: 'newest',
  pageSize: 20,
};

/** The API query for the layout (status as a comma list); `page` is added by the caller. */
export function listQuery(bodyId: string | null, layout: ListLayout): SuggestionListQuery {
  const { status, ...rest } = layout.filters;
  return {
    view: 'all',
    bodyId: bodyId ?? undefined,
    ...rest,
    status: status && status.length > 0 ? status.join(',') : undefined,
    sort: layout.sort,
  };
}

export function toConfig(layout: ListLayout): SavedViewConfig {
  const filters = Object.fromEntries(
    Object.entries(layout.filters).filter(([, value]) => value !== undefined),
  );
  return { columns: layout.columns, filters, sort: layout.sort, pageSize: layout.pageSize };
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** A stored view back into a layout, dropping anything this version does not know. */
export function fromConfig(config: SavedViewConfig): ListLayout {
  const f = config.filters;
  const status = Array.isArray(f.status)
    ? suggestionStatusValues.filter((s) => (f.status as unknown[]).includes(s))
    : undefined;
  const sort = config.sort === 'serial' || config.sort === 'due' ? config.sort : 'newest';
  return {
    columns: config.columns.filter(isColumnKey),
    filters: {
      sessionId: text(f.sessionId),
      status: status && status.length > 0 ? status : undefined,
      categoryId: text(f.categoryId),
      unitId: text(f.unitId),
      key: f.key === 'true' || f.key === 'false' ? f.key : undefined,
      overdue: f.overdue === 'true' ? 'true' : undefined,
      q: text(f.q),
    },
    sort,
    pageSize: config.pageSize ?? 20,
  };
}
