import { useState } from 'react';
import { Button, Card, Empty, Flex, Input, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { SuggestionDetail, SuggestionSummary } from '../../../../shared/schemas/suggestions.js';
import { suggestionKindLabels } from '../../../../shared/schemas/suggestions.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryError } from '../../../components/QueryError.js';
import { formatDateTime } from '../../../format/time.js';
import { useLocale } from '../../../i18n/locale.js';
import { useDetailsOf } from '../api/details.api.js';
import { useSuggestions } from '../api/suggestions.api.js';
import { ActionDialog } from '../detail/ActionDialog.js';
import { ReviewSimilar } from '../../search/SimilarSuggestionsCard.js';

const quickActions = ['review_pass', 'review_return', 'review_reject'] as const;

/** 审查: items waiting at a review tier the user serves on, with quick pass / return / reject. */
export function ReviewPage() {
  const { t, pick } = useLocale();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState<string | undefined>();
  const pageSize = 20;
  const list = useSuggestions({ view: 'review', q, page, pageSize, sort: 'newest' });
  const items = list.data?.items ?? [];
  const details = useDetailsOf(items.map((item) => item.id));
  const [open, setOpen] = useState<{ detail: SuggestionDetail; action: string; label: string } | null>(null);

  const columns: TableColumnsType<SuggestionSummary> = [
    {
      title: t('sgTitle'),
      key: 'title',
      render: (_v, item) => (
        <Flex vertical gap={2}>
          <Link to={`/suggestions/${item.id}`}>{item.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[
              item.leadDeputyName,
              item.signerCount > 0 ? t('sgSignerTotal', { count: item.signerCount }) : null,
              item.categoryName ?? t('sgNoCategory'),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('sgKind'),
      key: 'kind',
      width: 80,
      render: (_v, item) => pick(suggestionKindLabels[item.kind]),
    },
    {
      title: t('sgReviewTier'),
      key: 'tier',
      width: 130,
      render: (_v, item) => {
        const name = details.get(item.id)?.reviewTierName;
        return name ? (
          <Tag color="processing" data-testid="review-tier">
            {name}
          </Tag>
        ) : (
          '…'
        );
      },
    },
    {
      title: t('sgSubmittedAt'),
      key: 'submitted',
      width: 150,
      render: (_v, item) => formatDateTime(item.submittedAt),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 270,
      render: (_v, item) => {
        const detail = details.get(item.id);
        if (!detail) return null;
        return (
          <Flex gap={4} wrap>
            {quickActions.map((name) => {
              const action = detail.actions.find((a) => a.action === name);
              if (!action) return null;
              const button = (
                <Button
                  key={name}
                  size="small"
                  type={name === 'review_pass' ? 'primary' : 'default'}
                  danger={name === 'review_reject'}
                  disabled={!action.allowed}
                  onClick={() => setOpen({ detail, action: name, label: action.label })}
                >
                  {action.label}
                </Button>
              );
              return action.allowed ? (
                button
              ) : (
                <Tooltip key={name} title={action.reason}>
                  {button}
                </Tooltip>
              );
            })}
          </Flex>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader title={t('sgReviewTitle')} intro={t('sgReviewIntro')} />
      <Card className="minyi-table-card">
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('sgSearchPlaceholder')}
            onSearch={(value) => {
              setQ(value.trim() || undefined);
              setPage(1);
            }}
            style={{ flex: '1 1 220px', maxWidth: 320 }}
          />
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<SuggestionSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={list.isFetching}
            scroll={{ x: 900 }}
            expandable={{
              expandedRowRender: (item) => <ReviewSimilar id={item.id} detail={details.get(item.id)} />,
            }}
            locale={{ emptyText: <Empty description={t('sgReviewEmpty')} /> }}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showTotal: (total) => t('totalItems', { total }),
              onChange: setPage,
            }}
          />
        )}
      </Card>
      {open ? (
        <ActionDialog
          detail={open.detail}
          action={open.action}
          label={open.label}
          onClose={() => setOpen(null)}
          onDone={() => setOpen(null)}
        />
      ) : null}
    </>
  );
}
