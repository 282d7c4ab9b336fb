import { Descriptions, Drawer, Empty, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { appraisalCriterionLabels } from '../../../shared/schemas/appraisal.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { usePhone } from '../../layout/use-phone.js';
import type { AppraisalScope } from './reports.api.js';
import { useUnitAppraisal } from './reports.api.js';

/** One unit: each criterion's points and every deduction (which suggestion, why, how many points). */
export function UnitAppraisalDrawer({
  unitId,
  bodyId,
  scope,
  onClose,
}: {
  unitId: string | undefined;
  bodyId: string | null;
  scope: AppraisalScope | null;
  onClose: () => void;
}) {
  const { t, pick } = useLocale();
  const phone = usePhone();
  const detail = useUnitAppraisal(unitId, bodyId, scope);
  const data = detail.data;
  return (
    <Drawer
      open={unitId !== undefined}
      onClose={onClose}
      size={phone ? '100%' : 640}
      destroyOnHidden
      title={data ? `${data.unit.unitName}\u3000${data.unit.score.toFixed(1)}` : t('apDeductions')}
    >
      {detail.isError ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {data ? (
        <Flex vertical gap={16} data-testid="unit-appraisal">
          <Descriptions size="small" column={1} bordered>
            {data.unit.criteria.map((c) => (
              <Descriptions.Item key={c.criterion} label={`${c.label}（${c.weight}）`}>
                <Typography.Text strong type={c.deducted > 0 ? 'danger' : undefined}>
                  {c.points.toFixed(1)}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {'\u3000'}
                  {t('apCounted', { count: c.itemCount })}
                  {c.deducted > 0 ? `，−${c.deducted.toFixed(1)}` : ''}
                </Typography.Text>
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('apDeductions')}
          </Typography.Title>
          {data.deductions.length === 0 ? (
            <Empty description={t('apNoDeductions')} />
          ) : (
            <List
              size="small"
              dataSource={data.deductions}
              renderItem={(d, index) => (
                <List.Item key={index} extra={<Typography.Text type="danger">−{d.points}</Typography.Text>}>
                  <Flex vertical gap={2}>
                    <Flex gap={6} wrap align="center">
                      <Tag>{pick(appraisalCriterionLabels[d.criterion])}</Tag>
                      {/* A back-to-back rating seen by the unit: the reason says the item is withheld. */}
                      {d.suggestionId ? (
                        <Link to={`/suggestions/${d.suggestionId}`}>
                          {[d.serialLabel, d.title].filter(Boolean).join(' ')}
                        </Link>
                      ) : null}
                    </Flex>
                    <Typography.Text style={{ fontSize: 13 }}>{d.reason}</Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Flex>
      ) : null}
    </Drawer>
  );
}
