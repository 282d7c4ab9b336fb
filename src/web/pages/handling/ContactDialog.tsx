import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import {
  contactMethodLabels,
  contactMethodSchema,
  contactStageLabels,
  contactStageSchema,
} from '../../../shared/schemas/handling.js';
import type { Assignment } from '../../../shared/schemas/suggestions.js';
import { FormModal } from '../../components/FormModal.js';
import { dayString } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { useAddContact } from './handling.api.js';
import type { ContactInput } from './handling.api.js';

type ContactValues = Omit<ContactInput, 'contactOn'> & { contactOn: Dayjs };

/** One contact with the deputy: 办前/办中/办后, 当面/电话/座谈/现场. */
export function ContactDialog({
  assignment,
  open,
  onClose,
}: {
  assignment: Assignment;
  open: boolean;
  onClose: () => void;
}) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const add = useAddContact();
  const stage = assignment.repliedAt ? 'after' : assignment.plan ? 'during' : 'before';

  const submit = async (values: ContactValues) => {
    await add.mutateAsync({
      id: assignment.id,
      input: { ...values, contactOn: dayString(values.contactOn) ?? '' },
    });
    message.success(t('hdContactAdded'));
  };

  return (
    <FormModal<ContactValues>
      open={open}
      title={`${t('hdContactAdd')} · ${assignment.unitName}`}
      initialValues={{ stage, method: 'face_to_face', contactOn: dayjs() }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="stage" label={t('hdContactStage')} rules={[{ required: true }]}>
        <Select
          options={contactStageSchema.options.map((v) => ({ value: v, label: pick(contactStageLabels[v]) }))}
        />
      </Form.Item>
      <Form.Item name="method" label={t('hdContactMethod')} rules={[{ required: true }]}>
        <Select
          options={contactMethodSchema.options.map((v) => ({
            value: v,
            label: pick(contactMethodLabels[v]),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="contactOn"
        label={t('hdContactOn')}
        rules={[{ required: true, message: t('hdRequired') }]}
      >
        <DatePicker
          style={{ width: '100%' }}
          inputReadOnly
          disabledDate={(day) => day.isAfter(dayjs(), 'day')}
        />
      </Form.Item>
      <Form.Item
        name="participants"
        label={t('hdParticipants')}
        rules={[{ required: true, whitespace: true, message: t('hdRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('hdSummary')}
        rules={[{ required: true, whitespace: true, min: 5, message: t('hdMinChars', { count: 5 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}
