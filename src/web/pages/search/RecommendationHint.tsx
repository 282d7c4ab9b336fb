import { useState } from 'react';
import { Button, Empty, Flex, Popover, Spin, Tag, Tooltip, Typography } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Recommendation } from '../../../shared/schemas/search.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { useRecommendations } from './search.api.js';

export interface PlanChoice {
  lead?: string;
  co: string[];
}

/**
 * 交办推荐: a compact button beside the unit selects; it asks for recommendations only when opened
 * (a workbench page holds 50 items) and applies one with a click.
 */
export function RecommendationHint({
  suggestionId,
  plan,
  onUse,
}: {
  suggestionId: string;
  plan: PlanChoice;
  onUse: (plan: PlanChoice) => void;
}) {
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  const query = useRecommendations(suggestionId, open);
  const data = query.data;
  const row = (item: Recommendation, action: () => void, used: boolean) => (
    <Flex key={item.id} justify="space-between" align="center" gap={8}>
      <Flex vertical style={{ minWidth: 0 }}>
        <span>
          {item.name} <Tag>{Math.round(item.score * 100)}%</Tag>
          {item.source === 'category' ? <Tag color="default">{t('srchFromCategory')}</Tag> : null}
        </span>
        {item.evidence.length > 0 ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('srchEvidence')}：
            {item.evidence.map((e, index) => (
              <span key={e.id}>
                {index > 0 ? '；' : ''}
                <Link to={`/suggestions/${e.id}`} target="_blank">
                  {e.title}
                </Link>
              </span>
            ))}
          </Typography.Text>
        ) : null}
      </Flex>
      <Button size="small" type="link" disabled={used} onClick={action}>
        {t('srchUse')}
      </Button>
    </Flex>
  );
  const content = query.isError ? (
    <QueryError error={query.error} onRetry={() => void query.refetch()} />
  ) : !data ? (
    <Spin size="small" />
  ) : data.leadUnits.length === 0 && data.coUnits.length === 0 ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('srchRecommendNone')} />
  ) : (
    <Flex vertical gap={8} style={{ maxWidth: 'min(360px, calc(100vw - 48px))' }}>
      <Typography.Text strong>{t('srchLeadUnits')}</Typography.Text>
      {data.leadUnits
        .slice(0, 3)
        .map((u) =>
          row(u, () => onUse({ lead: u.id, co: plan.co.filter((c) => c !== u.id) }), plan.lead === u.id),
        )}
      {data.coUnits.length > 0 ? <Typography.Text strong>{t('srchCoUnits')}</Typography.Text> : null}
      {data.coUnits
        .slice(0, 3)
        .map((u) =>
          row(
            u,
            () => onUse({ ...plan, co: [...plan.co.filter((c) => c !== u.id), u.id] }),
            plan.co.includes(u.id) || plan.lead === u.id,
          ),
        )}
      {data.categories[0] ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('srchCategories')}：
          {data.categories
            .slice(0, 2)
            .map((c) => c.name)
            .join('、')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('srchRecommendTitle')}
      content={content}
      placement="bottom"
    >
      <Tooltip title={open ? undefined : t('srchRecommendTitle')}>
        <Button size="small" type="link" icon={<BulbOutlined />} style={{ paddingInline: 0 }}>
          {t('srchRecommend')}
        </Button>
      </Tooltip>
    </Popover>
  );
}
