import { useState } from 'react';
import { Alert, Button, Form, Typography } from 'antd';
import type { Me } from '../../../shared/schemas/auth.js';
import { showFieldErrors } from '../../api/form-errors.js';
import { authApi } from '../../auth/auth.api.js';
import { TotpCodeItem } from '../../auth/TotpCodeItem.js';
import { errorText } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';

/** Second step for users with an authenticator: the 6-digit code. */
export function TotpVerifyStep({ onVerified }: { onVerified: (me: Me) => void }) {
  const { t } = useLocale();
  const [form] = Form.useForm<{ code: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ code }: { code: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      onVerified(await authApi.verifyTotp(code));
    } catch (error) {
      form.setFieldValue('code', '');
      if (!showFieldErrors(form, error)) setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
      <Typography.Paragraph type="secondary">{t('totpHint')}</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
      <TotpCodeItem autoFocus />
      <Button type="primary" htmlType="submit" size="large" block loading={busy}>
        {t('totpVerify')}
      </Button>
    </Form>
  );
}
