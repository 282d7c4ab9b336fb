import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import type { NotificationChannels } from '../../../shared/schemas/notifications.js';
import { useSession } from '../../auth/session.js';
import { showFieldErrors } from '../../api/form-errors.js';
import { errorText } from '../../components/error-text.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageSpin } from '../../components/PageSpin.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { useHoldsRoleAtTop } from '../bodies/bodies.api.js';
import { DingTalkCard, EmailCard, SmsCard } from './ChannelCards.js';
import { useNotificationChannels, useSaveNotificationChannels } from './notification-channels.api.js';
import type { NotificationChannelsInput } from './notification-channels.api.js';
import type { SecretChange } from './SecretInput.js';

/** The form's values: texts as typed ('' for none), secrets as changes (see `SecretChange`). */
interface ChannelValues {
  siteUrl: string;
  sms: { enabled: boolean; gatewayUrl: string; token?: SecretChange };
  email: {
    enabled: boolean;
    host: string;
    port: number;
    secure: boolean;
    username: string;
    password?: SecretChange;
    sender: string;
  };
  dingtalk: { enabled: boolean; webhookUrl: string; secret?: SecretChange };
}

/** Secrets start as "keep": the masked value is only a placeholder, never sent back. */
function toValues(settings: NotificationChannels): ChannelValues {
  const { siteUrl, sms, email, dingtalk } = settings;
  return {
    siteUrl: siteUrl ?? '',
    sms: { enabled: sms.enabled, gatewayUrl: sms.gatewayUrl ?? '' },
    email: {
      enabled: email.enabled,
      host: email.host ?? '',
      port: email.port,
      secure: email.secure,
      username: email.username ?? '',
      sender: email.sender ?? '',
    },
    dingtalk: { enabled: dingtalk.enabled, webhookUrl: dingtalk.webhookUrl ?? '' },
  };
}

const text = (value: string | undefined) => value?.trim() || null;
/** Left out keeps the stored secret; '' clears it. */
const secret = (change: SecretChange) => (change === null ? '' : change);

function toInput(values: ChannelValues): NotificationChannelsInput {
  const { sms, email, dingtalk } = values;
  return {
    siteUrl: text(values.siteUrl),
    sms: { enabled: sms.enabled, gatewayUrl: text(sms.gatewayUrl), token: secret(sms.token) },
    email: {
      enabled: email.enabled,
      host: text(email.host),
      port: email.port,
      secure: email.secure,
      username: text(email.username),
      password: secret(email.password),
      sender: text(email.sender),
    },
    dingtalk: {
      enabled: dingtalk.enabled,
      webhookUrl: text(dingtalk.webhookUrl),
      secret: secret(dingtalk.secret),
    },
  };
}

/** SMS gateway, SMTP email and DingTalk robot settings (`GET/PUT /settings/notification-channels`). */
export function NotificationChannelsPage() {
  const { t } = useLocale();
  const { message } = App.useApp();
  const { me } = useSession();
  const canEdit = useHoldsRoleAtTop(me, ['admin']);
  const settings = useNotificationChannels();
  const save = useSaveNotificationChannels();
  const [form] = Form.useForm<ChannelValues>();
  const [failure, setFailure] = useState<string | null>(null);

  // A save answers the stored (masked) settings: start again from them, secrets back to "keep".
  useEffect(() => {
    if (settings.data) form.resetFields();
  }, [settings.data, form]);

  const submit = async (values: ChannelValues) => {
    setFailure(null);
    try {
      await save.mutateAsync(toInput(values));
      message.success(t('saved'));
    } catch (error) {
      if (!showFieldErrors(form, error)) setFailure(errorText(error, t));
    }
  };

  if (settings.isPending) return <PageSpin />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;

  return (
    <>
      <PageHeader title={t('channelsTitle')} intro={t('channelsIntro')} />
      <Form<ChannelValues>
        form={form}
        layout="vertical"
        disabled={!canEdit}
        initialValues={toValues(settings.data)}
        onFinish={(values) => void submit(values)}
      >
        <Flex vertical gap={16}>
          <Alert type="info" showIcon title={t('channelsHelp')} />
          {failure ? <Alert type="error" showIcon title={failure} /> : null}
          <Card title={t('channelsSite')}>
            <Form.Item
              name="siteUrl"
              label={t('siteUrl')}
              extra={t('siteUrlHelp')}
              rules={[{ type: 'url', message: t('channelUrlInvalid') }]}
              style={{ marginBottom: 0, maxWidth: 560 }}
            >
              <Input placeholder="https://minyi.example.gov.cn" maxLength={500} />
            </Form.Item>
          </Card>
          <SmsCard stored={settings.data} />
          <EmailCard stored={settings.data} />
          <DingTalkCard stored={settings.data} />
          {canEdit ? (
            <div className="minyi-sticky-actions">
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
                {t('save')}
              </Button>
            </div>
          ) : null}
        </Flex>
      </Form>
    </>
  );
}
