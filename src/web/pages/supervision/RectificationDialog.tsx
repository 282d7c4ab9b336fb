import { App, Form, Input } from 'antd';
import type { Rectification } from '../../../shared/schemas/supervision.js';
import { FormModal } from '../../components/FormModal.js';
import { useLocale } from '../../i18n/locale.js';
import type { RectificationAction } from './supervision.api.js';
import { useRectificationAction } from './supervision.api.js';

interface Values {
  reportText?: string;
  explanation?: string;
  note?: string;
}

/** 提交整改报告 (unit: report and written explanation), 整改通过 / 退回 (office, with a note). */
export function RectificationDialog({
  task,
  action,
  onClose,
}: {
  task: Rectification | null;
  action: RectificationAction | null;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const run = useRectificationAction();
  const titles: Record<RectificationAction, string> = {
    submit: t('svRectSubmit'),
    accept: t('svRectAccept'),
    return: t('svRectReturn'),
  };
  const submit = async (values: Values) => {
    if (!task || !action) return;
    const input =
      action === 'submit'
        ? { reportText: values.reportText, explanation: values.explanation }
        : values.note?.trim()
          ? { note: values.note.trim() }
          : {};
    await run.mutateAsync({ id: task.id, action, input });
    message.success(t('hdSaved'));
  };
  const min = (count: number) => ({
    required: true,
    whitespace: true,
    min: count,
    message: t('hdMinChars', { count }),
  });
  return (
    <FormModal<Values>
      open={task !== null && action !== null}
      title={`${action ? titles[action] : ''} · ${task?.unitName ?? ''}`}
      okText={action ? titles[action] : undefined}
      onSubmit={submit}
      onClose={onClose}
      width={640}
    >
      {action === 'submit' ? (
        <>
          <Form.Item name="reportText" label={t('svRectReport')} rules={[min(10)]}>
            <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item name="explanation" label={t('svRectExplanation')} rules={[min(10)]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="note" label={t('svRectNote')} rules={action === 'return' ? [min(2)] : []}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
        </Form.Item>
      )}
    </FormModal>
  );
}
