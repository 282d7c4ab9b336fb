import { App, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../components/FormModal.js';
import { dayString, todayInBeijing } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { useRecordAction } from './records.api.js';

interface ReturnValues {
  dueOn: Dayjs;
  reason: string;
}

/** 退回重新办理: the office sends the record back to the unit with a time limit and reasons. */
export function ReturnDialog({
  suggestionId,
  open,
  onClose,
}: {
  suggestionId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const run = useRecordAction();
  const today = todayInBeijing();
  const submit = async (values: ReturnValues) => {
    await run.mutateAsync({
      id: suggestionId,
      action: 'return',
      input: { dueOn: dayString(values.dueOn) ?? '', reason: values.reason },
    });
    message.success(t('rcReturnDone'));
  };
  return (
    <FormModal<ReturnValues>
      open={open}
      title={t('rcReturnTitle')}
      okText={t('rcReturn')}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="dueOn" label={t('rcReturnDue')} rules={[{ required: true, message: t('hdRequired') }]}>
        <DatePicker
          style={{ width: '100%' }}
          inputReadOnly
          disabledDate={(day) => (dayString(day) ?? '') <= today}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('rcReturnReason')}
        rules={[{ required: true, whitespace: true, min: 5, message: t('hdMinChars', { count: 5 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
