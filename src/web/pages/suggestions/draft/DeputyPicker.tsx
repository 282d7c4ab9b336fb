import { useState } from 'react';
import { Select } from 'antd';
import { useLocale } from '../../../i18n/locale.js';
import { useDeputies } from '../../deputies/deputies.api.js';
import { useDebounced } from '../components/use-debounced.js';

interface DeputyPickerProps {
  bodyId: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** Deputies not to offer (the lead deputy, those already invited). */
  exclude: readonly string[];
}

/** Searches the body's roster by name and picks several deputies. */
export function DeputyPicker({ bodyId, value, onChange, exclude }: DeputyPickerProps) {
  const { t } = useLocale();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const deputies = useDeputies({ bodyId, q: q || undefined, status: 'active', page: 1, pageSize: 20 });
  const [labels, setLabels] = useState<Record<string, string>>({});
  const options = (deputies.data?.items ?? [])
    .filter((deputy) => !exclude.includes(deputy.id))
    .map((deputy) => {
      const seat = deputy.seats.find((s) => s.bodyId === bodyId) ?? deputy.seats[0];
      const where = seat?.delegationName ?? seat?.groupName ?? '';
      return {
        value: deputy.id,
        label: deputy.name,
        description: [where, deputy.occupation].filter(Boolean).join(' · '),
      };
    });
  return (
    <Select<string[]>
      mode="multiple"
      value={value}
      onChange={(ids, picked) => {
        const chosen = Array.isArray(picked) ? picked : [picked];
        setLabels((current) => ({
          ...current,
          ...Object.fromEntries(
            chosen.flatMap((o) =>
              o && typeof o.label === 'string' && typeof o.value === 'string' ? [[o.value, o.label]] : [],
            ),
          ),
        }));
        onChange(ids);
      }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={deputies.isFetching}
      placeholder={t('sgSignerSearch')}
      notFoundContent={deputies.isFetching ? t('loading') : t('sgSignerNotFound')}
      style={{ width: '100%' }}
      aria-label={t('sgSignerSearch')}
      options={[
        ...options,
        // Keep picked deputies shown by name after the search moves on.
        ...value
          .filter((id) => !options.some((o) => o.value === id))
          .map((id) => ({ value: id, label: labels[id] ?? id, description: '' })),
      ]}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          {option.data.description ? (
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{option.data.description}</div>
          ) : null}
        </div>
      )}
    />
  );
}
