import { Alert, App, Form, Input, Select, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { Assignment } from '../../../../shared/schemas/suggestions.js';
import { FormModal } from '../../../components/FormModal.js';
import { dayString } from '../../../format/time.js';
import { useLocale } from '../../../i18n/locale.js';
import { useActiveUnits } from '../api/reference.api.js';
import { useAssignmentAction, useAssignmentActions } from '../api/assignments.api.js';
import type { AssignmentActionRequest } from '../api/assignments.api.js';
import { isConcurrentChange } from '../api/suggestions.api.js';
import { AssignedOnField } from './UnitRolesField.js';

export type AssignmentDialogAction = Exclude<AssignmentActionRequest['action'], 'receive'>;

interface Values {
  reason?: string;
  note?: string;
  newUnitId?: string;
  assignedOn?: Dayjs;
}

/** Request an adjustment (unit), or approve / refuse one (office): the form and the call. */
export function AssignmentActionDialog({
  assignment,
  action,
  bodyId,
  onClose,
}: {
  assignment: Pick<Assignment, 'id' | 'unitId' | 'unitName' | 'adjustmentWindowEndsOn' | 'adjustmentReason'>;
  action: AssignmentDialogAction | null;
  /** The suggestion's body: where a new unit is chosen from (approve only). */
  bodyId?: string;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const run = useAssignmentAction();
  // Asked when the dialog opens, so a closed window shows the server's reason instead of a form.
  const availability = useAssignmentActions(assignment.id, action === 'request_adjustment');
  const units = useActiveUnits(action === 'approve_adjustment' ? (bodyId ?? null) : null);
  const requestRefusal =
    action === 'request_adjustment'
      ? availability.data?.find((a) => a.action === action && !a.allowed)
      : undefined;

  const submit = async (values: Values) => {
    if (!action) return;
    const input: Record<string, unknown> = {};
    if (action === 'request_adjustment') input.reason = values.reason;
    if (action === 'refuse_adjustment') input.note = values.note;
    if (action === 'approve_adjustment') {
      input.newUnitId = values.newUnitId;
      input.assignedOn = dayString(values.assignedOn) ?? undefined;
      if (values.note) input.note = values.note;
    }
    try {
      await run.mutateAsync({ id: assignment.id, action, input });
      message.success(t('saved'));
    } catch (error) {
      if (!isConcurrentChange(error)) throw error;
      message.warning(t('sgConcurrentChange'));
    }
  };

  const titles = {
    request_adjustment: t('inboxRequestAdjustment'),
    approve_adjustment: t('sgApproveAdjustment'),
    refuse_adjustment: t('sgRefuseAdjustment'),
  } as const;
  return (
    <FormModal<Values>
      open={action !== null}
      title={action ? `${titles[action]} · ${assignment.unitName}` : ''}
      okText={action ? titles[action] : undefined}
      initialValues={action === 'approve_adjustment' ? { assignedOn: dayjs() } : {}}
      okDisabled={requestRefusal !== undefined}
      onSubmit={submit}
      onClose={onClose}
    >
      {action === 'request_adjustment' ? (
        <Spin spinning={availability.isPending}>
          <Typography.Paragraph>
            {t('inboxWindowEnds', { date: assignment.adjustmentWindowEndsOn })}
          </Typography.Paragraph>
          {requestRefusal ? (
            <Alert type="error" showIcon title={requestRefusal.reason} data-testid="adjustment-refused" />
          ) : (
            <Form.Item
              name="reason"
              label={t('inboxAdjustmentReason')}
              extra={t('inboxAdjustmentHelp')}
              rules={[
                { required: true, whitespace: true, min: 5, message: t('inboxAdjustmentReasonRequired') },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount />
            </Form.Item>
          )}
        </Spin>
      ) : null}
      {action === 'approve_adjustment' || action === 'refuse_adjustment' ? (
        <Alert
          type="info"
          showIcon
          title={t('sgAdjustmentAsked')}
          description={assignment.adjustmentReason ?? ''}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {action === 'approve_adjustment' && bodyId ? (
        <>
          <Form.Item
            name="newUnitId"
            label={t('sgNewUnit')}
            rules={[{ required: true, message: t('unitSelectPlaceholder') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={units.loading}
              placeholder={t('unitSelectPlaceholder')}
              options={units.items
                .filter((unit) => unit.id !== assignment.unitId)
                .map((unit) => ({ value: unit.id, label: unit.name }))}
            />
          </Form.Item>
          <AssignedOnField bodyId={bodyId} />
        </>
      ) : null}
      {action === 'approve_adjustment' || action === 'refuse_adjustment' ? (
        <Form.Item
          name="note"
          label={t('sgNote')}
          rules={
            action === 'refuse_adjustment'
              ? [{ required: true, whitespace: true, min: 2, message: t('sgReasonRequired') }]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
