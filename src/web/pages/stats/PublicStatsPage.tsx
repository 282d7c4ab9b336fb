import { Card, Empty, Flex, Table, Tooltip, Typography } from 'antd';
import type { PublicStats } from '../../../shared/schemas/stats.js';
import { QueryError } from '../../components/QueryError.js';
import { useStatsText } from './use-stats-text.js';
import { usePhone } from '../../layout/use-phone.js';
import { PortalLayout } from '../portal/PortalLayout.js';
import { compareOption } from './dashboard-charts.js';
import { EChart } from './EChart.js';
import { percentText } from './IndicatorCells.js';
import { usePublicStats } from './stats.api.js';

type BodyStats = PublicStats['bodies'][number];
const palette = ['#1677ff', '#52c41a', '#fa8c16', '#722ed1', '#13c2c2', '#bfbfbf'];

/** 建议办理情况公开 (no sign-in): the indicators each congress publishes, over disclosed items. */
export function PublicStatsPage() {
  const { t } = useStatsText();
  const stats = usePublicStats();
  return (
    <PortalLayout>
      <Flex vertical gap={4}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('stPublicTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('stPublicIntro')}</Typography.Text>
      </Flex>
      {stats.isError ? <QueryError error={stats.error} onRetry={() => void stats.refetch()} /> : null}
      {stats.data && stats.data.bodies.length === 0 ? <Empty description={t('stPublicNone')} /> : null}
      {stats.isPending ? <Card loading /> : null}
      {stats.data?.bodies.map((body) => (
        <BodyCard key={body.bodyId} body={body} />
      ))}
    </PortalLayout>
  );
}

function BodyCard({ body }: { body: BodyStats }) {
  const { t } = useStatsText();
  const phone = usePhone();
  const years = body.byYear.slice(0, 4);
  return (
    <Card
      size="small"
      title={body.bodyName}
      extra={t('stAsOf', { day: body.asOf })}
      data-testid="public-body"
    >
      <Flex vertical gap={12}>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: 8 }}>
          {body.indicators.map((i) => (
            <Tooltip key={i.key} title={i.definition}>
              <Card size="small">
                <Typography.Text type="secondary">{i.label}</Typography.Text>
                <div style={{ fontSize: 24, fontWeight: 600 }}>{percentText(i.value)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {i.numerator}/{i.denominator}
                </Typography.Text>
              </Card>
            </Tooltip>
          ))}
        </div>
        {years.length > 0 ? (
          <>
            <EChart
              height={Math.max(180, body.indicators.length * years.length * 16 + 60)}
              option={compareOption(
                body.indicators.map((i) => i.label),
                years.map((y, index) => ({
                  name: `${y.year}`,
                  values: y.indicators.map((i) => i.value),
                  color: palette[index] ?? '#bfbfbf',
                })),
                phone,
              )}
            />
            <Table
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              rowKey={(row) => String(row.year)}
              dataSource={years}
              columns={[
                { title: t('stYear'), dataIndex: 'year' },
                ...body.indicators.map((indicator, index) => ({
                  title: <Tooltip title={indicator.definition}>{indicator.label}</Tooltip>,
                  key: indicator.key,
                  align: 'right' as const,
                  render: (_v: unknown, row: (typeof years)[number]) =>
                    percentText(row.indicators[index]?.value ?? null),
                })),
              ]}
            />
          </>
        ) : null}
      </Flex>
    </Card>
  );
}
