import { useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Flex, Progress, Row, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, BellOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { activityKindLabels } from '../../../shared/schemas/supervision.js';
import { hasAnyRole } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { PageSpin } from '../../components/PageSpin.js';
import { QueryError } from '../../components/QueryError.js';
import { formatDateTime } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { RemindDialog } from './RemindDialog.js';
import { useSupervisionItem } from './supervision.api.js';
import type { SupervisionDetail } from './supervision.api.js';
import { ActivityDialog, ProgressDialog } from './SupervisionDialogs.js';
import { overseers } from './SupervisionOverviewPage.js';
import { DaysLeftText, StageTag, UnitDeadlines, WarningTags } from './SupervisionTags.js';

type Dialog = 'activity' | 'progress' | 'remind' | null;

function Activities({ item }: { item: SupervisionDetail }) {
  const { t, pick } = useLocale();
  if (item.activities.length === 0) return <Empty description={t('svActivitiesNone')} />;
  return (
    <Flex vertical gap={8} data-testid="activities">
      {item.activities.map((a) => (
        <div key={a.id} className="minyi-list-row">
          <Flex gap={6} wrap align="center">
            <Tag color="blue">{pick(activityKindLabels[a.kind])}</Tag>
            <Typography.Text>{a.activityOn}</Typography.Text>
            <Typography.Text type="secondary">{a.recordedByName}</Typography.Text>
          </Flex>
          <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
            {a.summary}
          </Typography.Paragraph>
          {a.participants ? (
            <Typography.Text type="secondary">
              {t('svParticipantsLine', { names: a.participants })}
            </Typography.Text>
          ) : null}
        </div>
      ))}
    </Flex>
  );
}

function ProgressReports({ item }: { item: SupervisionDetail }) {
  const { t } = useLocale();
  if (item.progress.length === 0) return <Empty description={t('svProgressNone')} />;
  return (
    <Flex vertical gap={8} data-testid="progress-reports">
      {item.progress.map((p) => (
        <div key={p.id} className="minyi-list-row">
          <Flex gap={6} wrap align="center">
            <Typography.Text strong>{p.unitName}</Typography.Text>
            <Typography.Text>{p.reportOn}</Typography.Text>
            {p.percent !== null ? <Progress percent={p.percent} size="small" style={{ width: 120 }} /> : null}
          </Flex>
          <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
            {p.text}
          </Typography.Paragraph>
        </div>
      ))}
    </Flex>
  );
}

/** 督办事项: the item's stage and deadlines, its leaders, supervision activities, progress and reminders. */
export function SupervisionItemPage() {
  const { id } = useParams();
  const { t } = useLocale();
  const { me } = useSession();
  const navigate = useNavigate();
  const query = useSupervisionItem(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (query.isPending) return <PageSpin />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const item = query.data;
  const ownUnit = item.units.some((u) => (me?.roles ?? []).some((g) => g.unitId === u.unitId));
  const overseer = me !== null && hasAnyRole(me, overseers);
  const recordsActivity = me !== null && (hasAnyRole(me, ['office_staff', 'admin']) || !ownUnit);
  const open = item.stage !== 'closed';
  const close = () => setDialog(null);

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8}>
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate(-1)}
          aria-label={t('sgBack')}
        />
        <Typography.Text type="secondary">{t('svItemTitle')}</Typography.Text>
      </Flex>
      <Card>
        <Flex vertical gap={8}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text type="secondary">{item.serialLabel}</Typography.Text>
            <StageTag item={item} />
            {item.key ? <Tag color="red">{t('svKeyOnly')}</Tag> : null}
          </Flex>
          <Typography.Title level={4} style={{ margin: 0 }}>
            <Link to={`/suggestions/${item.suggestionId}`}>{item.title}</Link>
          </Typography.Title>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'deputy', label: t('svLeadDeputyLabel'), children: item.leadDeputyName },
              {
                key: 'days',
                label: t('svDaysLeftColumn'),
                children: <DaysLeftText daysLeft={item.daysLeft} />,
              },
              { key: 'units', label: t('sgUnits'), children: <UnitDeadlines units={item.units} /> },
            ]}
          />
          <WarningTags warnings={item.warnings} />
          {item.leaders.length > 0 ? (
            <Flex gap={6} wrap>
              {item.leaders.map((l) => (
                <Tag key={l.id} color={l.kind === 'sponsor' ? 'red' : 'gold'}>
                  {l.kind === 'sponsor' ? t('keySponsor') : t('keySupervisor')}：{l.name}
                  {l.title ? ` · ${l.title}` : ''}
                </Tag>
              ))}
            </Flex>
          ) : null}
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            title={t('svActivities')}
            extra={
              item.key && recordsActivity ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('activity')}>
                  {t('svActivityAdd')}
                </Button>
              ) : null
            }
          >
            <Activities item={item} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('svProgress')}
            extra={
              item.key && ownUnit && open ? (
                <Button
                  size="small"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setDialog('progress')}
                >
                  {t('svProgressAdd')}
                </Button>
              ) : null
            }
          >
            <ProgressReports item={item} />
          </Card>
        </Col>
      </Row>
      <Card
        title={t('svReminders')}
        extra={
          overseer && open ? (
            <Button size="small" icon={<BellOutlined />} onClick={() => setDialog('remind')}>
              {t('svRemind')}
            </Button>
          ) : null
        }
      >
        {item.reminders.length === 0 ? (
          <Typography.Text type="secondary">{t('svRemindersNone')}</Typography.Text>
        ) : (
          <Flex vertical gap={6}>
            {item.reminders.map((r) => (
              <Typography.Text key={r.id}>
                {formatDateTime(r.createdAt)} · {r.sentByName} → {r.unitName}：{r.note}
              </Typography.Text>
            ))}
          </Flex>
        )}
      </Card>
      <ActivityDialog id={item.suggestionId} open={dialog === 'activity'} onClose={close} />
      <ProgressDialog id={item.suggestionId} open={dialog === 'progress'} onClose={close} />
      <RemindDialog item={dialog === 'remind' ? item : null} onClose={close} />
    </Flex>
  );
}
