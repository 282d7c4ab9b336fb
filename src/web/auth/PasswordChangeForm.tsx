import { useState } from 'react';
import { Alert, App, Button, Form, Input } from 'antd';
import { passwordProblems } from '../../shared/password-policy.js';
import type { PasswordPolicy } from '../../shared/password-policy.js';
import { securityDefaults } from '../../shared/schemas/settings.js';
import { showFieldErrors } from '../api/form-errors.js';
import { errorText } from '../components/error-text.js';
import { useLocale } from '../i18n/locale.js';
import { authApi } from './auth.api.js';

interface PasswordFormValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * Change one's own password. The hint and live check use the default policy (non-administrators
 * cannot read the policy); the server checks the real one and its answer lands on the field.
 */
export function PasswordChangeForm({
  onChanged,
  policy = securityDefaults,
}: {
  onChanged: () => void;
  policy?: PasswordPolicy;
}) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordFormValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (values: PasswordFormValues) => {
    setSaving(true);
    setFailure(null);
    try {
      await authApi.changePassword({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      message.success(t('passwordChanged'));
      form.resetFields();
      onChanged();
    } catch (error) {
      if (!showFieldErrors(form, error)) setFailure(errorText(error, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<PasswordFormValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('passwordPolicyHint', {
          length: policy.passwordMinLength,
          classes: policy.passwordMinClasses,
        })}
      />
      {failure ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={failure} /> : null}
      <Form.Item
        name="currentPassword"
        label={t('currentPassword')}
        rules={[{ required: true, message: t('passwordRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('newPassword')}
        rules={[
          { required: true, message: t('passwordRequired') },
          {
            validator: async (_rule, value: string | undefined) => {
              const problems = value ? passwordProblems(value, policy) : [];
              if (problems.length > 0) throw new Error(problems.map(pick).join('；'));
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('passwordRequired') },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('passwordMismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} block>
        {t('passwordSubmit')}
      </Button>
    </Form>
  );
}
