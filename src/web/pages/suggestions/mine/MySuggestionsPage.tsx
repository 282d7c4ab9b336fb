import { useState } from 'react';
import { Button, Card, Empty, Flex, Pagination, Segmented, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { SuggestionSummary } from '../../../../shared/schemas/suggestions.js';
import { useSession } from '../../../auth/session.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryError } from '../../../components/QueryError.js';
import { useLocale } from '../../../i18n/locale.js';
import { usePhone } from '../../../layout/use-phone.js';
import { useSuggestions } from '../api/suggestions.api.js';
import { SuggestionCard } from '../components/SuggestionCard.js';
import { KeyTag, StageProgress, SuggestionStatusTag, UnitsText } from '../components/StatusTags.js';

/** Status groups a deputy thinks in. */
const groups = {
  all: undefined,
  todo: 'draft,returned',
  review: 'in_review',
  handling: 'accepted,handling,rehandling',
  done: 'replied,closed',
} as const;
type Group = keyof typeof groups;

/** A deputy's own suggestions (lead or co-signer): cards on phones, a table on desks. */
export function MySuggestionsPage() {
  const { t } = useLocale();
  const { me } = useSession();
  const phone = usePhone();
  const navigate = useNavigate();
  const [group, setGroup] = useState<Group>('all');
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const list = useSuggestions({ view: 'mine', status: groups[group], page, pageSize, sort: 'newest' });
  const roleOf = (item: SuggestionSummary) => (item.leadDeputyId === me?.deputyId ? 'lead' : 'co');

  const columns: TableColumnsType<SuggestionSummary> = [
    { title: t('sgSerial'), key: 'serial', width: 100, render: (_v, item) => item.serialLabel ?? '—' },
    {
      title: t('sgTitle'),
      key: 'title',
      render: (_v, item) => (
        <Flex vertical gap={2}>
          <Link to={`/suggestions/${item.id}`}>{item.title}</Link>
          <Flex gap={4} wrap>
            <KeyTag keyStatus={item.keyStatus} />
            {roleOf(item) === 'co' ? <Tag>{t('sgRoleCo')}</Tag> : null}
          </Flex>
        </Flex>
      ),
    },
    {
      title: t('sgStatus'),
      key: 'status',
      width: 110,
      render: (_v, item) => <SuggestionStatusTag status={item.status} />,
    },
    { title: t('sgUnits'), key: 'units', width: 220, render: (_v, item) => <UnitsText units={item.units} /> },
    {
      title: t('sgReplyDue'),
      key: 'due',
      width: 120,
      render: (_v, item) =>
        item.nearestDueOn ? (
          <Typography.Text type={item.overdue ? 'danger' : undefined}>{item.nearestDueOn}</Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('sgProgress'),
      key: 'progress',
      width: 190,
      render: (_v, item) => <StageProgress status={item.status} />,
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 90,
      render: (_v, item) =>
        roleOf(item) === 'lead' && (item.status === 'draft' || item.status === 'returned') ? (
          <Link to={`/suggestions/${item.id}/edit`}>
            <EditOutlined /> {t('edit')}
          </Link>
        ) : null,
    },
  ];

  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('sgMineTitle')}
        intro={t('sgMineIntro')}
        extra={
          <Button
            type="primary"
            size="large"
            icon={<EditOutlined />}
            onClick={() => navigate('/suggestions/new')}
          >
            {t('sgDraftNew')}
          </Button>
        }
      />
      <Flex style={{ marginBottom: 12, overflowX: 'auto' }}>
        <Segmented<Group>
          value={group}
          onChange={(next) => {
            setGroup(next);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('all') },
            { value: 'todo', label: t('sgGroupTodo') },
            { value: 'review', label: t('sgGroupReview') },
            { value: 'handling', label: t('sgGroupHandling') },
            { value: 'done', label: t('sgGroupDone') },
          ]}
        />
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : phone ? (
        <Spin spinning={list.isFetching}>
          {items.length === 0 && !list.isPending ? (
            <Card>
              <Empty description={t('sgMineEmpty')} />
            </Card>
          ) : (
            <Flex vertical gap={8}>
              {items.map((item) => (
                <SuggestionCard key={item.id} item={item} role={roleOf(item)} />
              ))}
            </Flex>
          )}
          {(list.data?.total ?? 0) > pageSize ? (
            <Pagination
              simple
              current={page}
              pageSize={pageSize}
              total={list.data?.total ?? 0}
              onChange={setPage}
              style={{ marginTop: 12, textAlign: 'center' }}
            />
          ) : null}
        </Spin>
      ) : (
        <Card className="minyi-table-card">
          <Table<SuggestionSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={list.isFetching}
            scroll={{ x: 960 }}
            locale={{ emptyText: <Empty description={t('sgMineEmpty')} /> }}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showTotal: (total) => t('totalItems', { total }),
              onChange: setPage,
            }}
          />
        </Card>
      )}
    </>
  );
}
