import type { ReactNode } from 'react';
import { Card, Col, Form, Input, InputNumber, Row, Switch } from 'antd';
import type { FormRule } from 'antd';
import type { ChannelName, NotificationChannels } from '../../../shared/schemas/notifications.js';
import { channelLabels } from '../../../shared/schemas/notifications.js';
import type { MessageKey } from '../../i18n/dictionary.js';
import { useLocale } from '../../i18n/locale.js';
import { SecretInput } from './SecretInput.js';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Required while the channel's switch is on (the server checks the same). */
function requiredWhenEnabled(channel: ChannelName, label: string, t: T): FormRule[] {
  return [
    ({ getFieldValue }) => ({
      required: getFieldValue([channel, 'enabled']) === true,
      whitespace: true,
      message: t('channelFieldRequired', { field: label }),
    }),
  ];
}

const urlRule = (t: T): FormRule => ({ type: 'url', message: t('channelUrlInvalid') });

/** A channel's card: its name, an 「启用」 switch in the header, its fields below. */
function ChannelCard({ channel, children }: { channel: ChannelName; children: ReactNode }) {
  const { t, pick } = useLocale();
  return (
    <Card
      title={pick(channelLabels[channel])}
      extra={
        <Form.Item name={[channel, 'enabled']} valuePropName="checked" noStyle>
          <Switch checkedChildren={t('channelOn')} unCheckedChildren={t('channelOff')} />
        </Form.Item>
      }
    >
      <Row gutter={16}>{children}</Row>
    </Card>
  );
}

export function SmsCard({ stored }: { stored: NotificationChannels }) {
  const { t } = useLocale();
  return (
    <ChannelCard channel="sms">
      <Col xs={24} lg={14}>
        <Form.Item
          name={['sms', 'gatewayUrl']}
          label={t('smsGatewayUrl')}
          extra={t('smsGatewayHelp')}
          dependencies={[['sms', 'enabled']]}
          rules={[...requiredWhenEnabled('sms', t('smsGatewayUrl'), t), urlRule(t)]}
        >
          <Input placeholder="https://sms.example.gov.cn/api/send" maxLength={500} />
        </Form.Item>
      </Col>
      <Col xs={24} lg={10}>
        <Form.Item name={['sms', 'token']} label={t('smsToken')} extra={t('smsTokenHelp')}>
          <SecretInput stored={stored.sms.token} />
        </Form.Item>
      </Col>
    </ChannelCard>
  );
}

export function EmailCard({ stored }: { stored: NotificationChannels }) {
  const { t } = useLocale();
  return (
    <ChannelCard channel="email">
      <Col xs={24} md={14} lg={10}>
        <Form.Item
          name={['email', 'host']}
          label={t('emailHost')}
          dependencies={[['email', 'enabled']]}
          rules={requiredWhenEnabled('email', t('emailHost'), t)}
        >
          <Input placeholder="smtp.example.gov.cn" maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={12} md={5} lg={4}>
        <Form.Item name={['email', 'port']} label={t('emailPort')} rules={[{ required: true }]}>
          <InputNumber min={1} max={65535} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={5} lg={10}>
        <Form.Item
          name={['email', 'secure']}
          label={t('emailSecure')}
          extra={t('emailSecureHelp')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} lg={7}>
        <Form.Item name={['email', 'username']} label={t('emailUsername')}>
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} lg={7}>
        <Form.Item name={['email', 'password']} label={t('emailPassword')}>
          <SecretInput stored={stored.email.password} />
        </Form.Item>
      </Col>
      <Col xs={24} lg={10}>
        <Form.Item
          name={['email', 'sender']}
          label={t('emailSender')}
          extra={t('emailSenderHelp')}
          dependencies={[['email', 'enabled']]}
          rules={requiredWhenEnabled('email', t('emailSender'), t)}
        >
          <Input placeholder="民意平台 <noreply@example.gov.cn>" maxLength={200} />
        </Form.Item>
      </Col>
    </ChannelCard>
  );
}

export function DingTalkCard({ stored }: { stored: NotificationChannels }) {
  const { t } = useLocale();
  return (
    <ChannelCard channel="dingtalk">
      <Col xs={24} lg={14}>
        <Form.Item
          name={['dingtalk', 'webhookUrl']}
          label={t('dingtalkWebhook')}
          dependencies={[['dingtalk', 'enabled']]}
          rules={[...requiredWhenEnabled('dingtalk', t('dingtalkWebhook'), t), urlRule(t)]}
        >
          <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" maxLength={500} />
        </Form.Item>
      </Col>
      <Col xs={24} lg={10}>
        <Form.Item name={['dingtalk', 'secret']} label={t('dingtalkSecret')} extra={t('dingtalkSecretHelp')}>
          <SecretInput stored={stored.dingtalk.secret} />
        </Form.Item>
      </Col>
    </ChannelCard>
  );
}
