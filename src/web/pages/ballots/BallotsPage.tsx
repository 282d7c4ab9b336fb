import { useState } from 'react';
import { Button, Card, Flex, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { BallotStatus } from '../../../shared/schemas/ballots.js';
import type { BallotSummary } from '../../../shared/schemas/ballot-views.js';
import {
  ballotKindLabels,
  ballotStatusLabels,
  ballotStatusValues,
  questionTypeLabels,
} from '../../../shared/schemas/ballots.js';
import { useSession } from '../../auth/session.js';
import { hasAnyRole } from '../../auth/roles.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { formatDateTime } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../bodies/useChosenBody.js';
import { ballotManagers, ballotReaders, useBallots } from './ballots.api.js';
import { BallotFormModal } from './BallotFormModal.js';

export const statusColors: Record<BallotStatus, string> = {
  draft: 'default',
  open: 'processing',
  closed: 'success',
  cancelled: 'warning',
};

/** 表决: every ballot of a body, newest and open first; staff create them here. */
export function BallotsPage() {
  const { t, pick } = useLocale();
  const { me } = useSession();
  const { bodyId, choose } = useChosenBody(ballotReaders);
  const [status, setStatus] = useState<BallotStatus | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const ballots = useBallots({ bodyId: bodyId ?? undefined, status, page, pageSize: 20 }, bodyId !== null);
  const canCreate = me !== null && hasAnyRole(me, ballotManagers);

  const columns: TableColumnsType<BallotSummary> = [
    {
      title: t('vtTitle'),
      key: 'title',
      render: (_v, ballot) => <Link to={`/ballots/${ballot.id}`}>{ballot.title}</Link>,
    },
    {
      title: t('vtKind'),
      key: 'kind',
      width: 190,
      render: (_v, ballot) =>
        `${pick(ballotKindLabels[ballot.kind])} · ${pick(questionTypeLabels[ballot.questionType])}`,
    },
    {
      title: t('vtStatus'),
      key: 'status',
      width: 100,
      render: (_v, ballot) => (
        <Tag color={statusColors[ballot.status]}>{pick(ballotStatusLabels[ballot.status])}</Tag>
      ),
    },
    {
      title: t('vtTurnout'),
      key: 'turnout',
      width: 110,
      render: (_v, ballot) =>
        ballot.status === 'draft' ? '—' : `${ballot.ballotsCast} / ${ballot.electorateSize}`,
    },
    {
      title: t('vtWhen'),
      key: 'when',
      width: 170,
      render: (_v, ballot) =>
        formatDateTime(ballot.closedAt ?? ballot.openedAt ?? ballot.opensAt ?? ballot.createdAt),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('vtBallotsTitle')}
        intro={t('vtBallotsIntro')}
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('vtCreate')}
            </Button>
          ) : null
        }
      />
      <Card className="minyi-table-card">
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <BodyTreeSelect value={bodyId} onChange={choose} style={{ flex: '1 1 220px', maxWidth: 320 }} />
          <Select<BallotStatus>
            allowClear
            placeholder={t('vtStatus')}
            style={{ flex: '1 1 120px', maxWidth: 160 }}
            options={ballotStatusValues.map((value) => ({ value, label: pick(ballotStatusLabels[value]) }))}
            onChange={(next) => {
              setStatus(next);
              setPage(1);
            }}
          />
        </Flex>
        {ballots.isError ? (
          <QueryError error={ballots.error} onRetry={() => void ballots.refetch()} />
        ) : (
          <Table<BallotSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={ballots.data?.items}
            loading={ballots.isFetching}
            scroll={{ x: 760 }}
            pagination={{
              current: page,
              pageSize: 20,
              total: ballots.data?.total ?? 0,
              showTotal: (total) => t('totalItems', { total }),
              onChange: setPage,
            }}
          />
        )}
      </Card>
      <BallotFormModal open={creating} bodyId={bodyId} onClose={() => setCreating(false)} />
    </>
  );
}
