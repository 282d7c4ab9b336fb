import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Typography } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { showFieldErrors } from '../api/form-errors.js';
import { errorText } from '../components/error-text.js';
import { SecretText } from '../components/SecretText.js';
import { useLocale } from '../i18n/locale.js';
import { authApi } from './auth.api.js';
import type { TotpSetup } from './auth.api.js';
import { TotpCodeItem } from './TotpCodeItem.js';

/**
 * Turning on the authenticator: generate a key, add it to the app by hand (no QR code yet), then
 * confirm with a code. Used by the forced step at sign-in and by the account page.
 */
export function TotpSetupPanel({ onEnabled }: { onEnabled: () => void }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string }>();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const begin = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setSetup(await authApi.beginTotpSetup());
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  const enable = async ({ code }: { code: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      await authApi.enableTotp(code);
      message.success(t('totpEnabled'));
      onEnabled();
    } catch (error) {
      if (!showFieldErrors(form, error)) setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <ol style={{ margin: 0, paddingInlineStart: 20 }}>
        <li>{t('totpSetupStep1')}</li>
        <li>{t('totpSetupStep2')}</li>
        <li>{t('totpSetupStep3')}</li>
      </ol>
      {failure ? <Alert type="error" showIcon title={failure} /> : null}
      {setup ? (
        <>
          <SecretText label={t('totpSecret')} value={setup.secret} />
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">{t('totpUrl')}</Typography.Text>
            <Typography.Paragraph copyable style={{ wordBreak: 'break-all', margin: 0, fontSize: 12 }}>
              {setup.otpauthUrl}
            </Typography.Paragraph>
          </Flex>
          <Form form={form} layout="vertical" onFinish={(values) => void enable(values)}>
            <TotpCodeItem autoFocus />
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t('totpEnable')}
            </Button>
          </Form>
        </>
      ) : (
        <Button type="primary" icon={<KeyOutlined />} loading={busy} onClick={() => void begin()} block>
          {t('totpStart')}
        </Button>
      )}
    </Flex>
  );
}
