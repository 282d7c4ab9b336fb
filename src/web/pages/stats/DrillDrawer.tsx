import { useState } from 'react';
import { Drawer, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { suggestionStatusLabels } from '../../../shared/schemas/suggestions.js';
import { countDefinitions, rateDefinitions } from '../../../shared/stats-definitions.js';
import type { RateKey } from '../../../shared/stats-definitions.js';
import { QueryError } from '../../components/QueryError.js';
import { useStatsText } from './use-stats-text.js';
import { usePhone } from '../../layout/use-phone.js';
import type { DrillTarget, IndicatorFilters } from './stats.api.js';
import { useDrill } from './stats.api.js';

/** The items behind a clicked cell, each linking to its suggestion. */
export function DrillDrawer({
  bodyId,
  filters,
  target,
  onClose,
}: {
  bodyId: string | null;
  filters: IndicatorFilters;
  target: DrillTarget | null;
  onClose: () => void;
}) {
  const { t, pick } = useStatsText();
  const phone = usePhone();
  const [page, setPage] = useState(1);
  const drill = useDrill(bodyId, filters, target, page);
  const indicatorLabel = target
    ? target.indicator in rateDefinitions
      ? pick(rateDefinitions[target.indicator as RateKey].label)
      : pick(countDefinitions[target.indicator as 'overdue'].label)
    : '';
  return (
    <Drawer
      open={target !== null}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      width={phone ? '100%' : 640}
      title={
        target
          ? t('stDrillTitle', {
              indicator: indicatorLabel,
              part: target.part === 'numerator' ? t('stNumerator') : t('stDenominator'),
              row: target.rowLabel,
            })
          : ''
      }
    >
      {drill.isError ? (
        <QueryError error={drill.error} onRetry={() => void drill.refetch()} />
      ) : (
        <List
          data-testid="drill-list"
          loading={drill.isFetching}
          dataSource={drill.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 10,
            total: drill.data?.total ?? 0,
            onChange: setPage,
            size: 'small',
            showTotal: (n) => t('stItems', { n }),
          }}
          renderItem={(item) => (
            <List.Item>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Link to={`/suggestions/${item.id}`}>
                  {item.serialLabel ? `${item.serialLabel} ` : ''}
                  {item.title}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <Tag>{pick(suggestionStatusLabels[item.status])}</Tag>
                  {item.bodyName} · {item.leadDeputyName} · {item.unitNames.join('、')}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('stAssignedOn')} {item.assignedOn ?? '—'} · {t('stDueOn')} {item.dueOn ?? '—'} ·{' '}
                  {t('stRepliedOn')} {item.repliedOn ?? '—'}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
