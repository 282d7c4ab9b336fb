import { Typography } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { useLocale } from '../../../i18n/locale.js';
import { useRuleProfile } from '../../rules/rules.api.js';
import { useDeadlinePreview } from '../api/assignments.api.js';

/** The reply deadline an assignment on `assignedOn` gets, by the body's rule profile and the calendar. */
export function DeadlinePreview({
  bodyId,
  assignedOn,
}: {
  bodyId: string | null;
  assignedOn: string | null;
}) {
  const { t } = useLocale();
  const profile = useRuleProfile(bodyId);
  const period = profile.data?.settings.deadlines.reply;
  const deadline = useDeadlinePreview(assignedOn, period);
  if (!assignedOn || !deadline.data)
    return <Typography.Text type="secondary">{deadline.isFetching ? t('loading') : ''}</Typography.Text>;
  return (
    <Typography.Text data-testid="deadline-preview">
      <CalendarOutlined /> {t('sgReplyDueOn', { date: deadline.data.due })}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {deadline.data.rule}
      </Typography.Text>
    </Typography.Text>
  );
}
