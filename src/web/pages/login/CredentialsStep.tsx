import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { Me } from '../../../shared/schemas/auth.js';
import { isApiError } from '../../api/api-error.js';
import { showFieldErrors } from '../../api/form-errors.js';
import { authApi } from '../../auth/auth.api.js';
import type { LoginInput } from '../../auth/auth.api.js';
import { errorText } from '../../components/error-text.js';
import { formatDateTime } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';

/** Username and password. Wrong password and lock-out are told in the server's words. */
export function CredentialsStep({
  notice,
  onSignedIn,
}: {
  notice: string | null;
  onSignedIn: (me: Me) => void;
}) {
  const { t } = useLocale();
  const [form] = Form.useForm<LoginInput>();
  const [failure, setFailure] = useState<{ text: string; locked: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: LoginInput) => {
    setBusy(true);
    setFailure(null);
    try {
      onSignedIn(await authApi.login(values));
    } catch (error) {
      if (showFieldErrors(form, error)) return;
      const locked = isApiError(error) && error.status === 423;
      const until = locked ? error.stringExtension('lockedUntil') : null;
      const text = until
        ? `${errorText(error, t)} ${t('loginLockedHint', { time: formatDateTime(until) })}`
        : errorText(error, t);
      setFailure({ text, locked });
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<LoginInput> form={form} layout="vertical" size="large" onFinish={(values) => void submit(values)}>
      {notice && !failure ? <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} /> : null}
      {failure ? (
        <Alert
          type={failure.locked ? 'warning' : 'error'}
          showIcon
          title={failure.text}
          style={{ marginBottom: 16 }}
          role="alert"
        />
      ) : null}
      <Form.Item
        name="username"
        label={t('loginUsername')}
        rules={[{ required: true, whitespace: true, message: t('loginUsernameRequired') }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="off" autoFocus />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('loginPassword')}
        rules={[{ required: true, message: t('loginPasswordRequired') }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('loginSubmit')}
      </Button>
    </Form>
  );
}
