import { App, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Assignment } from '../../../shared/schemas/suggestions.js';
import { FormModal } from '../../components/FormModal.js';
import { dayString, dayValue } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { useSavePlan } from './handling.api.js';

interface PlanValues {
  handlerName: string;
  handlerPhone: string;
  plan: string;
  plannedFinishOn: Dayjs;
}

/** 办理方案（“三定”）：承办人、联系电话、方案、计划办结日期（不晚于答复期限）. */
export function PlanDialog({
  assignment,
  open,
  onClose,
}: {
  assignment: Assignment;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const save = useSavePlan();
  const due = assignment.replyDueOn;

  const submit = async (values: PlanValues) => {
    await save.mutateAsync({
      id: assignment.id,
      input: {
        handlerName: values.handlerName,
        handlerPhone: values.handlerPhone,
        plan: values.plan,
        plannedFinishOn: dayString(values.plannedFinishOn) ?? '',
      },
    });
    message.success(t('hdSaved'));
  };

  return (
    <FormModal<PlanValues>
      open={open}
      title={`${t('hdPlan')} · ${assignment.unitName}`}
      initialValues={{
        handlerName: assignment.handlerName ?? '',
        plan: assignment.plan ?? '',
        plannedFinishOn: dayValue(assignment.plannedFinishOn),
      }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="handlerName"
        label={t('hdHandlerName')}
        rules={[{ required: true, whitespace: true, message: t('hdRequired') }]}
      >
        <Input maxLength={40} autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="handlerPhone"
        label={t('hdHandlerPhone')}
        rules={[{ required: true, whitespace: true, min: 5, message: t('hdMinChars', { count: 5 }) }]}
      >
        <Input maxLength={20} inputMode="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item
        name="plan"
        label={t('hdPlanText')}
        rules={[{ required: true, whitespace: true, min: 5, message: t('hdMinChars', { count: 5 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item
        name="plannedFinishOn"
        label={t('hdPlannedFinishOn')}
        extra={`≤ ${due}`}
        rules={[
          { required: true, message: t('hdRequired') },
          {
            validator: (_, value: Dayjs | undefined) =>
              (dayString(value) ?? '') > due
                ? Promise.reject(new Error(t('hdPlannedFinishLate', { date: due })))
                : Promise.resolve(),
          },
        ]}
      >
        <DatePicker
          style={{ width: '100%' }}
          inputReadOnly
          disabledDate={(day) => (dayString(day) ?? '') > due}
        />
      </Form.Item>
    </FormModal>
  );
}
