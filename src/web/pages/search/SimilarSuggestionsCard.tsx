import { useState } from 'react';
import { App, Button, Card, Checkbox, Empty, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { SimilarItem, SimilarList } from '../../../shared/schemas/search.js';
import { suggestionStatusLabels } from '../../../shared/schemas/suggestions.js';
import { ratingValueLabels } from '../../../shared/schemas/handling.js';
import { errorText } from '../../components/error-text.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { useSuggestionAction } from '../suggestions/api/suggestions.api.js';
import { useSimilarToItem, useSimilarToText } from './search.api.js';
import type { SimilarDraft } from './search.api.js';

type Levels = NonNullable<SimilarDraft['includeLevels']>;

/** The item being reviewed, which a 并案 button merges into a similar one (review_merge). */
export interface MergeSource {
  id: string;
  version: number;
}

/**
 * 相似建议: earlier suggestions on the same matter with their score and what was done with them.
 * Give `draft` (text being typed) or `suggestionId` (an existing item); `mergeFrom` adds 并案.
 */
export function SimilarSuggestionsCard(props: {
  draft?: SimilarDraft;
  suggestionId?: string;
  mergeFrom?: MergeSource;
  bordered?: boolean;
}) {
  const [levels, setLevels] = useState<{ above: boolean; below: boolean }>({ above: false, below: false });
  const includeLevels: Levels =
    levels.above && levels.below ? 'both' : levels.above ? 'above' : levels.below ? 'below' : 'none';
  return props.suggestionId ? (
    <ItemSimilar
      {...props}
      suggestionId={props.suggestionId}
      levels={levels}
      includeLevels={includeLevels}
      onLevels={setLevels}
    />
  ) : (
    <DraftSimilar {...props} levels={levels} includeLevels={includeLevels} onLevels={setLevels} />
  );
}

interface Inner {
  mergeFrom?: MergeSource;
  bordered?: boolean;
  levels: { above: boolean; below: boolean };
  includeLevels: Levels;
  onLevels: (levels: { above: boolean; below: boolean }) => void;
}

function ItemSimilar(props: Inner & { suggestionId: string }) {
  const query = useSimilarToItem(props.suggestionId, props.includeLevels);
  return <SimilarView {...props} query={query} />;
}

function DraftSimilar(props: Inner & { draft?: SimilarDraft }) {
  const query = useSimilarToText({
    title: props.draft?.title ?? '',
    text: props.draft?.text ?? '',
    bodyId: props.draft?.bodyId ?? '',
    includeLevels: props.includeLevels,
  });
  return <SimilarView {...props} query={query} idle={!query.data && !query.isFetching} />;
}

function SimilarView({
  query,
  idle,
  mergeFrom,
  bordered = true,
  levels,
  onLevels,
}: Inner & {
  query: {
    data?: SimilarList;
    isError: boolean;
    error: unknown;
    isFetching: boolean;
    refetch: () => unknown;
  };
  idle?: boolean;
}) {
  const { t } = useLocale();
  const items = query.data?.items ?? [];
  return (
    <Card
      size="small"
      variant={bordered ? 'outlined' : 'borderless'}
      title={t('srchSimilarTitle')}
      loading={query.isFetching && !query.data}
      data-testid="similar-suggestions"
      extra={
        <Flex gap={4} wrap>
          <Checkbox checked={levels.above} onChange={(e) => onLevels({ ...levels, above: e.target.checked })}>
            {t('srchLevelsAbove')}
          </Checkbox>
          <Checkbox checked={levels.below} onChange={(e) => onLevels({ ...levels, below: e.target.checked })}>
            {t('srchLevelsBelow')}
          </Checkbox>
        </Flex>
      }
    >
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : idle ? (
        <Typography.Text type="secondary">{t('srchSimilarDraftHint')}</Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('srchSimilarNone')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => <SimilarRow item={item} mergeFrom={mergeFrom} />}
        />
      )}
    </Card>
  );
}

/** Items another can be merged into (the merge action's own rule; the server checks again). */
const mergeTargets: readonly string[] = ['in_review', 'accepted', 'handling'];

function SimilarRow({ item, mergeFrom }: { item: SimilarItem; mergeFrom?: MergeSource }) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const merge = useSuggestionAction();
  const facts = [
    item.sessionName ?? item.bodyName,
    item.leadUnitName ? t('srchLeadUnit', { unit: item.leadUnitName }) : null,
    item.outcomeClass ? t('srchOutcome', { outcome: item.outcomeClass }) : null,
    item.ratingHidden
      ? t('srchRatingHidden')
      : item.rating
        ? t('srchRating', { rating: pick(ratingValueLabels[item.rating.result]) })
        : null,
  ].filter(Boolean);
  const doMerge = async () => {
    if (!mergeFrom) return;
    try {
      await merge.mutateAsync({
        id: mergeFrom.id,
        action: 'review_merge',
        version: mergeFrom.version,
        input: { targetId: item.id },
      });
      message.success(t('srchMerged'));
    } catch (error) {
      message.error(errorText(error, t));
    }
  };
  return (
    <List.Item
      actions={
        mergeFrom && mergeTargets.includes(item.status)
          ? [
              <Popconfirm
                key="merge"
                title={t('srchMergeConfirm', { title: item.title })}
                onConfirm={doMerge}
                okText={t('srchMerge')}
                cancelText={t('cancel')}
              >
                <Button size="small" loading={merge.isPending}>
                  {t('srchMerge')}
                </Button>
              </Popconfirm>,
            ]
          : undefined
      }
    >
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Link to={`/suggestions/${item.id}`} target="_blank" style={{ wordBreak: 'break-all' }}>
          {item.serialNumber ? `第${String(item.serialNumber).padStart(4, '0')}号 ` : ''}
          {item.title}
        </Link>
        <Flex gap={4} wrap align="center">
          <Tag color={item.likelySame ? 'orange' : 'default'}>
            {t('srchScore', { score: Math.round(item.score * 100) + '%' })}
          </Tag>
          {item.likelySame ? <Tag color="volcano">{t('srchLikelySame')}</Tag> : null}
          <Tag>{pick(suggestionStatusLabels[item.status])}</Tag>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {facts.join(' · ')}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

/** The review page's expanded row: similar items, with 并案 when the reviewer may merge this one. */
export function ReviewSimilar({
  id,
  detail,
}: {
  id: string;
  detail?: { id: string; version: number; allowedActions: string[] };
}) {
  const mergeFrom =
    detail && detail.allowedActions.includes('review_merge')
      ? { id: detail.id, version: detail.version }
      : undefined;
  return <SimilarSuggestionsCard suggestionId={id} mergeFrom={mergeFrom} bordered={false} />;
}
