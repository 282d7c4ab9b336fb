import { Alert, App, Button, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useLocale } from '../../i18n/locale.js';
import { copyText } from '../copy-text.js';

export interface CreatedAccount {
  username: string;
  initialPassword: string;
}

/**
 * Accounts an import created, with the generated passwords the server returns only this once:
 * a warning, the list and one button copying it all (tab-separated, so it pastes into Excel).
 */
export function CreatedAccounts({ accounts }: { accounts: readonly CreatedAccount[] }) {
  const { t } = useLocale();
  const { message } = App.useApp();

  const copyAll = async () => {
    const header = `${t('userUsername')}\t${t('importInitialPassword')}`;
    const lines = accounts.map((account) => `${account.username}\t${account.initialPassword}`);
    if (await copyText([header, ...lines].join('\n'))) void message.success(t('copied'));
    else void message.warning(t('copyFailed'));
  };

  const columns: TableColumnsType<CreatedAccount> = [
    { title: t('userUsername'), dataIndex: 'username', key: 'username' },
    {
      title: t('importInitialPassword'),
      dataIndex: 'initialPassword',
      key: 'initialPassword',
      render: (password: string) => (
        <Typography.Text code copyable={{ text: password }} className="minyi-import-password">
          {password}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong>{t('importAccountsTitle', { count: accounts.length })}</Typography.Text>
        <Button type="primary" icon={<CopyOutlined />} onClick={() => void copyAll()}>
          {t('importAccountsCopyAll')}
        </Button>
      </Flex>
      <Alert type="warning" showIcon title={t('importAccountsWarning')} />
      <Table<CreatedAccount>
        rowKey="username"
        size="small"
        columns={columns}
        dataSource={[...accounts]}
        scroll={{ x: 360 }}
        pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true, showSizeChanger: false }}
      />
    </Flex>
  );
}
