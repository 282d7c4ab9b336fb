import { useState } from 'react';
import {
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Input,
  List,
  Pagination,
  Row,
  Select,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import type { SearchHit, SearchKind } from '../../../shared/schemas/search.js';
import { searchKindLabels, searchKindValues } from '../../../shared/schemas/search.js';
import { suggestionStatusLabels, suggestionStatusValues } from '../../../shared/schemas/suggestions.js';
import type { SuggestionStatus } from '../../../shared/schemas/suggestions.js';
import { bodyLevelLabels, bodyLevelValues } from '../../../shared/schemas/common.js';
import type { BodyLevel } from '../../../shared/schemas/common.js';
import { hasAnyRole } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useCategories } from '../suggestions/api/categories.api.js';
import { useActiveUnits } from '../suggestions/api/reference.api.js';
import { DictionaryCard } from './DictionaryCard.js';
import { HighlightedText } from './HighlightedText.js';
import { useSearch } from './search.api.js';

const kindColors: Record<SearchKind, string> = { suggestion: 'blue', reply: 'green', reception: 'purple' };

interface Filters {
  kinds: SearchKind[];
  bodyId?: string;
  level?: BodyLevel;
  status: SuggestionStatus[];
  unitId?: string;
  categoryId?: string;
}

/** 全文检索: suggestions, replies and receptions the user may see, ranked and highlighted. */
export function SearchPage() {
  const { t, pick } = useLocale();
  const { me } = useSession();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [filters, setFilters] = useState<Filters>({ kinds: [], status: [] });
  const pageSize = 20;
  const bodyId = filters.bodyId ?? me?.roles[0]?.bodyId ?? null;
  const units = useActiveUnits(bodyId);
  const categories = useCategories(bodyId).data ?? [];
  const result = useSearch({
    q,
    page,
    pageSize,
    kinds: filters.kinds.join(',') || undefined,
    status: filters.status.join(',') || undefined,
    bodyId: filters.bodyId,
    level: filters.level,
    unitId: filters.unitId,
    categoryId: filters.categoryId,
  });
  const change = (next: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...next }));
    setPage(1);
  };
  const editor = me ? hasAnyRole(me, ['admin', 'office_staff']) : false;
  const data = result.data;

  return (
    <>
      <PageHeader title={t('srchTitle')} intro={t('srchIntro')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={editor ? 17 : 24}>
          <Card>
            <Flex vertical gap={12}>
              <Input.Search
                allowClear
                enterButton
                size="large"
                maxLength={100}
                placeholder={t('srchPlaceholder')}
                onSearch={(value) => {
                  setQ(value.trim());
                  setPage(1);
                }}
                data-testid="search-box"
              />
              <Flex gap={8} wrap align="center" className="minyi-search-filters">
                <Checkbox.Group
                  value={filters.kinds}
                  onChange={(values) => change({ kinds: values as SearchKind[] })}
                  options={searchKindValues.map((kind) => ({
                    value: kind,
                    label: pick(searchKindLabels[kind]),
                  }))}
                />
                <BodyTreeSelect
                  value={filters.bodyId ?? null}
                  onChange={(id) => change({ bodyId: id, unitId: undefined, categoryId: undefined })}
                  onClear={() => change({ bodyId: undefined })}
                  placeholder={t('srchBody')}
                  style={{ flex: '1 1 160px', maxWidth: 220 }}
                />
                <Select<BodyLevel>
                  allowClear
                  placeholder={t('srchLevel')}
                  value={filters.level}
                  onChange={(level) => change({ level })}
                  options={bodyLevelValues.map((level) => ({
                    value: level,
                    label: pick(bodyLevelLabels[level]),
                  }))}
                  style={{ flex: '1 1 100px', maxWidth: 130 }}
                />
                <Select<SuggestionStatus[]>
                  mode="multiple"
                  allowClear
                  maxTagCount="responsive"
                  placeholder={t('srchStatus')}
                  value={filters.status}
                  onChange={(status) => change({ status })}
                  options={suggestionStatusValues.map((s) => ({
                    value: s,
                    label: pick(suggestionStatusLabels[s]),
                  }))}
                  style={{ flex: '1 1 160px', maxWidth: 240 }}
                />
                <Select<string>
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('srchUnit')}
                  value={filters.unitId}
                  onChange={(unitId) => change({ unitId })}
                  options={units.items.map((u) => ({ value: u.id, label: u.name }))}
                  style={{ flex: '1 1 160px', maxWidth: 220 }}
                />
                <Select<string>
                  allowClear
                  placeholder={t('srchCategory')}
                  value={filters.categoryId}
                  onChange={(categoryId) => change({ categoryId })}
                  options={categories.map((c) => ({ value: c.id, label: c.name }))}
                  style={{ flex: '1 1 120px', maxWidth: 180 }}
                />
              </Flex>
              {result.isError ? (
                <QueryError error={result.error} onRetry={() => void result.refetch()} />
              ) : !q ? (
                <Empty description={t('srchEmptyQuery')} />
              ) : (
                <>
                  {data ? (
                    <Typography.Text type="secondary" data-testid="search-total">
                      {data.totalCapped
                        ? t('srchTotalCapped', { total: data.total })
                        : t('srchTotal', { total: data.total })}
                      {data.terms.length > 0 ? ` · ${t('srchTerms', { terms: data.terms.join(' ') })}` : ''}
                    </Typography.Text>
                  ) : null}
                  <List<SearchHit>
                    loading={result.isFetching}
                    dataSource={data?.items ?? []}
                    locale={{ emptyText: <Empty description={t('srchNoResults')} /> }}
                    renderItem={(hit) => <HitRow hit={hit} />}
                  />
                  {data && data.total > pageSize ? (
                    <Pagination
                      size="small"
                      current={page}
                      pageSize={pageSize}
                      total={Math.min(data.total, data.rankedWithin)}
                      showSizeChanger={false}
                      onChange={setPage}
                      style={{ alignSelf: 'center' }}
                    />
                  ) : null}
                  {data?.totalCapped ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('srchRankedWithin', { count: data.rankedWithin })}
                    </Typography.Text>
                  ) : null}
                </>
              )}
            </Flex>
          </Card>
        </Col>
        {editor ? (
          <Col xs={24} xl={7}>
            <DictionaryCard canRebuild={me ? hasAnyRole(me, ['admin']) : false} />
          </Col>
        ) : null}
      </Row>
    </>
  );
}

function HitRow({ hit }: { hit: SearchHit }) {
  const { pick } = useLocale();
  const link =
    hit.kind === 'reception'
      ? `/stations/receptions/${hit.id}`
      : `/suggestions/${hit.suggestionId ?? hit.id}`;
  const status =
    hit.status && hit.kind !== 'reception' && hit.status in suggestionStatusLabels
      ? pick(suggestionStatusLabels[hit.status as SuggestionStatus])
      : null;
  return (
    <List.Item data-testid="search-hit">
      <Flex vertical gap={4} style={{ minWidth: 0, width: '100%' }}>
        <Flex gap={6} align="baseline" wrap>
          <Tag color={kindColors[hit.kind]}>{pick(searchKindLabels[hit.kind])}</Tag>
          <Link to={link} style={{ fontWeight: 500, wordBreak: 'break-all' }}>
            <HighlightedText pieces={hit.title} />
          </Link>
        </Flex>
        <Typography.Text style={{ fontSize: 13, wordBreak: 'break-all' }}>
          <HighlightedText pieces={hit.snippet} />
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[
            hit.bodyName,
            hit.serialNumber ? `第${String(hit.serialNumber).padStart(4, '0')}号` : null,
            status,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}
