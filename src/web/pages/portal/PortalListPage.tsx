import { Card, Empty, Flex, Input, Pagination, Select, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import type { PublicSuggestionSummary } from '../../../shared/schemas/portal.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import type { PortalFilters } from './portal.api.js';
import {
  usePublicBodies,
  usePublicCategories,
  usePublicSessions,
  usePublicSuggestions,
  usePublicUnits,
} from './portal.api.js';
import { PortalLayout } from './PortalLayout.js';
import { RatingTag } from './PortalParts.js';

const pageSize = 20;

function ItemCard({ item }: { item: PublicSuggestionSummary }) {
  const { t } = useLocale();
  if (item.titleOnly)
    return (
      <Card size="small" data-testid="public-item">
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{item.serialLabel}</Typography.Text>
          <Typography.Text>{item.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('ptNotDisclosed')}
          </Typography.Text>
        </Flex>
      </Card>
    );
  return (
    <Card size="small" data-testid="public-item">
      <Flex vertical gap={6}>
        <Flex justify="space-between" gap={8} wrap>
          <Typography.Text type="secondary">
            {[item.serialLabel, item.sessionName].filter(Boolean).join(' · ')}
          </Typography.Text>
          <Flex gap={4} wrap>
            {item.statusLabel ? <Tag color="blue">{item.statusLabel}</Tag> : null}
            {item.rating ? <RatingTag rating={item.rating} /> : null}
          </Flex>
        </Flex>
        <Link to={`/public/suggestions/${item.id}`} style={{ fontSize: 16, fontWeight: 500 }}>
          {item.title}
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {[item.leadDeputyName ? t('ptDeputy', { name: item.leadDeputyName }) : null, item.categoryName]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
        {item.units.length > 0 ? (
          <Typography.Text style={{ fontSize: 13 }}>
            {t('ptUnits')}：{item.units.map((u) => u.unitName).join('、')}
          </Typography.Text>
        ) : null}
        {item.outcomes.length > 0 ? (
          <Flex gap={4} wrap>
            {item.outcomes.map((o) => (
              <Tag key={o.unitName}>
                {t('ptOutcome', { unit: o.unitName, code: o.outcomeClass, label: o.outcomeLabel })}
              </Tag>
            ))}
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}

/** 建议公开 (no login): disclosed suggestions of a body, searchable and filtered by session, category, unit. */
export function PortalListPage() {
  const { t } = useLocale();
  const [params, setParams] = useSearchParams();
  const bodies = usePublicBodies();
  const bodyId =
    params.get('body') ?? bodies.data?.find((b) => b.parentId === null)?.id ?? bodies.data?.[0]?.id ?? null;
  const filters: PortalFilters = {
    q: params.get('q') ?? undefined,
    sessionId: params.get('session') ?? undefined,
    categoryId: params.get('category') ?? undefined,
    unitId: params.get('unit') ?? undefined,
  };
  const page = Number(params.get('page') ?? '1') || 1;
  const sessions = usePublicSessions(bodyId);
  const categories = usePublicCategories(bodyId);
  const units = usePublicUnits(bodyId);
  const list = usePublicSuggestions(bodyId, filters, page, pageSize);
  const set = (name: string, value: string | undefined, keepPage = false) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        if (!keepPage) next.delete('page');
        return next;
      },
      { replace: name !== 'page' },
    );

  return (
    <PortalLayout>
      <Flex vertical gap={4}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('ptTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('ptIntro')}</Typography.Text>
      </Flex>
      <Card size="small">
        <Flex vertical gap={8} data-testid="portal-filters">
          <Input.Search
            allowClear
            enterButton
            placeholder={t('ptSearch')}
            defaultValue={filters.q}
            maxLength={60}
            onSearch={(value) => set('q', value.trim() || undefined)}
            aria-label={t('ptSearch')}
          />
          <Flex gap={8} wrap>
            {(bodies.data?.length ?? 0) > 1 ? (
              <Select
                style={{ minWidth: 160, flex: '1 1 160px' }}
                value={bodyId}
                onChange={(value: string) =>
                  setParams(new URLSearchParams({ body: value }), { replace: true })
                }
                options={(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
                aria-label={t('ptBody')}
              />
            ) : null}
            <Select
              allowClear
              placeholder={t('ptSession')}
              style={{ minWidth: 160, flex: '1 1 160px' }}
              value={filters.sessionId}
              onChange={(value?: string) => set('session', value)}
              options={(sessions.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
            <Select
              allowClear
              placeholder={t('ptCategory')}
              style={{ minWidth: 140, flex: '1 1 140px' }}
              value={filters.categoryId}
              onChange={(value?: string) => set('category', value)}
              options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('ptUnits')}
              style={{ minWidth: 160, flex: '1 1 160px' }}
              value={filters.unitId}
              onChange={(value?: string) => set('unit', value)}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Flex>
        </Flex>
      </Card>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Flex vertical gap={8} data-testid="public-list">
          <Typography.Text type="secondary">{t('ptTotal', { count: list.data?.total ?? 0 })}</Typography.Text>
          {(list.data?.items ?? []).map((item) => (
            <ItemCard key={item.id} item={item} />
          ))}
          {list.data && list.data.items.length === 0 ? <Empty description={t('ptNone')} /> : null}
          {(list.data?.total ?? 0) > pageSize ? (
            <Pagination
              align="center"
              simple
              current={page}
              pageSize={pageSize}
              total={list.data?.total ?? 0}
              onChange={(next) => set('page', String(next), true)}
            />
          ) : null}
        </Flex>
      )}
    </PortalLayout>
  );
}
