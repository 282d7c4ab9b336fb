import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { activityKindLabels } from '../../../shared/schemas/supervision.js';
import { FormModal } from '../../components/FormModal.js';
import { dayString, todayInBeijing } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { useRecordActivity, useReportProgress } from './supervision.api.js';

type ActivityKind = keyof typeof activityKindLabels;
interface ActivityValues {
  kind: ActivityKind;
  activityOn: Dayjs;
  summary: string;
  participants?: string;
}
interface ProgressValues {
  reportOn: Dayjs;
  text: string;
  percent?: number | null;
}

const notFuture = (day: Dayjs) => (dayString(day) ?? '') > todayInBeijing();

/** 记录督办活动: a meeting, a site visit or a report heard, by a sponsor, supervisor or the office. */
export function ActivityDialog({ id, open, onClose }: { id: string; open: boolean; onClose: () => void }) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const record = useRecordActivity();
  const submit = async (values: ActivityValues) => {
    await record.mutateAsync({
      id,
      input: {
        kind: values.kind,
        activityOn: dayString(values.activityOn) ?? '',
        summary: values.summary,
        participants: values.participants?.trim() || null,
      },
    });
    message.success(t('hdSaved'));
  };
  return (
    <FormModal<ActivityValues>
      open={open}
      title={t('svActivityAdd')}
      initialValues={{ kind: 'meeting', activityOn: dayjs(todayInBeijing()) }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="kind" label={t('svActivityKind')} rules={[{ required: true }]}>
        <Select
          options={(Object.keys(activityKindLabels) as ActivityKind[]).map((k) => ({
            value: k,
            label: pick(activityKindLabels[k]),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="activityOn"
        label={t('svActivityOn')}
        rules={[{ required: true, message: t('hdRequired') }]}
      >
        <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={notFuture} />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('svActivitySummary')}
        rules={[{ required: true, whitespace: true, min: 5, message: t('hdMinChars', { count: 5 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="participants" label={t('svParticipants')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

/** 报告办理进展: a handling unit's progress report on a key item. */
export function ProgressDialog({ id, open, onClose }: { id: string; open: boolean; onClose: () => void }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const report = useReportProgress();
  const submit = async (values: ProgressValues) => {
    await report.mutateAsync({
      id,
      input: {
        reportOn: dayString(values.reportOn) ?? '',
        text: values.text,
        ...(typeof values.percent === 'number' ? { percent: values.percent } : {}),
      },
    });
    message.success(t('hdSaved'));
  };
  return (
    <FormModal<ProgressValues>
      open={open}
      title={t('svProgressAdd')}
      initialValues={{ reportOn: dayjs(todayInBeijing()) }}
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
      <Form.Item name="percent" label={t('svPercent')}>
        <InputNumber min={0} max={100} suffix="%" style={{ width: 140 }} />
      </Form.Item>
    </FormModal>
  );
}
