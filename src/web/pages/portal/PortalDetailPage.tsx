import { Button, Card, Descriptions, Flex, Result, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { assignmentRoleLabels } from '../../../shared/schemas/suggestions.js';
import { PageSpin } from '../../components/PageSpin.js';
import { errorText } from '../../components/error-text.js';
import { formatDate } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { usePublicSuggestion } from './portal.api.js';
import { PortalLayout } from './PortalLayout.js';
import { RatingTag } from './PortalParts.js';

const pre = { whiteSpace: 'pre-wrap', margin: 0 } as const;

/** One disclosed suggestion: content, units, replies and the rating result; no contact data. */
export function PortalDetailPage() {
  const { id } = useParams();
  const { t, pick } = useLocale();
  const query = usePublicSuggestion(id);
  const back = (
    <Link to="/public/suggestions">
      <Button type="text" icon={<ArrowLeftOutlined />}>
        {t('ptBack')}
      </Button>
    </Link>
  );
  if (query.isPending)
    return (
      <PortalLayout>
        <PageSpin />
      </PortalLayout>
    );
  if (query.isError)
    return (
      <PortalLayout>
        <Result status="404" title={t('notFoundTitle')} subTitle={errorText(query.error, t)} extra={back} />
      </PortalLayout>
    );
  const item = query.data;
  return (
    <PortalLayout>
      <Flex>{back}</Flex>
      <Card data-testid="public-detail">
        <Flex vertical gap={8}>
          <Flex gap={6} wrap align="center">
            <Typography.Text type="secondary">
              {[item.serialLabel, item.sessionName].filter(Boolean).join(' · ')}
            </Typography.Text>
            {item.statusLabel ? <Tag color="blue">{item.statusLabel}</Tag> : null}
            {item.rating ? <RatingTag rating={item.rating} /> : null}
          </Flex>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="public-title">
            {item.title}
          </Typography.Title>
          {item.titleOnly ? (
            <Typography.Text type="secondary">{t('ptNotDisclosed')}</Typography.Text>
          ) : (
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'deputy', label: t('ptLeadDeputy'), children: item.leadDeputyName ?? '—' },
                {
                  key: 'co',
                  label: t('ptCoSigners'),
                  children: item.coSignerNames.length > 0 ? item.coSignerNames.join('、') : '—',
                },
                { key: 'category', label: t('ptCategory'), children: item.categoryName ?? '—' },
                {
                  key: 'units',
                  label: t('ptUnits'),
                  children:
                    item.units
                      .map((u) => `${u.unitName}（${pick(assignmentRoleLabels[u.role])}）`)
                      .join('、') || '—',
                },
                ...(item.closedAt
                  ? [{ key: 'closed', label: t('ptClosedAt'), children: formatDate(item.closedAt) }]
                  : []),
                ...(item.rating
                  ? [{ key: 'rating', label: t('ptRating'), children: item.rating.label }]
                  : []),
              ]}
            />
          )}
        </Flex>
      </Card>
      {item.grounds || item.proposals ? (
        <Card title={t('ptContent')}>
          <Flex vertical gap={12}>
            {item.grounds ? (
              <div>
                <Typography.Title level={5}>{t('sgGrounds')}</Typography.Title>
                <Typography.Paragraph style={pre}>{item.grounds}</Typography.Paragraph>
              </div>
            ) : null}
            {item.proposals ? (
              <div>
                <Typography.Title level={5}>{t('sgProposals')}</Typography.Title>
                <Typography.Paragraph style={pre}>{item.proposals}</Typography.Paragraph>
              </div>
            ) : null}
          </Flex>
        </Card>
      ) : null}
      {item.replies.length > 0 ? (
        <Card title={t('ptReplies')} data-testid="public-replies">
          <Flex vertical gap={16}>
            {item.replies.map((r) => (
              <div key={`${r.unitName}-${r.round}`}>
                <Flex gap={6} wrap align="center" style={{ marginBottom: 4 }}>
                  <Typography.Text strong>{r.unitName}</Typography.Text>
                  <Tag>{t('ptOutcomeShort', { code: r.outcomeClass, label: r.outcomeLabel })}</Tag>
                  {r.round > 1 ? <Tag color="orange">{t('hdRound', { round: r.round })}</Tag> : null}
                  <Typography.Text type="secondary">
                    {r.documentNo}
                    {r.sentAt ? ` · ${formatDate(r.sentAt)}` : ''}
                  </Typography.Text>
                </Flex>
                <Typography.Paragraph style={pre}>{r.body}</Typography.Paragraph>
              </div>
            ))}
          </Flex>
        </Card>
      ) : null}
    </PortalLayout>
  );
}
