import { Flex, Tag, Typography } from 'antd';
import { ratingValueLabels } from '../../../shared/schemas/handling.js';
import type { SuggestionDetail } from '../../../shared/schemas/suggestions.js';
import { useLocale } from '../../i18n/locale.js';

/** The ratings given, or why a unit cannot see them (背靠背). */
export function RatingsList({ detail }: { detail: SuggestionDetail }) {
  const { t, pick } = useLocale();
  if (detail.ratingsHidden) return <Typography.Text type="secondary">{t('hdRatingsHidden')}</Typography.Text>;
  if (detail.ratings.length === 0)
    return <Typography.Text type="secondary">{t('hdRatingsNone')}</Typography.Text>;
  return (
    <Flex vertical gap={8} data-testid="ratings-list">
      {detail.ratings.map((r) => (
        <div key={`${r.round}-${r.deputyName}`} className="minyi-list-row">
          <Flex gap={6} wrap align="center">
            <Typography.Text>
              {t('hdRatingLine', {
                round: r.round,
                name: r.deputyName,
                attitude: pick(ratingValueLabels[r.attitude]),
                result: pick(ratingValueLabels[r.result]),
              })}
            </Typography.Text>
            {r.isLead ? <Tag color="red">{t('hdLeadDeputy')}</Tag> : null}
          </Flex>
          {r.reason ? (
            <Typography.Paragraph style={{ margin: '4px 0 0' }}>{r.reason}</Typography.Paragraph>
          ) : null}
        </div>
      ))}
    </Flex>
  );
}
