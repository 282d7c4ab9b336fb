import { Checkbox, Flex, Input, Select, TreeSelect } from 'antd';
import { suggestionStatusLabels, suggestionStatusValues } from '../../../../shared/schemas/suggestions.js';
import type { SuggestionStatus } from '../../../../shared/schemas/suggestions.js';
import { useLocale } from '../../../i18n/locale.js';
import { categoryTree, useCategories } from '../api/categories.api.js';
import type { CategoryNode } from '../api/categories.api.js';
import { useActiveUnits, useCurrentSessions } from '../api/reference.api.js';
import type { ListFilters } from './list-filters.js';

interface TreeOption {
  value: string;
  title: string;
  children?: TreeOption[];
}
const toOption = (node: CategoryNode): TreeOption => ({
  value: node.id,
  title: node.name,
  children: node.children?.map(toOption),
});

/** Session, status, category, unit, key, overdue and text filters of the full list. */
export function SuggestionFilters({
  bodyId,
  filters,
  onChange,
}: {
  bodyId: string | null;
  filters: ListFilters;
  onChange: (change: Partial<ListFilters>) => void;
}) {
  const { t, pick } = useLocale();
  const sessions = useCurrentSessions(bodyId);
  const categories = useCategories(bodyId);
  const units = useActiveUnits(bodyId);
  const box = (basis: number, max: number) => ({ flex: `1 1 ${basis}px`, maxWidth: max, minWidth: 0 });
  return (
    <Flex gap={8} wrap align="center">
      <Input.Search
        key={filters.q ?? ''}
        defaultValue={filters.q}
        allowClear
        placeholder={t('sgSearchPlaceholder')}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
        style={box(200, 280)}
      />
      <Select<string>
        allowClear
        value={filters.sessionId}
        placeholder={t('sgSession')}
        loading={sessions.loading}
        options={sessions.items.map((s) => ({ value: s.id, label: s.name }))}
        onChange={(sessionId) => onChange({ sessionId })}
        style={box(200, 300)}
        popupMatchSelectWidth={false}
      />
      <Select<SuggestionStatus[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        value={filters.status ?? []}
        placeholder={t('sgStatus')}
        options={suggestionStatusValues.map((s) => ({ value: s, label: pick(suggestionStatusLabels[s]) }))}
        onChange={(status) => onChange({ status: status.length > 0 ? status : undefined })}
        style={box(160, 260)}
      />
      <TreeSelect<string>
        allowClear
        value={filters.categoryId}
        placeholder={t('sgCategory')}
        treeDefaultExpandAll
        treeData={categoryTree(categories.data ?? []).map(toOption)}
        onChange={(categoryId) => onChange({ categoryId })}
        style={box(130, 180)}
      />
      <Select<string>
        allowClear
        value={filters.unitId}
        placeholder={t('sgUnit')}
        showSearch={{ optionFilterProp: 'label' }}
        options={units.items.map((u) => ({ value: u.id, label: u.name }))}
        onChange={(unitId) => onChange({ unitId })}
        style={box(150, 220)}
      />
      <Select<'true' | 'false'>
        allowClear
        value={filters.key}
        placeholder={t('sgKeyColumn')}
        options={[
          { value: 'true', label: t('sgKeyOnly') },
          { value: 'false', label: t('sgKeyNot') },
        ]}
        onChange={(key) => onChange({ key })}
        style={box(110, 140)}
      />
      <Checkbox
        checked={filters.overdue === 'true'}
        onChange={(e) => onChange({ overdue: e.target.checked ? 'true' : undefined })}
      >
        {t('sgOverdueOnly')}
      </Checkbox>
    </Flex>
  );
}
