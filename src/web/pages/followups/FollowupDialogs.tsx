import { App, DatePicker, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../components/FormModal.js';
import { dayString, dayValue, todayInBeijing } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import type { FollowupDetail } from './followups.api.js';
import { useAddFollowupProgress, useFollowupAction } from './followups.api.js';

const notFuture = (day: Dayjs) => (dayString(day) ?? '') > todayInBeijing();

interface ProgressValues {
  reportOn: Dayjs;
  text: string;
  percent: number;
}

/** 报告落实进展: the unit's progress report on its promise (date, text, percent done). */
export function FollowupProgressDialog({
  promise,
  open,
  onClose,
}: {
  promise: FollowupDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const add = useAddFollowupProgress();
  const submit = async (values: ProgressValues) => {
    await add.mutateAsync({
      id: promise.id,
      input: { reportOn: dayString(values.reportOn) ?? '', text: values.text, percent: values.percent },
    });
    message.success(t('hdSaved'));
  };
  return (
    <FormModal<ProgressValues>
      open={open}
      title={t('fuProgressAdd')}
      initialValues={{ reportOn: dayValue(todayInBeijing()), percent: promise.progressPercent ?? 0 }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="reportOn"
        label={t('svReportOn')}
        rules={[{ required: true, message: t('hdRequired') }]}
      >
        <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={notFuture} />
      </Form.Item>
      <Form.Item
        name="text"
        label={t('svProgressText')}
        rules={[{ required: true, whitespace: true, min: 5, message: t('hdMinChars', { count: 5 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="percent" label={t('svPercent')} rules={[{ required: true, message: t('hdRequired') }]}>
        <InputNumber min={0} max={100} suffix="%" style={{ width: 140 }} />
      </Form.Item>
    </FormModal>
  );
}

interface FulfilValues {
  fulfilledOn?: Dayjs;
  note?: string;
  reason?: string;
}

/** 确认已落实 (date and note) or 撤销落实确认 (reason): the office's decisions on a promise. */
export function FollowupDecisionDialog({
  promise,
  action,
  onClose,
}: {
  promise: FollowupDetail;
  action: 'fulfil' | 'reopen' | null;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const run = useFollowupAction();
  const submit = async (values: FulfilValues) => {
    if (!action) return;
    const input =
      action === 'fulfil'
        ? {
            fulfilledOn: dayString(values.fulfilledOn) ?? '',
            ...(values.note?.trim() ? { note: values.note.trim() } : {}),
          }
        : { reason: values.reason ?? '' };
    await run.mutateAsync({ id: promise.id, action, input });
    message.success(t('hdSaved'));
  };
  return (
    <FormModal<FulfilValues>
      open={action !== null}
      title={action === 'fulfil' ? t('fuFulfil') : t('fuReopen')}
      okText={action === 'fulfil' ? t('fuFulfil') : t('fuReopen')}
      initialValues={{ fulfilledOn: dayValue(todayInBeijing()) }}
      onSubmit={submit}
      onClose={onClose}
    >
      {action === 'fulfil' ? (
        <>
          <Form.Item
            name="fulfilledOn"
            label={t('fuFulfilledOn')}
            rules={[{ required: true, message: t('hdRequired') }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly
              disabledDate={(day) => notFuture(day) || (dayString(day) ?? '') < promise.enteredOn}
            />
          </Form.Item>
          <Form.Item name="note" label={t('fuNote')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name="reason"
          label={t('fuReopenReason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('hdMinChars', { count: 2 }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
        </Form.Item>
      )}
    </FormModal>
  );
}
