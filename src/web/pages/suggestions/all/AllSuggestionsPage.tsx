import { useState } from 'react';
import { Button, Card, Empty, Flex, Select, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import type { SuggestionSummary } from '../../../../shared/schemas/suggestions.js';
import { apiUrl } from '../../../api/client.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryError } from '../../../components/QueryError.js';
import { useLocale } from '../../../i18n/locale.js';
import { BodyTreeSelect } from '../../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../../bodies/useChosenBody.js';
import { useSuggestions } from '../api/suggestions.api.js';
import { defaultLayout, listQuery } from './list-filters.js';
import type { ListFilters, ListLayout, ListSort } from './list-filters.js';
import { SavedViewsBar } from './SavedViewsBar.js';
import { suggestionColumns } from './suggestion-columns.js';
import { SuggestionFilters } from './SuggestionFilters.js';

/** 全部建议: every item the user may see, filtered, with saved layouts and an Excel export. */
export function AllSuggestionsPage() {
  const locale = useLocale();
  const { t } = locale;
  const { bodyId, choose } = useChosenBody(['office_staff', 'admin', 'committee_staff', 'leader']);
  const [params] = useSearchParams();
  // Links from the to-do panel open the list already filtered (`?overdue=true`).
  const [layout, setLayout] = useState<ListLayout>(() => ({
    ...defaultLayout,
    filters: params.get('overdue') === 'true' ? { overdue: 'true' } : {},
  }));
  const [page, setPage] = useState(1);
  const query = listQuery(bodyId, layout);
  const list = useSuggestions({ ...query, page, pageSize: layout.pageSize }, bodyId !== null);
  const apply = (next: ListLayout) => {
    setLayout(next);
    setPage(1);
  };
  const filter = (change: Partial<ListFilters>) =>
    apply({ ...layout, filters: { ...layout.filters, ...change } });

  return (
    <>
      <PageHeader
        title={t('sgAllTitle')}
        intro={t('sgAllIntro')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={apiUrl('/suggestions/export.xlsx', { ...query })}
            data-testid="export-xlsx"
          >
            {t('sgExport')}
          </Button>
        }
      />
      <Card className="minyi-table-card">
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          <Flex gap={8} wrap justify="space-between">
            <BodyTreeSelect value={bodyId} onChange={choose} style={{ flex: '1 1 200px', maxWidth: 280 }} />
            <Flex gap={8} wrap>
              <Select<ListSort>
                value={layout.sort}
                onChange={(sort) => apply({ ...layout, sort })}
                options={[
                  { value: 'newest', label: t('sgSortNewest') },
                  { value: 'serial', label: t('sgSortSerial') },
                  { value: 'due', label: t('sgSortDue') },
                ]}
                style={{ width: 130 }}
                aria-label={t('sgSort')}
              />
              <SavedViewsBar layout={layout} onApply={apply} />
            </Flex>
          </Flex>
          <SuggestionFilters bodyId={bodyId} filters={layout.filters} onChange={filter} />
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<SuggestionSummary>
            rowKey="id"
            size="middle"
            columns={suggestionColumns(layout.columns, locale)}
            dataSource={list.data?.items}
            loading={list.isFetching}
            scroll={{ x: 300 + layout.columns.length * 110 }}
            locale={{ emptyText: <Empty description={t('sgListEmpty')} /> }}
            pagination={{
              current: page,
              pageSize: layout.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('totalItems', { total }),
              onChange: (next, pageSize) => {
                setPage(next);
                if (pageSize !== layout.pageSize) setLayout({ ...layout, pageSize });
              },
            }}
          />
        )}
      </Card>
    </>
  );
}
