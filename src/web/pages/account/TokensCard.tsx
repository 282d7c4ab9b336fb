import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, InputNumber, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ApiOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { showFieldErrors } from '../../api/form-errors.js';
import { authApi } from '../../auth/auth.api.js';
import type { ApiToken, ApiTokenCreateInput } from '../../auth/auth.api.js';
import { showError } from '../../components/error-text.js';
import { OneTimeSecretModal } from '../../components/OneTimeSecretModal.js';
import { formatDateTime, isInFuture } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';

const tokensKey = ['auth', 'tokens'] as const;

/** Personal API tokens: list, create (shown once), revoke (confirmed). */
export function TokensCard() {
  const { t } = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ApiTokenCreateInput>();
  const [created, setCreated] = useState<string | null>(null);
  const tokens = useQuery({ queryKey: tokensKey, queryFn: authApi.tokens });
  const refetch = () => queryClient.invalidateQueries({ queryKey: tokensKey });
  const create = useMutation({ mutationFn: authApi.createToken, onSuccess: refetch });
  const revoke = useMutation({ mutationFn: authApi.revokeToken, onSuccess: refetch });

  const submit = async (values: ApiTokenCreateInput) => {
    try {
      const token = await create.mutateAsync({
        name: values.name,
        expiresInDays: values.expiresInDays ?? null,
      });
      form.resetFields();
      setCreated(token.token);
    } catch (error) {
      if (!showFieldErrors(form, error)) showError(message, error, t);
    }
  };

  const doRevoke = async (token: ApiToken) => {
    try {
      await revoke.mutateAsync(token.id);
      message.success(t('tokenRevokeDone'));
    } catch (error) {
      showError(message, error, t);
    }
  };

  const status = (token: ApiToken) => {
    if (token.revokedAt) return <Tag>{t('tokenRevoked')}</Tag>;
    if (token.expiresAt && !isInFuture(token.expiresAt))
      return <Tag color="warning">{t('tokenExpired')}</Tag>;
    return <Tag color="success">{t('tokenActive')}</Tag>;
  };

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokenName'), dataIndex: 'name', key: 'name' },
    { title: t('tokenStatus'), key: 'status', width: 90, render: (_value, token) => status(token) },
    {
      title: t('tokenCreatedAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 150,
      render: formatDateTime,
    },
    {
      title: t('tokenLastUsedAt'),
      dataIndex: 'lastUsedAt',
      key: 'lastUsedAt',
      width: 150,
      render: (value: string | null) => (value ? formatDateTime(value) : t('tokenNever')),
    },
    {
      title: t('tokenExpiresAt'),
      dataIndex: 'expiresAt',
      key: 'expiresAt',
      width: 150,
      render: (value: string | null) => (value ? formatDateTime(value) : t('tokenNoExpiry')),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 90,
      render: (_value, token) =>
        token.revokedAt ? null : (
          <Popconfirm
            title={t('tokenRevoke')}
            description={<div style={{ maxWidth: 260 }}>{t('tokenRevokeConfirm', { name: token.name })}</div>}
            okText={t('tokenRevoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('cancel')}
            onConfirm={() => doRevoke(token)}
          >
            <Button type="link" danger size="small">
              {t('tokenRevoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      className="minyi-table-card"
      title={
        <>
          <ApiOutlined /> {t('tokensTitle')}
        </>
      }
    >
      <Typography.Paragraph type="secondary">{t('tokensIntro')}</Typography.Paragraph>
      <Form<ApiTokenCreateInput> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Flex gap={8} wrap align="flex-end">
          <Form.Item
            name="name"
            label={t('tokenName')}
            rules={[
              { required: true, whitespace: true, message: t('fieldRequired', { field: t('tokenName') }) },
            ]}
            style={{ flex: '2 1 220px' }}
          >
            <Input maxLength={60} placeholder={t('tokenNamePlaceholder')} />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('tokenExpiresInDays')} style={{ flex: '1 1 160px' }}>
            <InputNumber
              min={1}
              max={730}
              precision={0}
              placeholder={t('tokenNeverExpires')}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item style={{ flex: 'none' }}>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={create.isPending}>
              {t('tokenCreate')}
            </Button>
          </Form.Item>
        </Flex>
      </Form>
      <Table<ApiToken>
        rowKey="id"
        columns={columns}
        dataSource={tokens.data}
        loading={tokens.isPending}
        pagination={false}
        scroll={{ x: 760 }}
        size="small"
      />
      <OneTimeSecretModal
        secret={created}
        title={t('tokenCreatedTitle')}
        label={t('tokensTitle')}
        onClose={() => setCreated(null)}
      />
    </Card>
  );
}
