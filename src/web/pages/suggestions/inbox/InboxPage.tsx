import { useState } from 'react';
import { Card, Checkbox, Empty, Flex, Pagination, Segmented, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import type { AssignmentStatus } from '../../../../shared/schemas/suggestions.js';
import { assignmentRoleLabels } from '../../../../shared/schemas/suggestions.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryError } from '../../../components/QueryError.js';
import { todayInBeijing } from '../../../format/time.js';
import { useLocale } from '../../../i18n/locale.js';
import { usePhone } from '../../../layout/use-phone.js';
import { useInbox } from '../api/assignments.api.js';
import type { InboxItem, InboxQuery } from '../api/assignments.api.js';
import { AssignmentActionDialog } from '../components/AssignmentActionDialog.js';
import { AssignmentStatusTag, DaysLeft } from '../components/StatusTags.js';
import { InboxActions } from './InboxActions.js';
import { InboxCard } from './InboxCard.js';

type StatusFilter = AssignmentStatus | 'open' | 'done' | 'all';

const filterOf = (query: InboxQuery): StatusFilter => query.status ?? query.state ?? 'open';

/** 承办单位待办: the unit's assignments with deadlines; receive and ask for adjustment. */
export function InboxPage() {
  const { t, pick } = useLocale();
  const phone = usePhone();
  const [params] = useSearchParams();
  const [query, setQuery] = useState<InboxQuery>(() => ({
    page: 1,
    pageSize: 20,
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
  }));
  const inbox = useInbox(query);
  const [adjusting, setAdjusting] = useState<InboxItem | null>(null);
  const today = todayInBeijing();
  const change = (next: Partial<InboxQuery>) => setQuery((current) => ({ ...current, ...next, page: 1 }));

  const columns: TableColumnsType<InboxItem> = [
    {
      title: t('sgTitle'),
      key: 'title',
      width: 240,
      render: (_v, item) => (
        <Flex vertical gap={2}>
          <Link to={`/suggestions/${item.suggestionId}`}>
            {item.serialLabel ? `${item.serialLabel} ` : ''}
            {item.title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.leadDeputyName} · {item.unitName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('inboxRole'),
      key: 'role',
      width: 72,
      render: (_v, item) => (
        <Tag color={item.role === 'lead' ? 'blue' : undefined}>{pick(assignmentRoleLabels[item.role])}</Tag>
      ),
    },
    { title: t('sgAssignedOn'), dataIndex: 'assignedOn', key: 'assignedOn', width: 100 },
    {
      title: t('sgReplyDue'),
      key: 'due',
      width: 105,
      render: (_v, item) => (
        <Flex vertical gap={2}>
          <span data-testid="reply-due">{item.replyDueOn}</span>
          {item.coOpinionDueOn ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('sgCoOpinionDue')} {item.coOpinionDueOn}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('inboxDaysLeft'),
      key: 'days',
      width: 100,
      render: (_v, item) => <DaysLeft daysLeft={item.daysLeft} overdue={item.overdue} status={item.status} />,
    },
    {
      title: t('sgStatus'),
      key: 'status',
      width: 110,
      render: (_v, item) => (
        <Flex vertical gap={2} align="start">
          <AssignmentStatusTag status={item.status} />
          {item.adjustmentDecision === 'refused' ? (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t('sgAdjustmentRefused')}
              {item.adjustmentNote ? `：${item.adjustmentNote}` : ''}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('sgAdjustmentWindow'),
      key: 'window',
      width: 105,
      render: (_v, item) => (
        <Flex vertical>
          <span>{item.adjustmentWindowEndsOn}</span>
          {item.adjustmentWindowEndsOn < today ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('inboxWindowClosed')}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 150,
      fixed: 'end',
      render: (_v, item) => <InboxActions item={item} onAdjust={setAdjusting} />,
    },
  ];

  return (
    <>
      <PageHeader title={t('inboxTitle')} intro={t('inboxIntro')} />
      <Card className="minyi-table-card">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
            <Segmented<StatusFilter>
              value={filterOf(query)}
              onChange={(value) =>
                change(
                  value === 'open' || value === 'done' || value === 'all'
                    ? { state: value, status: undefined }
                    : { state: 'all', status: value },
                )
              }
              options={[
                { value: 'open', label: t('inboxOpen') },
                { value: 'pending_receipt', label: t('inboxPending') },
                { value: 'handling', label: t('inboxHandling') },
                { value: 'adjustment_requested', label: t('inboxAdjusting') },
                { value: 'done', label: t('inboxDone') },
                { value: 'all', label: t('all') },
              ]}
            />
          </div>
          <Checkbox
            checked={query.overdue === 'true'}
            onChange={(e) => change({ overdue: e.target.checked ? 'true' : undefined })}
          >
            {t('sgOverdueOnly')}
          </Checkbox>
        </Flex>
        {inbox.isError ? (
          <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />
        ) : phone ? (
          <Spin spinning={inbox.isFetching}>
            {(inbox.data?.items ?? []).length === 0 && !inbox.isPending ? (
              <Empty description={t('inboxEmpty')} />
            ) : (
              <Flex vertical gap={8}>
                {(inbox.data?.items ?? []).map((item) => (
                  <InboxCard key={item.id} item={item} today={today} onAdjust={setAdjusting} />
                ))}
              </Flex>
            )}
            {(inbox.data?.total ?? 0) > query.pageSize ? (
              <Pagination
                simple
                current={query.page}
                pageSize={query.pageSize}
                total={inbox.data?.total ?? 0}
                onChange={(page) => setQuery((current) => ({ ...current, page }))}
                style={{ marginTop: 12, textAlign: 'center' }}
              />
            ) : null}
          </Spin>
        ) : (
          <Table<InboxItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={inbox.data?.items}
            loading={inbox.isFetching}
            scroll={{ x: 980 }}
            locale={{ emptyText: <Empty description={t('inboxEmpty')} /> }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: inbox.data?.total ?? 0,
              showTotal: (total) => t('totalItems', { total }),
              onChange: (page, pageSize) => setQuery((current) => ({ ...current, page, pageSize })),
            }}
          />
        )}
      </Card>
      {adjusting ? (
        <AssignmentActionDialog
          assignment={adjusting}
          action="request_adjustment"
          onClose={() => setAdjusting(null)}
        />
      ) : null}
    </>
  );
}
