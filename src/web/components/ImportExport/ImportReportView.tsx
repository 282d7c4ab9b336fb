import type { ReactNode } from 'react';
import { Alert, Flex, Grid, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ImportError, ImportMode, ImportReport } from '../../../shared/schemas/imports.js';
import type { MessageKey } from '../../i18n/dictionary.js';
import { useLocale } from '../../i18n/locale.js';
import type { MessageParams } from '../../i18n/locale.js';
import type { ImportOutcome } from './transfer.api.js';

/** A dictionary message, or the server's own words (`raw`). */
type Verdict = { type: 'success' | 'warning' | 'error' } & ({ key: MessageKey } | { raw: string });

/** Whether `mode` would import this checked file: every row valid, or at least one. */
export function canImport(report: ImportReport, mode: ImportMode): boolean {
  return mode === 'all_or_nothing' ? report.validRows === report.totalRows : report.validRows > 0;
}

/** What a check (for the mode chosen now) or an import came to, in one sentence. */
function verdictOf({ report, refusal }: ImportOutcome, mode: ImportMode): Verdict {
  const invalid = report.totalRows - report.validRows;
  if (!report.dryRun) {
    if (refusal) return { type: 'error', raw: refusal };
    return { type: 'success', key: invalid > 0 ? 'importResultSkipped' : 'importResultOk' };
  }
  if (invalid === 0) return { type: 'success', key: 'importCheckOk' };
  if (report.validRows === 0) return { type: 'error', key: 'importCheckNone' };
  return mode === 'all_or_nothing'
    ? { type: 'error', key: 'importCheckRefused' }
    : { type: 'warning', key: 'importCheckPartial' };
}

interface ImportReportViewProps {
  outcome: ImportOutcome;
  /** The mode chosen now: a check's verdict says what importing with it would do. */
  mode: ImportMode;
  /** Shown right below the verdict, before the errors (the created accounts). */
  children?: ReactNode;
}

/** Counts, a verdict and the row-by-row errors of a check or an import. */
export function ImportReportView({ outcome, mode, children }: ImportReportViewProps) {
  const { t } = useLocale();
  const { report } = outcome;
  const invalid = report.totalRows - report.validRows;
  const params: MessageParams = {
    total: report.totalRows,
    valid: report.validRows,
    invalid,
    imported: report.imported,
  };
  const verdict = verdictOf(outcome, mode);
  const text = 'key' in verdict ? t(verdict.key, params) : verdict.raw;

  // Phones: the value goes under the column name, so the problem stays in view without scrolling.
  const narrow = Grid.useBreakpoint().sm === false;
  const valueText = (value: string | null) => (
    <Typography.Text
      type={narrow ? 'secondary' : undefined}
      ellipsis={{ tooltip: value }}
      style={{ maxWidth: 140 }}
    >
      {value ?? ''}
    </Typography.Text>
  );
  const columns: TableColumnsType<ImportError> = [
    { title: t('importColumnRow'), dataIndex: 'row', key: 'row', width: narrow ? 44 : 64 },
    {
      title: t('importColumnColumn'),
      key: 'column',
      width: narrow ? 96 : 110,
      render: (_value, error) =>
        narrow ? (
          <Flex vertical>
            <span>{error.column}</span>
            {valueText(error.value)}
          </Flex>
        ) : (
          error.column
        ),
    },
    ...(narrow
      ? []
      : [
          {
            title: t('importColumnValue'),
            dataIndex: 'value',
            key: 'value',
            width: 150,
            render: valueText,
          },
        ]),
    { title: t('importColumnMessage'), dataIndex: 'message', key: 'message' },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={32} wrap className="minyi-import-stats">
        <Statistic title={t('importTotalRows')} value={report.totalRows} />
        <Statistic
          title={t('importValidRows')}
          value={report.validRows}
          styles={{ content: { color: '#389e0d' } }}
        />
        <Statistic
          title={t('importInvalidRows')}
          value={invalid}
          styles={{ content: { color: invalid > 0 ? '#cf1322' : undefined } }}
        />
        {report.dryRun ? null : <Statistic title={t('importImportedRows')} value={report.imported} />}
      </Flex>
      <Alert type={verdict.type} showIcon title={text} />
      {children}
      {report.errors.length > 0 ? (
        <>
          <Typography.Text strong>{t('importErrorsTitle')}</Typography.Text>
          {report.errorsTruncated ? (
            <Typography.Text type="secondary">
              {t('importErrorsTruncated', { count: report.errors.length })}
            </Typography.Text>
          ) : null}
          <Table<ImportError>
            rowKey={(error) => `${error.row}:${error.column}:${error.message}`}
            size="small"
            columns={columns}
            dataSource={report.errors}
            scroll={narrow ? undefined : { x: 560 }}
            pagination={{ pageSize: 8, size: 'small', hideOnSinglePage: true, showSizeChanger: false }}
          />
        </>
      ) : null}
    </Flex>
  );
}
