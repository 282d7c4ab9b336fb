import { useState } from 'react';
import { AutoComplete, DatePicker, Flex, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { beijingDayBoundary } from '../../format/time.js';
import { auditActionLabels, auditTargetTypeLabels } from '../../i18n/messages/audit-labels.js';
import { useLocale } from '../../i18n/locale.js';
import type { AuditQuery } from './audit.api.js';

type Filter = Pick<AuditQuery, 'q' | 'action' | 'targetType' | 'from' | 'to'>;

/** Search text, action, target type and a date range (whole days, Beijing time). */
export function AuditFilters({ onChange }: { onChange: (filter: Filter) => void }) {
  const { t, pick } = useLocale();
  // Actions match exactly: apply one when picked, cleared or left, not at every keystroke.
  const [action, setAction] = useState('');
  const commitAction = (value: string) => onChange({ action: value.trim() || undefined });
  const actionOptions = Object.entries(auditActionLabels).map(([value, label]) => ({
    value,
    label: `${pick(label)}（${value}）`,
  }));
  const typeOptions = Object.entries(auditTargetTypeLabels).map(([value, label]) => ({
    value,
    label: pick(label),
  }));
  const onRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    onChange({
      from: range?.[0] ? beijingDayBoundary(range[0], 'start') : undefined,
      to: range?.[1] ? beijingDayBoundary(range[1], 'end') : undefined,
    });

  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={t('auditSearchPlaceholder')}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ flex: '1 1 200px', maxWidth: 280 }}
      />
      <AutoComplete
        allowClear
        placeholder={t('auditAction')}
        options={actionOptions}
        showSearch={{
          filterOption: (input, option) =>
            option ? `${option.label ?? ''}`.toLowerCase().includes(input.toLowerCase()) : false,
        }}
        value={action}
        onChange={(value: string | undefined) => {
          setAction(value ?? '');
          if (!value) commitAction('');
        }}
        onSelect={(value: string | undefined) => {
          setAction(value ?? '');
          commitAction(value ?? '');
        }}
        onBlur={() => commitAction(action)}
        style={{ flex: '1 1 200px', maxWidth: 280 }}
      />
      <Select<string>
        allowClear
        placeholder={t('auditTargetType')}
        options={typeOptions}
        onChange={(targetType) => onChange({ targetType })}
        style={{ flex: '1 1 140px', maxWidth: 180 }}
      />
      <DatePicker.RangePicker
        onChange={onRange}
        placeholder={[t('auditDateFrom'), t('auditDateTo')]}
        style={{ flex: '1 1 240px', maxWidth: 300 }}
      />
    </Flex>
  );
}
