import { useState } from 'react';
import { App, Alert, Button, Card, Flex, Typography } from 'antd';
import { UsergroupAddOutlined } from '@ant-design/icons';
import type { SuggestionDetail } from '../../../../shared/schemas/suggestions.js';
import { showError } from '../../../components/error-text.js';
import { useLocale } from '../../../i18n/locale.js';
import { useInviteSigners, useRemoveSigner } from '../api/suggestions.api.js';
import { SignersList } from '../components/SignersList.js';
import { DeputyPicker } from './DeputyPicker.js';

/** The lead deputy invites co-signers (联名代表) and sees each one's answer. */
export function SignersCard({ detail }: { detail: SuggestionDetail }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const invite = useInviteSigners();
  const remove = useRemoveSigner();
  const [picked, setPicked] = useState<string[]>([]);
  const confirmed = detail.signers.filter((s) => s.status === 'confirmed').length;
  const pending = detail.signers.filter((s) => s.status === 'invited').length;

  const send = async () => {
    try {
      await invite.mutateAsync({ id: detail.id, deputyIds: picked });
      message.success(t('sgSignersInvited', { count: picked.length }));
      setPicked([]);
    } catch (error) {
      showError(message, error, t);
    }
  };

  return (
    <Card
      title={t('sgSigners')}
      extra={
        <Typography.Text type="secondary">{t('sgSignersCount', { confirmed, pending })}</Typography.Text>
      }
      data-testid="signers-card"
    >
      <Flex vertical gap={12}>
        <Flex gap={8} wrap>
          <div style={{ flex: '1 1 220px', minWidth: 0 }}>
            <DeputyPicker
              bodyId={detail.bodyId}
              value={picked}
              onChange={setPicked}
              exclude={[detail.leadDeputyId, ...detail.signers.map((s) => s.deputyId)]}
            />
          </div>
          <Button
            icon={<UsergroupAddOutlined />}
            disabled={picked.length === 0}
            loading={invite.isPending}
            onClick={() => void send()}
          >
            {t('sgSignersInvite')}
          </Button>
        </Flex>
        {pending > 0 ? <Alert type="info" showIcon title={t('sgSignersLapseHint')} /> : null}
        <SignersList
          signers={detail.signers}
          onRemove={async (signer) => {
            try {
              await remove.mutateAsync({ id: detail.id, deputyId: signer.deputyId });
            } catch (error) {
              showError(message, error, t);
            }
          }}
        />
      </Flex>
    </Card>
  );
}
