import { useMemo, useState } from 'react';
import { Button, Card, Flex, Select, Switch, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { EChartsCoreOption } from 'echarts/core';
import type { GroupBy, IndicatorRow } from '../../../shared/schemas/stats.js';
import { groupByLabels, groupByValues } from '../../../shared/schemas/stats.js';
import type { Role } from '../../../shared/schemas/roles.js';
import { averageDaysDefinition, rateDefinitions, rateKeys } from '../../../shared/stats-definitions.js';
import type { RateKey } from '../../../shared/stats-definitions.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useStatsText } from './use-stats-text.js';
import { usePhone } from '../../layout/use-phone.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../bodies/useChosenBody.js';
import { useCurrentSessions } from '../suggestions/api/reference.api.js';
import { ResponsiveTable } from '../supervision/ResponsiveTable.js';
import { hasAnyRole } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { DrillDrawer } from './DrillDrawer.js';
import { PublicationButton } from './PublicationButton.js';
import { EChart, shortLabel } from './EChart.js';
import { AverageDaysCell, CountCell, percentText, RateCell } from './IndicatorCells.js';
import type { DrillTarget, IndicatorFilters } from './stats.api.js';
import { indicatorsXlsxUrl, useIndicators } from './stats.api.js';

const readers: Role[] = ['office_staff', 'admin', 'committee_staff', 'leader', 'supervision_office'];
const thisYear = new Date().getFullYear();
const years = Array.from({ length: 6 }, (_v, i) => thisYear - i);

/** 办理指标: the indicator table by any grouping, a chart beside it, drill-down and Excel. */
export function IndicatorsPage() {
  const { t, pick } = useStatsText();
  const phone = usePhone();
  const { me } = useSession();
  const { bodyId, choose } = useChosenBody(readers);
  const sessions = useCurrentSessions(bodyId);
  const [filters, setFilters] = useState<IndicatorFilters>({ groupBy: 'unit', includeLowerLevels: true });
  const [chartRate, setChartRate] = useState<RateKey>('onTime');
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const table = useIndicators(bodyId, filters);
  const set = (patch: IndicatorFilters) => setFilters((current) => ({ ...current, ...patch }));
  const rows = useMemo(() => (table.data ? [...table.data.rows, table.data.totals] : []), [table.data]);

  const drillOf = (row: IndicatorRow) => (rate: DrillTarget['indicator'], part: DrillTarget['part']) =>
    setDrill({
      indicator: rate,
      part,
      rowKey: row.key === 'total' ? undefined : row.key,
      rowLabel: row.label,
    });

  const columns: TableColumnsType<IndicatorRow> = [
    {
      title: pick(groupByLabels[filters.groupBy ?? 'none']),
      key: 'label',
      fixed: 'left',
      width: 160,
      render: (_v, row) => (row.key === 'total' ? <strong>{row.label}</strong> : row.label),
    },
    {
      title: t('stCount'),
      key: 'total',
      align: 'right',
      render: (_v, row) => <CountCell set={row.indicators} count="total" />,
    },
    ...rateKeys.map((rate) => ({
      title: pick(rateDefinitions[rate].label),
      key: rate,
      align: 'right' as const,
      render: (_v: unknown, row: IndicatorRow) => (
        <RateCell set={row.indicators} rate={rate} onDrill={drillOf(row)} />
      ),
    })),
    {
      title: t('stOverdue'),
      key: 'overdue',
      align: 'right',
      render: (_v, row) => (
        <CountCell
          set={row.indicators}
          count="overdue"
          onDrill={() => drillOf(row)('overdue', 'numerator')}
        />
      ),
    },
    {
      title: t('stWarnings'),
      key: 'warnings',
      align: 'right',
      render: (_v, row) => (
        <CountCell
          set={row.indicators}
          count="warnings"
          onDrill={() => drillOf(row)('warnings', 'numerator')}
        />
      ),
    },
    {
      title: pick(averageDaysDefinition.label),
      key: 'days',
      align: 'right',
      render: (_v, row) => <AverageDaysCell set={row.indicators} />,
    },
  ];

  const chartRows = useMemo(
    () => (table.data?.rows.length ? table.data.rows : table.data ? [table.data.totals] : []),
    [table.data],
  );
  const option = useMemo<EChartsCoreOption>(() => {
    const labelMax = phone ? 6 : 12;
    const shown = [...chartRows].reverse();
    return {
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        data: shown.map((r) => shortLabel(r.label, labelMax)),
        axisLabel: { fontSize: 12 },
      },
      series: [
        {
          type: 'bar',
          name: pick(rateDefinitions[chartRate].label),
          data: shown.map((r) => r.indicators.rates[chartRate].value),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: number | null }) => percentText(p.value),
          },
          itemStyle: { color: '#1677ff' },
          barMaxWidth: 18,
        },
      ],
    };
  }, [chartRows, chartRate, phone, pick]);

  return (
    <>
      <PageHeader
        title={t('stIndicators')}
        intro={t('stIndicatorsIntro')}
        extra={
          bodyId ? (
            <>
              {me && hasAnyRole(me, ['office_staff', 'admin']) ? <PublicationButton bodyId={bodyId} /> : null}
              <Button
                icon={<DownloadOutlined />}
                href={indicatorsXlsxUrl(bodyId, filters)}
                data-testid="indicators-xlsx"
              >
                {t('stDownload')}
              </Button>
            </>
          ) : null
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }} align="center">
        <BodyTreeSelect value={bodyId} onChange={choose} style={{ minWidth: 200 }} />
        <Select<GroupBy>
          style={{ minWidth: 150 }}
          value={filters.groupBy}
          onChange={(groupBy) => set({ groupBy })}
          options={groupByValues.map((g) => ({ value: g, label: pick(groupByLabels[g]) }))}
          aria-label={t('stGroupBy')}
        />
        <Select<number>
          allowClear
          placeholder={t('stAllYears')}
          style={{ minWidth: 110 }}
          value={filters.year}
          onChange={(year?: number) => set({ year })}
          options={years.map((y) => ({ value: y, label: `${y}` }))}
        />
        <Select
          allowClear
          placeholder={t('stSession')}
          style={{ minWidth: 160 }}
          value={filters.sessionId}
          onChange={(sessionId?: string) => set({ sessionId })}
          options={sessions.items.map((s) => ({ value: s.id, label: s.name }))}
        />
        <Flex gap={4} align="center">
          <Switch
            size="small"
            checked={filters.includeLowerLevels !== false}
            onChange={(includeLowerLevels) => set({ includeLowerLevels })}
          />
          <Typography.Text>{t('stIncludeLower')}</Typography.Text>
        </Flex>
      </Flex>
      {table.isError ? (
        <QueryError error={table.error} onRetry={() => void table.refetch()} />
      ) : (
        <Flex vertical gap={12}>
          <Card
            size="small"
            title={t('stChartOf')}
            extra={
              <Select<RateKey>
                size="small"
                style={{ width: phone ? 150 : 200 }}
                value={chartRate}
                onChange={setChartRate}
                options={rateKeys.map((r) => ({ value: r, label: pick(rateDefinitions[r].label) }))}
              />
            }
          >
            <EChart
              option={option}
              height={Math.max(160, chartRows.length * 32 + 40)}
              testId="indicators-chart"
            />
          </Card>
          <ResponsiveTable<IndicatorRow>
            testId="indicators-table"
            rows={rows}
            rowKey={(row) => row.key}
            columns={columns}
            loading={table.isFetching}
            pagination={false}
            card={(row) => <RowCard row={row} onDrill={drillOf(row)} />}
          />
          {table.data?.unitAverage ? (
            <Card size="small" title={t('stUnitAverage')}>
              <RowCard
                row={{ key: 'average', label: t('stUnitAverage'), indicators: table.data.unitAverage }}
              />
            </Card>
          ) : null}
          {table.data ? (
            <Typography.Text type="secondary">{t('stAsOf', { day: table.data.asOf })}</Typography.Text>
          ) : null}
        </Flex>
      )}
      <DrillDrawer bodyId={bodyId} filters={filters} target={drill} onClose={() => setDrill(null)} />
    </>
  );
}

/** One row as a card on phones: every rate with its fraction. */
function RowCard({
  row,
  onDrill,
}: {
  row: IndicatorRow;
  onDrill?: (rate: DrillTarget['indicator'], part: DrillTarget['part']) => void;
}) {
  const { t, pick } = useStatsText();
  return (
    <Flex vertical gap={6}>
      <Typography.Text strong>{row.label}</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 6 }}>
        {rateKeys.map((rate) => (
          <Flex key={rate} justify="space-between" gap={4}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {pick(rateDefinitions[rate].label)}
            </Typography.Text>
            <RateCell set={row.indicators} rate={rate} onDrill={onDrill} />
          </Flex>
        ))}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('stCount')} {row.indicators.counts.total} · {t('stOverdue')} {row.indicators.counts.overdue} ·{' '}
        {t('stWarnings')} {row.indicators.counts.warnings}
      </Typography.Text>
    </Flex>
  );
}
