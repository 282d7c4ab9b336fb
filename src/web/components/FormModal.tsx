import { useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { showFieldErrors } from '../api/form-errors.js';
import { useLocale } from '../i18n/locale.js';
import { errorText } from './error-text.js';

interface FormModalProps<Values> {
  open: boolean;
  title: string;
  /** Applied each time the dialog opens (the form is rebuilt on every opening). */
  initialValues?: Partial<Values>;
  /** Save; a thrown API error is shown on its fields, or above the form. */
  onSubmit: (values: Values) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode | ((form: FormInstance<Values>) => ReactNode);
  width?: number;
  okText?: string;
  /** Nothing to submit (e.g. the action is not open): the OK button is greyed out. */
  okDisabled?: boolean;
}

/** A dialog holding one form: loading state, field errors from the API, closes on success. */
export function FormModal<Values extends object>({
  open,
  title,
  initialValues,
  onSubmit,
  onClose,
  children,
  width,
  okText,
  okDisabled = false,
}: FormModalProps<Values>) {
  const { t } = useLocale();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      if (!showFieldErrors(form, error)) setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('save')}
      cancelText={t('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setFailure(null)}
      confirmLoading={busy}
      okButtonProps={{ disabled: okDisabled }}
      width={width}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
      >
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
