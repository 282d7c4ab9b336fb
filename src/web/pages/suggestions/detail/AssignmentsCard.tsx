import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { SuggestionDetail } from '../../../../shared/schemas/suggestions.js';
import { assignmentRoleLabels } from '../../../../shared/schemas/suggestions.js';
import { formatDateTime } from '../../../format/time.js';
import { useLocale } from '../../../i18n/locale.js';
import { AssignmentActions } from '../components/AssignmentActions.js';
import { AssignmentStatusTag, DaysLeft } from '../components/StatusTags.js';

/** Each unit's part: role, dates, days left, status, adjustment requests and their decisions. */
export function AssignmentsCard({ detail }: { detail: SuggestionDetail }) {
  const { t, pick } = useLocale();
  if (detail.assignments.length === 0) return null;
  return (
    <Card title={t('sgAssignments')} data-testid="assignments-card">
      <Flex vertical gap={12}>
        {detail.assignments.map((a) => (
          <div key={a.id} className="minyi-grant" data-testid="assignment-row">
            <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
              <Flex gap={6} align="center" wrap>
                <Typography.Text strong>{a.unitName}</Typography.Text>
                <Tag color={a.role === 'lead' ? 'blue' : undefined}>{pick(assignmentRoleLabels[a.role])}</Tag>
                <AssignmentStatusTag status={a.status} />
              </Flex>
              {a.status === 'reassigned' ? null : <DaysLeft daysLeft={a.daysLeft} overdue={a.overdue} />}
            </Flex>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, md: 3 }}
              items={[
                { key: 'on', label: t('sgAssignedOn'), children: a.assignedOn },
                { key: 'due', label: t('sgReplyDue'), children: a.replyDueOn },
                ...(a.coOpinionDueOn
                  ? [{ key: 'co', label: t('sgCoOpinionDue'), children: a.coOpinionDueOn }]
                  : []),
                { key: 'window', label: t('sgAdjustmentWindow'), children: a.adjustmentWindowEndsOn },
                {
                  key: 'received',
                  label: t('sgReceivedAt'),
                  children: a.receivedAt ? formatDateTime(a.receivedAt) : t('none'),
                },
              ]}
            />
            {a.adjustmentReason ? (
              <Typography.Paragraph style={{ margin: '8px 0 0' }}>
                <Typography.Text type="secondary">{t('sgAdjustmentAsked')}：</Typography.Text>
                {a.adjustmentReason}
              </Typography.Paragraph>
            ) : null}
            {a.adjustmentDecision ? (
              <Typography.Paragraph style={{ margin: '4px 0 0' }}>
                <Typography.Text type="secondary">
                  {a.adjustmentDecision === 'approved' ? t('sgAdjustmentApproved') : t('sgAdjustmentRefused')}
                  {a.adjustmentNote ? '：' : ''}
                </Typography.Text>
                {a.adjustmentNote}
              </Typography.Paragraph>
            ) : null}
            <div style={{ marginTop: 8 }}>
              <AssignmentActions assignment={a} bodyId={detail.bodyId} />
            </div>
          </div>
        ))}
      </Flex>
    </Card>
  );
}
