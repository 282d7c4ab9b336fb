import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { showFieldErrors } from '../../api/form-errors.js';
import { authApi } from '../../auth/auth.api.js';
import { useSession } from '../../auth/session.js';
import { TotpSetupPanel } from '../../auth/TotpSetupPanel.js';
import { errorText } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';

/** Turn the authenticator on (setup panel) or off (password confirmation). */
export function TotpCard() {
  const { t } = useLocale();
  const { message } = App.useApp();
  const { me, refresh } = useSession();
  const [settingUp, setSettingUp] = useState(false);
  const [disabling, setDisabling] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // Named as the server names it in its answer to a wrong password, so the error lands here.
  const [form] = Form.useForm<{ currentPassword: string }>();

  const disable = async ({ currentPassword }: { currentPassword: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      await authApi.disableTotp(currentPassword);
      message.success(t('accountTotpDisabled'));
      setDisabling(false);
      await refresh();
    } catch (error) {
      if (!showFieldErrors(form, error)) setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  if (!me) return null;
  return (
    <Card
      title={
        <>
          <SafetyCertificateOutlined /> {t('accountTotp')}
        </>
      }
    >
      <Flex vertical gap={12}>
        <Alert
          type={me.totpEnabled ? 'success' : 'warning'}
          showIcon
          title={me.totpEnabled ? t('accountTotpOnText') : t('accountTotpOffText')}
        />
        {me.totpEnabled ? (
          <Button danger onClick={() => setDisabling(true)} style={{ alignSelf: 'flex-start' }}>
            {t('accountTotpDisable')}
          </Button>
        ) : settingUp ? (
          <TotpSetupPanel
            onEnabled={() => {
              setSettingUp(false);
              void refresh();
            }}
          />
        ) : (
          <Button type="primary" onClick={() => setSettingUp(true)} style={{ alignSelf: 'flex-start' }}>
            {t('accountTotpSetup')}
          </Button>
        )}
      </Flex>
      <Modal
        open={disabling}
        title={t('accountTotpDisable')}
        okText={t('accountTotpDisable')}
        okButtonProps={{ danger: true }}
        cancelText={t('cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => {
          setDisabling(false);
          setFailure(null);
          form.resetFields();
        }}
        forceRender
      >
        <Typography.Paragraph>{t('accountTotpDisableConfirm')}</Typography.Paragraph>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" onFinish={(values) => void disable(values)}>
          <Form.Item
            name="currentPassword"
            label={t('currentPassword')}
            rules={[{ required: true, message: t('passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
