import { useState } from 'react';
import { Button, Descriptions, Flex, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import type { Reply } from '../../../shared/schemas/handling.js';
import { assignmentRoleLabels } from '../../../shared/schemas/suggestions.js';
import type { Assignment, SuggestionDetail } from '../../../shared/schemas/suggestions.js';
import type { MessageKey } from '../../i18n/dictionary.js';
import { useLocale } from '../../i18n/locale.js';
import { useAssignmentActions } from '../suggestions/api/assignments.api.js';
import { ContactDialog } from './ContactDialog.js';
import { ContactsList } from './ContactsList.js';
import type { HandlingAction } from './handling.api.js';
import { PlanDialog } from './PlanDialog.js';
import { ReplyDialog } from './ReplyDialog.js';
import { StepDialog } from './StepDialog.js';

const unitSteps: HandlingAction[] = ['submit_opinion', 'request_extension'];
const extensionLabels: Record<string, MessageKey> = {
  requested: 'hdExtensionRequested',
  approved: 'hdExtensionApproved',
  refused: 'hdExtensionRefused',
};

type Dialog = 'plan' | 'contact' | 'reply' | { action: HandlingAction; label: string } | null;

/** One of the user's own unit's assignments: 三定 plan, contacts, opinion or reply, extension. */
export function UnitAssignment({
  detail,
  assignment,
  replies,
}: {
  detail: SuggestionDetail;
  assignment: Assignment;
  replies: Reply[];
}) {
  const { t, pick } = useLocale();
  const [dialog, setDialog] = useState<Dialog>(null);
  const availability = useAssignmentActions(assignment.id);
  // 协办意见 is only for co units; a lead unit need not read why it cannot give one.
  const steps = (availability.data ?? []).filter(
    (a) =>
      unitSteps.some((s) => s === a.action) && (a.action !== 'submit_opinion' || assignment.role === 'co'),
  );
  const working = !['pending_receipt', 'reassigned', 'adjustment_requested'].includes(assignment.status);
  const writesReply = assignment.role !== 'co';
  const draft = replies.find(
    (r) => r.assignmentId === assignment.id && r.round === detail.handlingRound && r.status !== 'sent',
  );
  const contacts = detail.contacts.filter((c) => c.assignmentId === assignment.id);
  const close = () => setDialog(null);

  return (
    <div className="minyi-grant" data-testid="unit-handling">
      <Flex gap={6} align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('hdOwnUnit', { unit: assignment.unitName })}</Typography.Text>
        <Tag color={assignment.role === 'lead' ? 'blue' : undefined}>
          {pick(assignmentRoleLabels[assignment.role])}
        </Tag>
        {assignment.extensionStatus ? (
          <Tag color={assignment.extensionStatus === 'refused' ? 'red' : 'gold'}>
            {t('hdExtensionStatus')}：
            {t(extensionLabels[assignment.extensionStatus] ?? 'hdExtensionRequested')}
          </Tag>
        ) : null}
      </Flex>
      <Typography.Title level={5}>{t('hdPlan')}</Typography.Title>
      {assignment.plan ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'name', label: t('hdHandlerName'), children: assignment.handlerName },
            { key: 'finish', label: t('hdPlannedFinishOn'), children: assignment.plannedFinishOn },
            {
              key: 'plan',
              label: t('hdPlanText'),
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{assignment.plan}</span>,
            },
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('hdPlanNone')}</Typography.Paragraph>
      )}
      {assignment.opinion ? (
        <Typography.Paragraph>
          <Typography.Text type="secondary">{t('hdOpinion')}：</Typography.Text>
          {assignment.opinion}
        </Typography.Paragraph>
      ) : null}
      {assignment.extensionStatus && assignment.extensionNote ? (
        <Typography.Paragraph type="secondary">{assignment.extensionNote}</Typography.Paragraph>
      ) : null}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {working ? (
          <>
            <Button icon={<EditOutlined />} onClick={() => setDialog('plan')}>
              {t('hdPlanEdit')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setDialog('contact')}>
              {t('hdContactAdd')}
            </Button>
            {writesReply ? (
              <Button type="primary" icon={<FileTextOutlined />} onClick={() => setDialog('reply')}>
                {draft ? t('hdReplyEdit') : t('hdReplyWrite')}
              </Button>
            ) : null}
          </>
        ) : null}
        {steps.map((s) =>
          s.allowed ? (
            <Button
              key={s.action}
              type={s.action === 'submit_opinion' ? 'primary' : 'default'}
              onClick={() => setDialog({ action: s.action as HandlingAction, label: s.label })}
            >
              {s.label}
            </Button>
          ) : (
            <Tooltip key={s.action} title={s.reason}>
              <Button disabled>{s.label}</Button>
            </Tooltip>
          ),
        )}
      </Flex>
      {steps
        .filter((s) => !s.allowed && s.reason)
        .map((s) => (
          <div key={s.action} className="minyi-action-reason">
            {s.label}：{s.reason}
          </div>
        ))}
      <Typography.Title level={5}>{t('hdContacts')}</Typography.Title>
      <ContactsList contacts={contacts} />
      <PlanDialog assignment={assignment} open={dialog === 'plan'} onClose={close} />
      <ContactDialog assignment={assignment} open={dialog === 'contact'} onClose={close} />
      <ReplyDialog
        assignment={assignment}
        bodyId={detail.bodyId}
        draft={draft}
        open={dialog === 'reply'}
        onClose={close}
      />
      <StepDialog
        assignment={assignment}
        action={typeof dialog === 'object' && dialog ? dialog.action : null}
        label={typeof dialog === 'object' && dialog ? dialog.label : ''}
        onClose={close}
      />
    </div>
  );
}
