import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { useLocale } from '../i18n/locale.js';
import { SecretText } from './SecretText.js';

interface OneTimeSecretModalProps {
  /** The secret to show; the modal is open while it is set. */
  secret: string | null;
  title: string;
  description?: string;
  label?: string;
  onClose: () => void;
}

/** Shows a secret the server returns only once (initial password, temporary password, API token). */
export function OneTimeSecretModal({ secret, title, description, label, onClose }: OneTimeSecretModalProps) {
  const { t } = useLocale();
  return (
    <Modal
      open={secret !== null}
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('oneTimeSecretDone')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        {description ? (
          <Typography.Paragraph style={{ margin: 0 }}>{description}</Typography.Paragraph>
        ) : null}
        {secret ? <SecretText value={secret} label={label} /> : null}
        <Alert type="warning" showIcon title={t('oneTimeSecretWarning')} />
      </Flex>
    </Modal>
  );
}
