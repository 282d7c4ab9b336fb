import { Select } from 'antd';
import { useLocale } from '../../i18n/locale.js';
import { useUnits } from './units.api.js';

interface UnitSelectProps {
  /** Units of this body are offered; nothing until it is chosen. */
  bodyId: string | null;
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
}

/** Picks an active handling unit of a body (works as an antd `Form.Item` control). */
export function UnitSelect({ bodyId, value, onChange, id }: UnitSelectProps) {
  const { t } = useLocale();
  // A county has 30-80 units, a province a few hundred: one page of 200, searched here.
  const units = useUnits(
    { bodyId: bodyId ?? undefined, active: 'true', pageSize: 200, page: 1 },
    bodyId !== null,
  );
  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      disabled={bodyId === null}
      loading={units.isFetching}
      placeholder={bodyId ? t('unitSelectPlaceholder') : t('unitChooseBodyFirst')}
      options={(units.data?.items ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
    />
  );
}
