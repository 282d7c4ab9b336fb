import { Flex, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { SuggestionSummary } from '../../../../shared/schemas/suggestions.js';
import { suggestionKindLabels } from '../../../../shared/schemas/suggestions.js';
import { formatDate } from '../../../format/time.js';
import type { LocaleContextValue } from '../../../i18n/locale.js';
import type { MessageKey } from '../../../i18n/dictionary.js';
import { KeyTag, SuggestionStatusTag, UnitsText } from '../components/StatusTags.js';

/** Columns a user may show on the list, in their default order; `title` is always shown. */
export const columnKeys = [
  'serial',
  'title',
  'leadDeputy',
  'category',
  'status',
  'kind',
  'units',
  'due',
  'signers',
  'key',
  'submittedAt',
] as const;
export type ColumnKey = (typeof columnKeys)[number];
export const defaultColumns: ColumnKey[] = [
  'serial',
  'title',
  'leadDeputy',
  'category',
  'status',
  'units',
  'due',
];

export const columnLabels: Record<ColumnKey, MessageKey> = {
  serial: 'sgSerial',
  title: 'sgTitle',
  leadDeputy: 'sgLeadDeputy',
  category: 'sgCategory',
  status: 'sgStatus',
  kind: 'sgKind',
  units: 'sgUnits',
  due: 'sgReplyDue',
  signers: 'sgSigners',
  key: 'sgKeyColumn',
  submittedAt: 'sgSubmittedAt',
};

export function isColumnKey(value: string): value is ColumnKey {
  return columnKeys.some((key) => key === value);
}

type Column = TableColumnsType<SuggestionSummary>[number];

/** The chosen columns, in the list's order. */
export function suggestionColumns(shown: readonly ColumnKey[], { t, pick }: LocaleContextValue): Column[] {
  const all: Record<ColumnKey, Column> = {
    serial: { width: 100, render: (_v, item) => item.serialLabel ?? '—' },
    title: {
      render: (_v, item) => (
        <Flex vertical gap={2}>
          <Link to={`/suggestions/${item.id}`}>{item.title}</Link>
        </Flex>
      ),
    },
    leadDeputy: { width: 100, render: (_v, item) => item.leadDeputyName },
    category: { width: 110, render: (_v, item) => item.categoryName ?? '—' },
    status: { width: 110, render: (_v, item) => <SuggestionStatusTag status={item.status} /> },
    kind: { width: 80, render: (_v, item) => pick(suggestionKindLabels[item.kind]) },
    units: { width: 220, render: (_v, item) => <UnitsText units={item.units} /> },
    due: {
      width: 120,
      render: (_v, item) =>
        item.nearestDueOn ? (
          <Typography.Text type={item.overdue ? 'danger' : undefined}>
            {item.nearestDueOn}
            {item.overdue ? ` ${t('sgOverdue')}` : ''}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    signers: { width: 80, render: (_v, item) => item.signerCount },
    key: { width: 110, render: (_v, item) => <KeyTag keyStatus={item.keyStatus} /> },
    submittedAt: { width: 120, render: (_v, item) => formatDate(item.submittedAt) },
  };
  return columnKeys
    .filter((key) => key === 'title' || shown.includes(key))
    .map((key) => ({ ...all[key], key, title: t(columnLabels[key]) }));
}
