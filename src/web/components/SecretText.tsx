import { App, Button, Flex, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useLocale } from '../i18n/locale.js';
import { copyText } from './copy-text.js';

/** A secret (password, token, key) in large monospaced text with a copy button. */
export function SecretText({ value, label }: { value: string; label?: string }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const onCopy = async () => {
    if (await copyText(value)) message.success(t('copied'));
    else message.warning(t('copyFailed'));
  };
  return (
    <Flex vertical gap={4}>
      {label ? <Typography.Text type="secondary">{label}</Typography.Text> : null}
      <Flex gap={8} align="center" wrap>
        <Typography.Text className="minyi-secret" aria-label={label}>
          {value}
        </Typography.Text>
        <Button icon={<CopyOutlined />} onClick={() => void onCopy()}>
          {t('copy')}
        </Button>
      </Flex>
    </Flex>
  );
}
