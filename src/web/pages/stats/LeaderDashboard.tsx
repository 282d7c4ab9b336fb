import { Card, Col, Flex, Row, Statistic, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { LeaderDashboard as Dashboard } from '../../../shared/schemas/stats.js';
import { rateDefinitions } from '../../../shared/stats-definitions.js';
import { QueryError } from '../../components/QueryError.js';
import { useStatsText } from './use-stats-text.js';
import { usePhone } from '../../layout/use-phone.js';
import { ResponsiveTable } from '../supervision/ResponsiveTable.js';
import { ChartWithTable } from './ChartWithTable.js';
import { columnOption } from './dashboard-charts.js';
import { percentText } from './IndicatorCells.js';
import { useLeaderDashboard } from './stats.api.js';

type KeyRow = Dashboard['keySuggestions'][number];

/** 领导看板: key suggestions with stage and days left, and the year's headline rates. */
export function LeaderDashboard({ bodyId, year }: { bodyId: string | null; year?: number }) {
  const { t, pick } = useStatsText();
  const phone = usePhone();
  const dashboard = useLeaderDashboard(bodyId, year);
  if (dashboard.isError)
    return <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  if (!d) return <Card loading />;
  const days = (row: KeyRow) =>
    row.daysLeft === null ? (
      '—'
    ) : row.daysLeft < 0 ? (
      <Typography.Text type="danger">{t('stOverdueDays', { days: -row.daysLeft })}</Typography.Text>
    ) : (
      t('stDaysLeftValue', { days: row.daysLeft })
    );
  const columns: TableColumnsType<KeyRow> = [
    { title: '', key: 'serial', width: 90, render: (_v, r) => r.serialLabel ?? '—' },
    {
      title: t('stKeySuggestions'),
      key: 'title',
      render: (_v, r) => <Link to={`/suggestions/${r.suggestionId}`}>{r.title}</Link>,
    },
    {
      title: t('stStage'),
      key: 'stage',
      render: (_v, r) => <Tag color={r.overdue ? 'red' : 'blue'}>{r.stageLabel}</Tag>,
    },
    { title: t('stUnit'), key: 'units', render: (_v, r) => r.units.join('、') },
    { title: t('stDaysLeft'), key: 'days', align: 'right', render: (_v, r) => days(r) },
  ];
  const headline = (['closure', 'onTime', 'satisfiedInclusive', 'solvedOrPlanned'] as const).map((rate) => ({
    rate,
    label: pick(rateDefinitions[rate].label),
  }));
  const stages = [...new Set(d.keySuggestions.map((k) => k.stageLabel))];
  return (
    <Flex vertical gap={12} data-testid="leader-dashboard">
      <Row gutter={[12, 12]}>
        {headline.map((h) => (
          <Col xs={12} md={6} key={h.rate}>
            <Card size="small">
              <Tooltip title={`${h.label}：${pick(rateDefinitions[h.rate].text)}`}>
                <Statistic title={h.label} value={percentText(d.thisYear.rates[h.rate].value)} />
              </Tooltip>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.thisYear.rates[h.rate].numerator}/{d.thisYear.rates[h.rate].denominator}
              </Typography.Text>
            </Card>
          </Col>
        ))}
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
      <Card size="small" title={`${t('stKeySuggestions')}（${d.keySuggestions.length}）`}>
        <ResponsiveTable<KeyRow>
          testId="key-suggestions"
          rows={d.keySuggestions}
          rowKey={(r) => r.suggestionId}
          columns={columns}
          pagination={false}
          card={(r) => (
            <Flex vertical gap={4}>
              <Link to={`/suggestions/${r.suggestionId}`}>{r.title}</Link>
              <Flex gap={8} wrap align="center">
                <Tag color={r.overdue ? 'red' : 'blue'}>{r.stageLabel}</Tag>
                <span>{days(r)}</span>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.units.join('、')}
              </Typography.Text>
            </Flex>
          )}
        />
      </Card>
      <ChartWithTable
        testId="key-stages"
        title={t('stStage')}
        option={columnOption(
          stages,
          stages.map((s) => d.keySuggestions.filter((k) => k.stageLabel === s).length),
          phone,
        )}
        rows={stages.map((s) => ({
          stage: s,
          count: d.keySuggestions.filter((k) => k.stageLabel === s).length,
        }))}
        rowKey={(r) => r.stage}
        columns={[
          { title: t('stStage'), dataIndex: 'stage' },
          { title: t('stCount'), dataIndex: 'count', align: 'right' },
        ]}
        height={200}
      />
    </Flex>
  );
}
