import { Card, Col, Flex, Row, Statistic } from 'antd';
import type { IndicatorRow, IndicatorSet } from '../../../shared/schemas/stats.js';
import { rateDefinitions, rateKeys } from '../../../shared/stats-definitions.js';
import { QueryError } from '../../components/QueryError.js';
import { useStatsText } from './use-stats-text.js';
import { usePhone } from '../../layout/use-phone.js';
import { ChartWithTable } from './ChartWithTable.js';
import { columnOption, compareOption, heatOption } from './dashboard-charts.js';
import { percentText, RateCell } from './IndicatorCells.js';
import { useOfficeDashboard } from './stats.api.js';

/** 代表工委看板: pipeline, deadline heat, this year against last year, units ranked. */
export function OfficeDashboard({ bodyId, year }: { bodyId: string | null; year?: number }) {
  const { t, pick } = useStatsText();
  const phone = usePhone();
  const dashboard = useOfficeDashboard(bodyId, year);
  if (dashboard.isError)
    return <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  if (!d) return <Card loading />;
  return (
    <Flex vertical gap={12} data-testid="office-dashboard">
      <Row gutter={[12, 12]}>
        {(
          [
            ['stDueThisWeek', d.deadlines.dueThisWeek, '#fa8c16'],
            ['stOverdue', d.deadlines.overdue, '#cf1322'],
            ['stWarnings', d.deadlines.warnings, '#d48806'],
          ] as const
        ).map(([label, value, color]) => (
          <Col xs={8} key={label}>
            <Card size="small">
              <Statistic title={t(label)} value={value} valueStyle={{ color }} />
            </Card>
          </Col>
        ))}
      </Row>
      <ChartWithTable
        testId="pipeline"
        title={t('stPipeline')}
        option={columnOption(
          d.pipeline.map((p) => p.label),
          d.pipeline.map((p) => p.count),
          phone,
        )}
        rows={d.pipeline}
        rowKey={(p) => p.status}
        columns={[
          { title: t('stStage'), dataIndex: 'label' },
          { title: t('stCount'), dataIndex: 'count', align: 'right' },
        ]}
      />
      <YearComparison d={d} />
      <ChartWithTable
        testId="deadline-heat"
        title={t('stDeadlines')}
        height={Math.max(160, d.deadlines.byUnit.length * 28 + 40)}
        option={heatOption(
          d.deadlines.byUnit.map((u) => u.unitName),
          d.deadlines.byUnit.map((u) => u.overdue),
          d.deadlines.byUnit.map((u) => u.dueThisWeek),
          { overdue: t('stOverdue'), due: t('stDueThisWeek') },
          phone,
        )}
        rows={d.deadlines.byUnit}
        rowKey={(u) => u.unitId}
        columns={[
          { title: t('stUnit'), dataIndex: 'unitName', ellipsis: true },
          { title: t('stOverdue'), dataIndex: 'overdue', align: 'right' },
          { title: t('stDueThisWeek'), dataIndex: 'dueThisWeek', align: 'right' },
        ]}
      />
      <ChartWithTable<IndicatorRow>
        testId="units-ranked"
        title={t('stUnitsRanked')}
        height={Math.max(180, Math.min(d.unitsRanked.length, 15) * 28 + 40)}
        option={compareOption(
          d.unitsRanked.slice(0, 15).map((u) => u.label),
          [
            {
              name: pick(rateDefinitions.onTime.label),
              values: d.unitsRanked.slice(0, 15).map((u) => u.indicators.rates.onTime.value),
              color: '#1677ff',
            },
            {
              name: pick(rateDefinitions.satisfiedInclusive.label),
              values: d.unitsRanked.slice(0, 15).map((u) => u.indicators.rates.satisfiedInclusive.value),
              color: '#52c41a',
            },
          ],
          phone,
        )}
        rows={d.unitsRanked}
        rowKey={(u) => u.key}
        columns={[
          { title: t('stRank'), key: 'rank', width: 56, render: (_v, _r, i) => i + 1 },
          { title: t('stUnit'), dataIndex: 'label', ellipsis: true },
          {
            title: pick(rateDefinitions.onTime.label),
            key: 'onTime',
            align: 'right',
            render: (_v, r) => <RateCell set={r.indicators} rate="onTime" />,
          },
          {
            title: pick(rateDefinitions.satisfiedInclusive.label),
            key: 'sat',
            align: 'right',
            render: (_v, r) => <RateCell set={r.indicators} rate="satisfiedInclusive" />,
          },
        ]}
      />
    </Flex>
  );
}

/** Every rate this year against last year: chart and table. */
export function YearComparison({
  d,
}: {
  d: { year: number; thisYear: IndicatorSet; lastYear: IndicatorSet };
}) {
  const { t, pick } = useStatsText();
  const phone = usePhone();
  const rows = rateKeys.map((rate) => ({ rate, label: pick(rateDefinitions[rate].label) }));
  return (
    <ChartWithTable
      testId="year-comparison"
      title={t('stAgainstLastYear')}
      height={340}
      option={compareOption(
        rows.map((r) => r.label),
        [
          {
            name: t('stThisYear', { year: d.year }),
            values: rateKeys.map((r) => d.thisYear.rates[r].value),
            color: '#1677ff',
          },
          {
            name: t('stThisYear', { year: d.year - 1 }),
            values: rateKeys.map((r) => d.lastYear.rates[r].value),
            color: '#bfbfbf',
          },
        ],
        phone,
      )}
      rows={rows}
      rowKey={(r) => r.rate}
      columns={[
        { title: t('stIndicator'), dataIndex: 'label' },
        {
          title: t('stThisYear', { year: d.year }),
          key: 'now',
          align: 'right',
          render: (_v, r) => <RateCell set={d.thisYear} rate={r.rate} />,
        },
        {
          title: t('stThisYear', { year: d.year - 1 }),
          key: 'before',
          align: 'right',
          render: (_v, r) => <span>{percentText(d.lastYear.rates[r.rate].value)}</span>,
        },
      ]}
    />
  );
}
