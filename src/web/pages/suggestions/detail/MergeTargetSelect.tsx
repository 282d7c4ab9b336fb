import { useState } from 'react';
import { Select } from 'antd';
import { useLocale } from '../../../i18n/locale.js';
import { useSuggestions } from '../api/suggestions.api.js';
import { useDebounced } from '../components/use-debounced.js';

/** Finds the item to merge into: another of the body's items in review, accepted or being handled. */
export function MergeTargetSelect({
  bodyId,
  excludeId,
  value,
  onChange,
  id,
}: {
  bodyId: string;
  excludeId: string;
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}) {
  const { t } = useLocale();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const list = useSuggestions({
    view: 'all',
    bodyId,
    status: 'in_review,accepted,handling',
    q: q || undefined,
    page: 1,
    pageSize: 20,
  });
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.isFetching}
      placeholder={t('sgMergeTargetPlaceholder')}
      notFoundContent={t('empty')}
      options={(list.data?.items ?? [])
        .filter((item) => item.id !== excludeId)
        .map((item) => ({
          value: item.id,
          label: `${item.serialLabel ? `${item.serialLabel} ` : ''}${item.title}（${item.leadDeputyName}）`,
        }))}
    />
  );
}
