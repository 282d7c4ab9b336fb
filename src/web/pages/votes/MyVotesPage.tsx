import { Badge, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ballotStatusLabels, questionTypeLabels } from '../../../shared/schemas/ballots.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { formatDateTime } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { useBallots } from '../ballots/ballots.api.js';
import { statusColors } from '../ballots/BallotsPage.js';

/** 我的表决: the deputy's ballots, those awaiting their vote first; made for a phone. */
export function MyVotesPage() {
  const { t, pick } = useLocale();
  const ballots = useBallots({ view: 'mine', page: 1, pageSize: 50 });
  const items = [...(ballots.data?.items ?? [])].sort(
    (a, b) => Number(b.awaitingMyVote) - Number(a.awaitingMyVote),
  );
  return (
    <>
      <PageHeader title={t('vtMineTitle')} intro={t('vtMineIntro')} />
      {ballots.isError ? (
        <QueryError error={ballots.error} onRetry={() => void ballots.refetch()} />
      ) : (
        <Card loading={ballots.isPending} styles={{ body: { padding: 8 } }}>
          {items.length === 0 ? (
            <Empty description={t('vtMineEmpty')} />
          ) : (
            <List
              dataSource={items}
              renderItem={(ballot) => (
                <List.Item>
                  <Link to={`/votes/${ballot.id}`} style={{ width: '100%' }}>
                    <Flex vertical gap={4} className="minyi-list-row">
                      <Flex justify="space-between" gap={8} align="start">
                        <Typography.Text strong>{ballot.title}</Typography.Text>
                        {ballot.awaitingMyVote ? (
                          <Badge status="processing" text={t('vtAwaiting')} />
                        ) : (
                          <Tag color={statusColors[ballot.status]}>
                            {pick(ballotStatusLabels[ballot.status])}
                          </Tag>
                        )}
                      </Flex>
                      <Typography.Text type="secondary">
                        {pick(questionTypeLabels[ballot.questionType])}
                        {ballot.closesAt && ballot.status === 'open'
                          ? ` · ${t('vtClosesAt')} ${formatDateTime(ballot.closesAt)}`
                          : ''}
                      </Typography.Text>
                    </Flex>
                  </Link>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </>
  );
}
