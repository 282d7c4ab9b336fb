import { Button, Empty, Flex, Popconfirm, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { SuggestionDetail } from '../../../../shared/schemas/suggestions.js';
import { signerStatusLabels } from '../../../../shared/schemas/suggestions.js';
import { formatDateTime } from '../../../format/time.js';
import { useLocale } from '../../../i18n/locale.js';

const signerColors = {
  invited: 'warning',
  confirmed: 'success',
  declined: 'error',
  lapsed: 'default',
  merged: 'purple',
} as const;

type Signer = SuggestionDetail['signers'][number];

/** Co-signers with their answer; the lead deputy may remove one before submission. */
export function SignersList({
  signers,
  onRemove,
}: {
  signers: Signer[];
  onRemove?: (signer: Signer) => Promise<unknown>;
}) {
  const { t, pick } = useLocale();
  if (signers.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sgNoSigners')} />;
  return (
    <Flex vertical gap={6}>
      {signers.map((signer) => (
        <Flex
          key={signer.deputyId}
          align="center"
          gap={8}
          className="minyi-list-row"
          data-testid="signer-row"
        >
          <Typography.Text strong style={{ flex: 'none' }}>
            {signer.name}
          </Typography.Text>
          <Tag color={signerColors[signer.status]}>{pick(signerStatusLabels[signer.status])}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12, flex: 1, minWidth: 0 }} ellipsis>
            {signer.respondedAt ? formatDateTime(signer.respondedAt) : formatDateTime(signer.invitedAt)}
          </Typography.Text>
          {onRemove && signer.status !== 'merged' ? (
            <Popconfirm
              title={t('sgSignerRemoveConfirm', { name: signer.name })}
              okText={t('remove')}
              okButtonProps={{ danger: true }}
              cancelText={t('cancel')}
              onConfirm={() => onRemove(signer)}
            >
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('remove')} />
            </Popconfirm>
          ) : null}
        </Flex>
      ))}
    </Flex>
  );
}
