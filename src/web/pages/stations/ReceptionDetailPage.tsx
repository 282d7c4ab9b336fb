import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Image, Row, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import {
  citizenCategoryLabels,
  receptionChannelLabels,
  receptionOutcomeLabels,
  receptionStatusLabels,
} from '../../../shared/schemas/receptions.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageSpin } from '../../components/PageSpin.js';
import { QueryError } from '../../components/QueryError.js';
import { formatDateTime } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { useReception } from './stations.api.js';
import { ReceptionActionDialog } from './ReceptionActionDialog.js';
import type { ReceptionAction } from './ReceptionActionDialog.js';
import { receptionStatusColors } from './reception-labels.js';
import { EventTimeline } from './EventTimeline.js';

/** One matter: what the citizen said (as plain text), photos, what was done, the answer, actions. */
export function ReceptionDetailPage() {
  const { id } = useParams();
  const { t, pick } = useLocale();
  const reception = useReception(id ?? null);
  const [action, setAction] = useState<{ name: ReceptionAction; label: string } | null>(null);
  if (reception.isPending) return <PageSpin />;
  if (reception.isError)
    return <QueryError error={reception.error} onRetry={() => void reception.refetch()} />;
  const detail = reception.data;
  const allowed = detail.actions.filter((a) => a.allowed);

  return (
    <>
      <PageHeader
        title={`${pick(receptionChannelLabels[detail.channel])} · ${detail.trackingCode}`}
        extra={
          <Flex gap={8} wrap>
            {allowed.map((a) => (
              <Button
                key={a.action}
                type={a.action === 'answer' || a.action === 'unit_answer' ? 'primary' : 'default'}
                onClick={() => setAction({ name: a.action as ReceptionAction, label: a.label })}
              >
                {a.label}
              </Button>
            ))}
          </Flex>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Card
              title={
                <Flex gap={8} align="center" wrap>
                  <Tag color={receptionStatusColors[detail.status]}>
                    {pick(receptionStatusLabels[detail.status])}
                  </Tag>
                  {detail.outcome ? <Tag>{pick(receptionOutcomeLabels[detail.outcome])}</Tag> : null}
                  {detail.daysOpen !== null ? (
                    <Typography.Text type={detail.daysOpen > 15 ? 'danger' : 'secondary'}>
                      {t('stDaysOpen', { days: detail.daysOpen })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              }
            >
              {/* Citizens' text is shown as text: React escapes it, and pre-wrap keeps their lines. */}
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="reception-matter">
                {detail.matter}
              </Typography.Paragraph>
              {detail.photos.length > 0 ? (
                <Image.PreviewGroup>
                  <Flex gap={8} wrap>
                    {detail.photos.map((photo) => (
                      <Image
                        key={photo.id}
                        src={photo.url}
                        width={96}
                        height={96}
                        style={{ objectFit: 'cover' }}
                        alt={t('stPhoto')}
                      />
                    ))}
                  </Flex>
                </Image.PreviewGroup>
              ) : null}
            </Card>
            {detail.suggestionId ? (
              <Alert
                type="info"
                showIcon
                title={t('stLinkedSuggestion')}
                description={
                  <Flex gap={12} wrap>
                    <Link to={`/suggestions/${detail.suggestionId}/edit`}>{t('stEditDraft')}</Link>
                    <Link to={`/suggestions/${detail.suggestionId}`}>{t('stViewSuggestion')}</Link>
                  </Flex>
                }
              />
            ) : null}
            {detail.referredUnitName ? (
              <Card size="small" title={`${t('stReferredTo')}：${detail.referredUnitName}`}>
                {detail.referralNote ? (
                  <Typography.Paragraph type="secondary">{detail.referralNote}</Typography.Paragraph>
                ) : null}
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {detail.referralAnswer ?? t('stWaitingForUnit')}
                </Typography.Paragraph>
              </Card>
            ) : null}
            {detail.answer ? (
              <Card
                size="small"
                title={`${t('stAnswerToCitizen')} · ${detail.answeredByName ?? ''} · ${formatDateTime(detail.answeredAt)}`}
              >
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {detail.answer}
                </Typography.Paragraph>
              </Card>
            ) : null}
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            <Card size="small">
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'visitor', label: t('stVisitor'), children: detail.visitorName ?? t('stAnonymous') },
                  {
                    key: 'contact',
                    label: t('stVisitorContact'),
                    children: detail.visitorContact ?? t('stContactHidden'),
                  },
                  {
                    key: 'category',
                    label: t('stCategory'),
                    children: pick(citizenCategoryLabels[detail.category]),
                  },
                  { key: 'deputy', label: t('stDeputy'), children: detail.deputyName ?? '—' },
                  ...(detail.escalatedToName
                    ? [{ key: 'escalated', label: t('stEscalatedTo'), children: detail.escalatedToName }]
                    : []),
                  { key: 'station', label: t('stStation'), children: detail.stationName ?? '—' },
                  { key: 'received', label: t('stReceivedOn'), children: detail.receivedOn },
                  ...(detail.responseMinutes !== null
                    ? [
                        {
                          key: 'response',
                          label: t('stResponseTime'),
                          children: t('stHoursValue', { hours: Math.round(detail.responseMinutes / 6) / 10 }),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card size="small" title={t('stTimeline')}>
              <EventTimeline events={detail.timeline} />
            </Card>
          </Flex>
        </Col>
      </Row>
      {action ? (
        <ReceptionActionDialog
          detail={detail}
          action={action.name}
          label={action.label}
          onClose={() => setAction(null)}
        />
      ) : null}
    </>
  );
}
