import { App, DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Assignment } from '../../../shared/schemas/suggestions.js';
import { FormModal } from '../../components/FormModal.js';
import { dayString } from '../../format/time.js';
import type { MessageKey } from '../../i18n/dictionary.js';
import { useLocale } from '../../i18n/locale.js';
import { useHandlingAction } from './handling.api.js';
import type { HandlingAction } from './handling.api.js';

interface StepValues {
  opinion?: string;
  newDueOn?: Dayjs;
  reason?: string;
  note?: string;
}

const done: Record<HandlingAction, MessageKey> = {
  submit_opinion: 'hdOpinionDone',
  request_extension: 'hdExtensionSent',
  approve_extension: 'hdDecided',
  refuse_extension: 'hdDecided',
};

/** The small form of a handling step: 协办意见, 申请延期, 同意/不同意延期. Server refusals show above it. */
export function StepDialog({
  assignment,
  action,
  label,
  onClose,
}: {
  assignment: Assignment;
  action: HandlingAction | null;
  label: string;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const run = useHandlingAction();
  const min5 = [{ required: true, whitespace: true, min: 5, message: t('hdMinChars', { count: 5 }) }];

  const submit = async (values: StepValues) => {
    if (!action) return;
    const input: Record<string, unknown> =
      action === 'submit_opinion'
        ? { opinion: values.opinion }
        : action === 'request_extension'
          ? { newDueOn: dayString(values.newDueOn), reason: values.reason }
          : { note: values.note ?? '' };
    await run.mutateAsync({ id: assignment.id, action, input });
    message.success(t(done[action]));
  };

  return (
    <FormModal<StepValues>
      open={action !== null}
      title={`${label} · ${assignment.unitName}`}
      okText={label}
      onSubmit={submit}
      onClose={onClose}
    >
      {action === 'submit_opinion' ? (
        <Form.Item name="opinion" label={t('hdOpinion')} rules={min5}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={2000} showCount />
        </Form.Item>
      ) : null}
      {action === 'request_extension' ? (
        <>
          <Typography.Paragraph type="secondary">
            {t('hdReplyDueNow', { date: assignment.replyDueOn })}
          </Typography.Paragraph>
          <Form.Item
            name="newDueOn"
            label={t('hdExtensionNewDue')}
            rules={[{ required: true, message: t('hdRequired') }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly
              disabledDate={(day) => (dayString(day) ?? '') <= assignment.replyDueOn}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('hdExtensionReason')} rules={min5}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount />
          </Form.Item>
        </>
      ) : null}
      {action === 'approve_extension' || action === 'refuse_extension' ? (
        <>
          <Typography.Paragraph>
            {t('hdExtensionAsk', {
              unit: assignment.unitName,
              date: assignment.extensionRequestedDueOn ?? '',
              reason: assignment.extensionReason ?? '',
            })}
          </Typography.Paragraph>
          <Form.Item name="note" label={t('hdNote')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
          </Form.Item>
        </>
      ) : null}
    </FormModal>
  );
}
