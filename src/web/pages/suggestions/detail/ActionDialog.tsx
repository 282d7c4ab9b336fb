import { App, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import type { SuggestionDetail } from '../../../../shared/schemas/suggestions.js';
import { FormModal } from '../../../components/FormModal.js';
import { dayString } from '../../../format/time.js';
import { useLocale } from '../../../i18n/locale.js';
import { useCategories } from '../api/categories.api.js';
import { isConcurrentChange, useSuggestionAction } from '../api/suggestions.api.js';
import { AssignedOnField, UnitRolesField } from '../components/UnitRolesField.js';
import type { AssignValues } from '../components/UnitRolesField.js';
import { actionDialogs } from './action-dialogs.js';
import { MergeTargetSelect } from './MergeTargetSelect.js';

interface DialogValues extends Partial<AssignValues> {
  reason?: string;
  note?: string;
  targetId?: string;
}

/** The small form of one action (reason, note, merge target, units) and its call. */
export function ActionDialog({
  detail,
  action,
  label,
  onClose,
  onDone,
}: {
  detail: SuggestionDetail;
  action: string | null;
  label: string;
  onClose: () => void;
  onDone?: (updated: SuggestionDetail | null) => void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const run = useSuggestionAction();
  const categories = useCategories(detail.allowedActions.includes('assign') ? detail.bodyId : null);
  const dialog = action ? actionDialogs[action] : undefined;
  const fields = dialog?.fields ?? [];
  const usual = categories.data?.find((c) => c.id === detail.categoryId)?.units ?? [];
  const initialUnits = [...usual].sort((a, b) => (a.role === 'lead' ? -1 : b.role === 'lead' ? 1 : 0));

  const submit = async (values: DialogValues) => {
    if (!action) return;
    const input: Record<string, unknown> = {};
    if (values.reason !== undefined) input.reason = values.reason;
    if (values.note) input.note = values.note;
    if (values.targetId) input.targetId = values.targetId;
    if (fields.includes('assign')) {
      input.assignedOn = dayString(values.assignedOn) ?? undefined;
      input.units = values.units ?? [];
    }
    try {
      const updated = await run.mutateAsync({ id: detail.id, action, version: detail.version, input });
      message.success(t('sgActionDone', { action: label }));
      onDone?.(updated);
    } catch (error) {
      if (!isConcurrentChange(error)) throw error;
      // Someone else acted first: say so, show the current state, close the dialog.
      message.warning(t('sgConcurrentChange'));
      onDone?.(null);
    }
  };

  return (
    <FormModal<DialogValues>
      open={action !== null}
      title={`${label}${detail.serialLabel ? ` · ${detail.serialLabel}` : ''}`}
      okText={label}
      width={fields.includes('assign') ? 640 : 480}
      initialValues={fields.includes('assign') ? { assignedOn: dayjs(), units: initialUnits } : {}}
      onSubmit={submit}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{dialog ? t(dialog.help) : ''}</Typography.Paragraph>
      <Typography.Paragraph strong ellipsis={{ rows: 2 }}>
        {detail.title}
      </Typography.Paragraph>
      {fields.includes('target') ? (
        <Form.Item
          name="targetId"
          label={t('sgMergeTarget')}
          rules={[{ required: true, message: t('sgMergeTargetPlaceholder') }]}
        >
          <MergeTargetSelect bodyId={detail.bodyId} excludeId={detail.id} />
        </Form.Item>
      ) : null}
      {fields.includes('reason') ? (
        <Form.Item
          name="reason"
          label={t('sgReason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('sgReasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={500} showCount />
        </Form.Item>
      ) : null}
      {fields.includes('note') ? (
        <Form.Item name="note" label={t('sgNote')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
        </Form.Item>
      ) : null}
      {fields.includes('assign') ? (
        <>
          <AssignedOnField bodyId={detail.bodyId} />
          <UnitRolesField bodyId={detail.bodyId} />
        </>
      ) : null}
    </FormModal>
  );
}
