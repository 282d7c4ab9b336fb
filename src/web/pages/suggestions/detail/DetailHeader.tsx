import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { SuggestionDetail } from '../../../../shared/schemas/suggestions.js';
import { suggestionKindLabels, suggestionTimingLabels } from '../../../../shared/schemas/suggestions.js';
import { formatDateTime } from '../../../format/time.js';
import { useLocale } from '../../../i18n/locale.js';
import { KeyTag, SuggestionStatusTag, UnitsText } from '../components/StatusTags.js';

/** Number, title, status and the facts around the item. */
export function DetailHeader({ detail }: { detail: SuggestionDetail }) {
  const { t, pick } = useLocale();
  const confirmed = detail.signers.filter((s) => s.status === 'confirmed' || s.status === 'merged').length;
  return (
    <Card>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="serial-label">
          {detail.serialLabel ?? t('sgNoSerial')}
        </Typography.Text>
        <SuggestionStatusTag status={detail.status} />
        {detail.reviewTierName ? (
          <Tag color="processing" data-testid="review-tier">
            {detail.reviewTierName}
          </Tag>
        ) : null}
        <Tag>{pick(suggestionKindLabels[detail.kind])}</Tag>
        <Tag>{pick(suggestionTimingLabels[detail.timing])}</Tag>
        <KeyTag keyStatus={detail.keyStatus} />
        {detail.disclose ? null : <Tag color="default">{t('sgNotDisclosed')}</Tag>}
        {detail.overdue ? <Tag color="error">{t('sgOverdue')}</Tag> : null}
      </Flex>
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="suggestion-title">
        {detail.title}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'lead', label: t('sgLeadDeputy'), children: detail.leadDeputyName },
          { key: 'signers', label: t('sgSigners'), children: t('sgSignerTotal', { count: confirmed }) },
          { key: 'category', label: t('sgCategory'), children: detail.categoryName ?? t('none') },
          {
            key: 'submitted',
            label: t('sgSubmittedAt'),
            children: formatDateTime(detail.submittedAt) || '—',
          },
          ...(detail.units.length > 0
            ? [{ key: 'units', label: t('sgUnits'), children: <UnitsText units={detail.units} /> }]
            : []),
          ...(detail.nearestDueOn
            ? [{ key: 'due', label: t('sgReplyDue'), children: detail.nearestDueOn }]
            : []),
          ...(detail.disclose
            ? []
            : [{ key: 'nd', label: t('sgNondisclosureReason'), children: detail.nondisclosureReason ?? '' }]),
        ]}
      />
    </Card>
  );
}
