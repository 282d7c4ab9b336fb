import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { SuggestionSummary } from '../../../../shared/schemas/suggestions.js';
import { useLocale } from '../../../i18n/locale.js';
import { KeyTag, StageProgress, SuggestionStatusTag, UnitsText } from './StatusTags.js';

/** One suggestion as a card: the phone layout of a list. */
export function SuggestionCard({ item, role }: { item: SuggestionSummary; role?: 'lead' | 'co' }) {
  const { t } = useLocale();
  return (
    <Card size="small" className="minyi-suggestion-card" data-testid="suggestion-card">
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text type="secondary">{item.serialLabel ?? t('sgNoSerial')}</Typography.Text>
          <Flex gap={4} wrap>
            <KeyTag keyStatus={item.keyStatus} />
            {role === 'co' ? <Tag>{t('sgRoleCo')}</Tag> : null}
            <SuggestionStatusTag status={item.status} />
          </Flex>
        </Flex>
        <Link to={`/suggestions/${item.id}`} className="minyi-suggestion-title">
          {item.title}
        </Link>
        {item.units.length > 0 ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('sgUnits')}：<UnitsText units={item.units} />
          </Typography.Text>
        ) : null}
        {item.nearestDueOn ? (
          <Typography.Text type={item.overdue ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
            {t('sgReplyDue')}：{item.nearestDueOn}
            {item.overdue ? ` · ${t('sgOverdue')}` : ''}
          </Typography.Text>
        ) : null}
        <StageProgress status={item.status} />
      </Flex>
    </Card>
  );
}
