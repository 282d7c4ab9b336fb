import { Alert, Button, Card, Descriptions, Flex, Steps, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined, GlobalOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { roundStatusLabels, roundStatusValues } from '../../../shared/schemas/livelihood.js';
import { tieRuleLabels } from '../../../shared/schemas/ballots.js';
import { PageSpin } from '../../components/PageSpin.js';
import { QueryError } from '../../components/QueryError.js';
import { formatDateTime } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { useRound } from './livelihood.api.js';
import { CandidatesTab } from './CandidatesTab.js';
import { NominationsTab } from './NominationsTab.js';
import { RoundActions } from './RoundActions.js';

/** 民生实事票决详情: every stage of one round on one page. */
export function RoundDetailPage() {
  const { id } = useParams();
  const { t, pick } = useLocale();
  const navigate = useNavigate();
  const query = useRound(id);
  if (query.isPending) return <PageSpin />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const round = query.data;
  const stage = roundStatusValues.indexOf(round.status);
  const nominations = Object.values(round.nominationCounts).reduce((a, b) => a + b, 0);
  const selected = round.projects.filter((p) => p.status === 'selected').length;
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8} wrap>
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate('/livelihood')}
          aria-label={t('vtBack')}
        />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {round.title}
        </Typography.Title>
        {round.publishedAt ? (
          <Link to={`/public/livelihood/${round.id}`} target="_blank">
            <Button size="small" icon={<GlobalOutlined />}>
              {t('lvPublished')}
            </Button>
          </Link>
        ) : null}
      </Flex>
      <Card>
        <Steps
          size="small"
          current={stage}
          responsive
          items={roundStatusValues.map((status) => ({ title: pick(roundStatusLabels[status]) }))}
          style={{ marginBottom: 16 }}
        />
        <RoundActions round={round} />
        {round.runoff ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t('vtRunoffNeeded', { seats: round.runoff.seatsLeft })}
          />
        ) : null}
        <Descriptions
          size="small"
          style={{ marginTop: 16 }}
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'period',
              label: t('lvPeriod'),
              children: `${round.nominationStartsOn} ~ ${round.nominationEndsOn}`,
            },
            {
              key: 'seats',
              label: t('lvSeats'),
              children: `${round.seats}（${t('lvMinimumCandidates', { count: round.minimumCandidates })}）`,
            },
            {
              key: 'tie',
              label: t('vtTieRule'),
              children: `${pick(tieRuleLabels[round.tieRule])}${round.requireMajority ? `；${t('vtRequireMajority')}` : ''}`,
            },
            { key: 'nominations', label: t('lvProposals'), children: nominations },
            {
              key: 'vote',
              label: t('lvVoteBallot'),
              children: round.voteBallotId ? (
                <Link to={`/ballots/${round.voteBallotId}`}>{t('lvOpenBallot')}</Link>
              ) : (
                '—'
              ),
            },
            {
              key: 'evaluation',
              label: t('lvEvaluationBallot'),
              children: round.satisfactionBallotId ? (
                <Link to={`/ballots/${round.satisfactionBallotId}`}>{t('lvOpenBallot')}</Link>
              ) : (
                '—'
              ),
            },
            {
              key: 'published',
              label: t('lvPublishedAt'),
              children: formatDateTime(round.publishedAt) || '—',
            },
          ]}
        />
        {round.description ? (
          <Typography.Paragraph type="secondary">{round.description}</Typography.Paragraph>
        ) : null}
      </Card>
      <Card className="minyi-table-card">
        <Tabs
          defaultActiveKey={
            selected > 0
              ? 'projects'
              : round.status === 'screening' || round.status === 'nominating'
                ? 'nominations'
                : 'candidates'
          }
          items={[
            {
              key: 'nominations',
              label: `${t('lvProposals')} ${nominations}`,
              children: <NominationsTab round={round} />,
            },
            { key: 'candidates', label: t('lvCandidates'), children: <CandidatesTab round={round} /> },
            ...(selected > 0
              ? [
                  {
                    key: 'projects',
                    label: `${t('lvSelectedProjects')} ${selected}`,
                    children: <CandidatesTab round={round} selectedOnly />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Flex>
  );
}
