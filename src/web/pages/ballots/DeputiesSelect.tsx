import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useLocale } from '../../i18n/locale.js';
import { useDeputies } from '../deputies/deputies.api.js';

interface DeputiesSelectProps {
  bodyId: string | null;
  termId?: string | null;
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
  placeholder?: string;
  /** At most this many (1 for a group leader). */
  maxCount?: number;
  /** Names of deputies already chosen, so they show before any search. */
  known?: { id: string; name: string }[];
}

/** Several serving deputies of a term, found by name on the server (a form control). */
export function DeputiesSelect({
  bodyId,
  termId,
  value,
  onChange,
  id,
  placeholder,
  maxCount,
  known: seed,
}: DeputiesSelectProps) {
  const { t } = useLocale();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [known, setKnown] = useState<Map<string, string>>(
    () => new Map((seed ?? []).map((d) => [d.id, d.name])),
  );
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const deputies = useDeputies(
    {
      bodyId: bodyId ?? undefined,
      termId: termId ?? undefined,
      q: q || undefined,
      status: 'active',
      page: 1,
      pageSize: 50,
    },
    bodyId !== null,
  );
  useEffect(() => {
    const items = deputies.data?.items ?? [];
    if (items.length === 0) return;
    setKnown((current) => {
      const next = new Map(current);
      for (const deputy of items) next.set(deputy.id, deputy.name);
      return next;
    });
  }, [deputies.data]);
  const options = [...known].map(([deputyId, name]) => ({ value: deputyId, label: name }));
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={(next) => onChange?.(next)}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={deputies.isFetching}
      placeholder={placeholder ?? t('vtDeputiesPlaceholder')}
      notFoundContent={deputies.isFetching ? t('loading') : t('empty')}
      options={options.filter(
        (option) => !q || option.label.includes(q) || (value ?? []).includes(option.value),
      )}
      maxTagCount="responsive"
      maxCount={maxCount}
    />
  );
}
