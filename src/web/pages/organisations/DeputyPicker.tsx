import { useEffect, useState } from 'react';
import { Flex, Select, Typography } from 'antd';
import { useLocale } from '../../i18n/locale.js';
import { useDeputies } from '../deputies/deputies.api.js';

interface DeputyOption {
  value: string;
  label: string;
  occupation: string | null;
  disabled: boolean;
}

interface DeputyPickerProps {
  bodyId: string;
  /** Only deputies holding a seat in this term. */
  termId?: string;
  /** Listed but not choosable (e.g. already members). */
  disabledIds?: ReadonlySet<string>;
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}

/** Finds a serving deputy of a body by name on the server (`GET /deputies?bodyId&q`); a form control. */
export function DeputyPicker({ bodyId, termId, disabledIds, value, onChange, id }: DeputyPickerProps) {
  const { t } = useLocale();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const deputies = useDeputies({
    bodyId,
    termId,
    q: q || undefined,
    status: 'active',
    page: 1,
    pageSize: 20,
  });
  const options: DeputyOption[] = (deputies.data?.items ?? []).map((deputy) => ({
    value: deputy.id,
    label: deputy.name,
    occupation: deputy.occupation,
    disabled: disabledIds?.has(deputy.id) ?? false,
  }));

  return (
    <Select<string, DeputyOption>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={deputies.isFetching}
      placeholder={t('memberDeputyPlaceholder')}
      notFoundContent={deputies.isFetching ? t('loading') : t('empty')}
      options={options}
      optionRender={({ data }) => (
        <Flex vertical>
          <span>
            {data.label}
            {data.disabled ? (
              <Typography.Text type="secondary"> · {t('memberAlready')}</Typography.Text>
            ) : null}
          </span>
          {data.occupation ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {data.occupation}
            </Typography.Text>
          ) : null}
        </Flex>
      )}
      style={{ width: '100%' }}
    />
  );
}
