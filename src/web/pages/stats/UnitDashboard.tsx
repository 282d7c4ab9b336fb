import { Card, Flex, Statistic } from 'antd';
import { rateDefinitions, rateKeys } from '../../../shared/stats-definitions.js';
import { QueryError } from '../../components/QueryError.js';
import { useStatsText } from './use-stats-text.js';
import { usePhone } from '../../layout/use-phone.js';
import { ChartWithTable } from './ChartWithTable.js';
import { compareOption } from './dashboard-charts.js';
import { percentText, RateCell } from './IndicatorCells.js';
import { useUnitDashboard } from './stats.api.js';

/** 承办单位看板: the unit's own rates against the average of all units (no other unit shown). */
export function UnitDashboard({ year }: { year?: number }) {
  const { t, pick } = useStatsText();
  const phone = usePhone();
  const dashboard = useUnitDashboard(null, year);
  if (dashboard.isError)
    return <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  if (!d) return <Card loading />;
  const rows = rateKeys.map((rate) => ({ rate, label: pick(rateDefinitions[rate].label) }));
  return (
    <Flex vertical gap={12} data-testid="unit-dashboard">
      <Flex gap={12} wrap>
        <Card size="small" style={{ flex: '1 1 140px' }}>
          <Statistic title={t('stCount')} value={d.own.counts.total} />
        </Card>
        <Card size="small" style={{ flex: '1 1 140px' }}>
          <Statistic title={t('stOverdue')} value={d.own.counts.overdue} valueStyle={{ color: '#cf1322' }} />
        </Card>
        <Card size="small" style={{ flex: '1 1 140px' }}>
          <Statistic title={t('stDueThisWeek')} value={d.dueThisWeek} valueStyle={{ color: '#fa8c16' }} />
        </Card>
      </Flex>
      <ChartWithTable
        testId="unit-compare"
        title={`${d.unitName} · ${t('stThisYear', { year: d.year })}`}
        height={340}
        option={compareOption(
          rows.map((r) => r.label),
          [
            { name: t('stOwn'), values: rateKeys.map((r) => d.own.rates[r].value), color: '#1677ff' },
            { name: t('stAverage'), values: rateKeys.map((r) => d.average.rates[r].value), color: '#bfbfbf' },
          ],
          phone,
        )}
        rows={rows}
        rowKey={(r) => r.rate}
        columns={[
          { title: t('stIndicator'), dataIndex: 'label' },
          {
            title: t('stOwn'),
            key: 'own',
            align: 'right',
            render: (_v, r) => <RateCell set={d.own} rate={r.rate} />,
          },
          {
            title: t('stAverage'),
            key: 'avg',
            align: 'right',
            render: (_v, r) => <span>{percentText(d.average.rates[r.rate].value)}</span>,
          },
        ]}
      />
    </Flex>
  );
}
