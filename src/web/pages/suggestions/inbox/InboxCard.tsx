import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { assignmentRoleLabels } from '../../../../shared/schemas/suggestions.js';
import { useLocale } from '../../../i18n/locale.js';
import type { InboxItem } from '../api/assignments.api.js';
import { AssignmentStatusTag, DaysLeft } from '../components/StatusTags.js';
import { InboxActions } from './InboxActions.js';

/** One assignment as a card: the phone layout of the inbox. */
export function InboxCard({
  item,
  today,
  onAdjust,
}: {
  item: InboxItem;
  today: string;
  onAdjust: (item: InboxItem) => void;
}) {
  const { t, pick } = useLocale();
  return (
    <Card size="small" data-testid="inbox-card">
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text type="secondary">{item.serialLabel ?? ''}</Typography.Text>
          <Flex gap={4}>
            <Tag color={item.role === 'lead' ? 'blue' : undefined}>
              {pick(assignmentRoleLabels[item.role])}
            </Tag>
            <AssignmentStatusTag status={item.status} />
          </Flex>
        </Flex>
        <Link to={`/suggestions/${item.suggestionId}`} className="minyi-suggestion-title">
          {item.title}
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {item.leadDeputyName} · {item.unitName}
        </Typography.Text>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text style={{ fontSize: 13 }}>
            {t('sgReplyDue')}：<span data-testid="reply-due">{item.replyDueOn}</span>
          </Typography.Text>
          <DaysLeft daysLeft={item.daysLeft} overdue={item.overdue} status={item.status} />
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('sgAdjustmentWindow')}：{item.adjustmentWindowEndsOn}
          {item.adjustmentWindowEndsOn < today ? `（${t('inboxWindowClosed')}）` : ''}
        </Typography.Text>
        {item.adjustmentDecision === 'refused' ? (
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {t('sgAdjustmentRefused')}
            {item.adjustmentNote ? `：${item.adjustmentNote}` : ''}
          </Typography.Text>
        ) : null}
        <InboxActions item={item} onAdjust={onAdjust} />
      </Flex>
    </Card>
  );
}
