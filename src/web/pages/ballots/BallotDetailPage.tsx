import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  List,
  Modal,
  Popconfirm,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, DesktopOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { BallotDetail } from '../../../shared/schemas/ballot-views.js';
import {
  ballotKindLabels,
  ballotStatusLabels,
  electorateKindLabels,
  passRuleLabels,
  questionTypeLabels,
  tieRuleLabels,
} from '../../../shared/schemas/ballots.js';
import { PageSpin } from '../../components/PageSpin.js';
import { QueryError } from '../../components/QueryError.js';
import { showError } from '../../components/error-text.js';
import { formatDateTime } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { useBallot, useBallotAction, useElectors } from './ballots.api.js';
import { statusColors } from './BallotsPage.js';
import { ElectorsCard } from './ElectorsCard.js';
import { PaperEntryCard } from './PaperEntryCard.js';
import { ResultsView } from './ResultsView.js';

function ruleText(ballot: BallotDetail, pick: (text: { zh: string; en: string }) => string): string {
  const rule = ballot.passRule;
  const name = pick(passRuleLabels[rule.kind]);
  if (rule.kind === 'threshold') return `${name}：${rule.percent}%${rule.countBasic ? '（含基本满意）' : ''}`;
  if (rule.kind === 'weighted')
    return `${name}：${rule.weights.members}/${rule.weights.attendees}，${rule.percent}%`;
  if (rule.kind === 'plurality') return `${name}，${pick(tieRuleLabels[rule.tieRule])}`;
  return name;
}

/** Actions of other states are left out; those of this state show why they wait. */
const outOfState = (reason: string | null) => reason !== null && /^(当前状态为|Cannot )/.test(reason);

function ActionButtons({ ballot }: { ballot: BallotDetail }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const act = useBallotAction();
  const [cancelReason, setCancelReason] = useState<string | null>(null);
  const run = async (action: string, body?: object) => {
    try {
      await act.mutateAsync({ id: ballot.id, action, body });
      message.success(t('saved'));
    } catch (error) {
      showError(message, error, t);
    }
  };
  return (
    <Flex gap={8} wrap>
      {ballot.actions
        .filter((action) => action.allowed || !outOfState(action.reason))
        .map((action) => {
          const confirm =
            action.action === 'close'
              ? t('vtCloseConfirm')
              : action.action === 'open'
                ? t('vtOpenConfirm')
                : null;
          const button = (
            <Button
              key={action.action}
              type={action.action === 'cancel' ? 'default' : 'primary'}
              danger={action.action === 'cancel'}
              disabled={!action.allowed}
              title={action.reason ?? undefined}
              loading={act.isPending}
              onClick={action.action === 'cancel' ? () => setCancelReason('') : undefined}
            >
              {action.label}
            </Button>
          );
          return confirm && action.allowed ? (
            <Popconfirm key={action.action} title={confirm} onConfirm={() => void run(action.action)}>
              {button}
            </Popconfirm>
          ) : (
            button
          );
        })}
      <Modal
        open={cancelReason !== null}
        title={t('vtCancelTitle')}
        onCancel={() => setCancelReason(null)}
        onOk={() => void run('cancel', { reason: cancelReason ?? '' }).then(() => setCancelReason(null))}
        okButtonProps={{ danger: true, disabled: (cancelReason ?? '').trim().length < 2 }}
      >
        <Input.TextArea
          value={cancelReason ?? ''}
          onChange={(e) => setCancelReason(e.target.value)}
          placeholder={t('vtCancelReason')}
        />
      </Modal>
    </Flex>
  );
}

/** 表决详情: run the ballot (open, check-in, paper ballots, close) and read its results. */
export function BallotDetailPage() {
  const { id } = useParams();
  const { t, pick } = useLocale();
  const navigate = useNavigate();
  const query = useBallot(id);
  const ballot = query.data;
  const electors = useElectors(id ?? '', ballot !== undefined && ballot.status !== 'draft');
  if (query.isPending) return <PageSpin />;
  if (query.isError || !ballot)
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const tabs = [
    {
      key: 'items',
      label: t('vtItems'),
      children: (
        <List
          dataSource={ballot.items}
          renderItem={(item) => (
            <List.Item>
              <List.Item.Meta title={`${item.position}. ${item.title}`} description={item.description} />
            </List.Item>
          )}
        />
      ),
    },
    ...(ballot.status !== 'draft'
      ? [
          {
            key: 'electors',
            label: t('vtElectors'),
            children: (
              <ElectorsCard ballot={ballot} electors={electors.data ?? []} loading={electors.isFetching} />
            ),
          },
        ]
      : []),
    ...(ballot.status === 'open' && ballot.canManage
      ? [
          {
            key: 'paper',
            label: t('vtPaperTitle'),
            children: <PaperEntryCard ballot={ballot} electors={electors.data ?? []} />,
          },
        ]
      : []),
    ...(ballot.results
      ? [
          {
            key: 'results',
            label: t('vtResults'),
            children: <ResultsView results={ballot.results} questionType={ballot.questionType} />,
          },
        ]
      : []),
  ];
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8} wrap>
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate('/ballots')}
          aria-label={t('vtBack')}
        />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {ballot.title}
        </Typography.Title>
        <Tag color={statusColors[ballot.status]}>{pick(ballotStatusLabels[ballot.status])}</Tag>
        <Tag>{pick(ballotKindLabels[ballot.kind])}</Tag>
      </Flex>
      <Card>
        <Flex justify="space-between" gap={12} wrap style={{ marginBottom: 12 }}>
          <ActionButtons ballot={ballot} />
          {ballot.status !== 'draft' ? (
            <Link to={`/ballots/${ballot.id}/live`}>
              <Button icon={<DesktopOutlined />}>{t('vtLiveScreen')}</Button>
            </Link>
          ) : null}
        </Flex>
        {ballot.description ? (
          <Typography.Paragraph type="secondary">{ballot.description}</Typography.Paragraph>
        ) : null}
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'type',
              label: t('vtQuestionType'),
              children: `${pick(questionTypeLabels[ballot.questionType])}${ballot.maxSelections ? `（${t('vtSeats')} ${ballot.maxSelections}）` : ''}`,
            },
            {
              key: 'electorate',
              label: t('vtElectorate'),
              children: pick(electorateKindLabels[ballot.electorate.kind]),
            },
            { key: 'rule', label: t('vtPassRule'), children: ruleText(ballot, pick) },
            {
              key: 'turnout',
              label: t('vtTurnout'),
              children: ballot.status === 'draft' ? '—' : `${ballot.ballotsCast} / ${ballot.electorateSize}`,
            },
            {
              key: 'opens',
              label: t('vtOpensAt'),
              children: formatDateTime(ballot.openedAt ?? ballot.opensAt) || '—',
            },
            {
              key: 'closes',
              label: t('vtClosesAt'),
              children: formatDateTime(ballot.closedAt ?? ballot.closesAt) || '—',
            },
            {
              key: 'options',
              label: t('vtOptions'),
              children:
                [
                  ballot.allowChange ? t('vtAllowChange') : null,
                  ballot.requirePresence ? t('vtRequirePresence') : null,
                ]
                  .filter(Boolean)
                  .join('；') || '—',
            },
          ]}
        />
      </Card>
      {/* Remounted when the status changes, so closing the ballot shows its results. */}
      <Tabs key={ballot.status} items={tabs} defaultActiveKey={ballot.results ? 'results' : 'items'} />
    </Flex>
  );
}
