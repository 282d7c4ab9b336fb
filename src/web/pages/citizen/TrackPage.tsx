import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Flex, Input, Steps, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { citizenCategoryLabels, receptionChannelLabels } from '../../../shared/schemas/receptions.js';
import type { PublicReception } from '../../../shared/schemas/receptions.js';
import { errorText } from '../../components/error-text.js';
import { formatDateTime } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { appointmentAction, groupCode, useTrackedAppointment, useTrackedMessage } from './citizen.api.js';

const normalise = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

/** Follow a message or booking with its tracking code: status, and the answer when there is one. */
export function TrackPage() {
  const { code } = useParams();
  const { t } = useLocale();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code ? groupCode(code) : '');
  const current = code ? normalise(code) : null;
  const isAppointment = current?.startsWith('A') ?? false;
  const message = useTrackedMessage(current);
  const appointment = useTrackedAppointment(isAppointment ? current : null);
  return (
    <Flex vertical gap={16}>
      <Card title={t('czTrack')}>
        <Input.Search
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onSearch={(value) => value.trim() && navigate(`/m/track/${normalise(value)}`)}
          placeholder={t('czTrackPlaceholder')}
          enterButton={t('czTrackButton')}
          size="large"
          aria-label={t('czTrackPlaceholder')}
        />
      </Card>
      {current && isAppointment && appointment.data ? <AppointmentCard code={current} /> : null}
      {current && message.data ? <MessageCard item={message.data} /> : null}
      {current && !message.isPending && !message.data && !(isAppointment && appointment.data) ? (
        <Empty description={t('czTrackNotFound')} />
      ) : null}
    </Flex>
  );
}

function MessageCard({ item }: { item: PublicReception }) {
  const { t, pick } = useLocale();
  // Past the last step once answered, so every step shows as done.
  const step = item.status === 'closed' ? 3 : item.status === 'new' ? 0 : 1;
  return (
    <Card
      title={`${pick(receptionChannelLabels[item.channel])} · ${groupCode(item.trackingCode)}`}
      data-testid="tracked-message"
    >
      <Steps
        size="small"
        current={step}
        items={[
          { title: t('czStepReceived') },
          { title: t('czStepHandling') },
          { title: t('czStepAnswered') },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <Tag color={item.status === 'closed' ? 'success' : 'processing'} data-testid="tracked-status">
          {item.statusLabel}
        </Tag>
        {item.outcomeLabel ? <Tag>{item.outcomeLabel}</Tag> : null}
      </Flex>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'to',
            label: t('czTo'),
            children: [item.deputyName, item.stationName].filter(Boolean).join(' · ') || '—',
          },
          { key: 'category', label: t('czCategory'), children: pick(citizenCategoryLabels[item.category]) },
          { key: 'date', label: t('czSubmittedOn'), children: item.receivedOn },
          ...(item.photoCount > 0
            ? [{ key: 'photos', label: t('czPhotos'), children: String(item.photoCount) }]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
        {item.matter}
      </Typography.Paragraph>
      {item.referralAnswer ? (
        <Card size="small" type="inner" title={t('czReferralAnswer')} style={{ marginBottom: 12 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {item.referralAnswer}
          </Typography.Paragraph>
        </Card>
      ) : null}
      {item.answer ? (
        <Card size="small" type="inner" title={`${t('czAnswer')} · ${formatDateTime(item.answeredAt)}`}>
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
            data-testid="tracked-answer"
          >
            {item.answer}
          </Typography.Paragraph>
        </Card>
      ) : (
        <Typography.Text type="secondary">{t('czNoAnswerYet')}</Typography.Text>
      )}
    </Card>
  );
}

function AppointmentCard({ code }: { code: string }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const appointment = useTrackedAppointment(code);
  const [busy, setBusy] = useState(false);
  const data = appointment.data;
  if (!data) return null;
  const act = async (action: 'confirm' | 'cancel') => {
    setBusy(true);
    try {
      await appointmentAction(code, action);
      await appointment.refetch();
    } catch (error) {
      void message.error(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={`${t('czAppointment')} · ${groupCode(data.trackingCode)}`}>
      <Tag
        color={data.status === 'accepted' ? 'success' : data.status === 'proposed' ? 'gold' : 'processing'}
      >
        {data.statusLabel}
      </Tag>
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 12 }}
        items={[
          { key: 'deputy', label: t('czDeputy'), children: data.deputyName },
          { key: 'when', label: t('czWhen'), children: `${data.date} ${data.startTime}` },
          ...(data.proposedDate
            ? [
                {
                  key: 'proposed',
                  label: t('czProposed'),
                  children: `${data.proposedDate} ${data.proposedTime ?? ''}`,
                },
              ]
            : []),
          { key: 'where', label: t('czAddress'), children: `${data.stationName}（${data.stationAddress}）` },
          ...(data.deputyNote ? [{ key: 'note', label: t('czDeputyNote'), children: data.deputyNote }] : []),
        ]}
      />
      <Flex gap={8}>
        {data.actions.includes('confirm') ? (
          <Button type="primary" loading={busy} onClick={() => void act('confirm')}>
            {t('czConfirmNewTime')}
          </Button>
        ) : null}
        {data.actions.includes('cancel') ? (
          <Button danger loading={busy} onClick={() => void act('cancel')}>
            {t('czCancelBooking')}
          </Button>
        ) : null}
      </Flex>
    </Card>
  );
}
