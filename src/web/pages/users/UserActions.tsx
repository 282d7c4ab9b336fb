import { App, Button, Popconfirm, Space } from 'antd';
import { EditOutlined, KeyOutlined, UnlockOutlined } from '@ant-design/icons';
import type { User } from '../../../shared/schemas/users.js';
import { showError } from '../../components/error-text.js';
import { isInFuture } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { useResetPassword, useUnlockUser } from './users.api.js';

interface UserActionsProps {
  user: User;
  onEdit: (user: User) => void;
  /** After a reset: the temporary password, to show once. */
  onPasswordReset: (user: User, temporaryPassword: string) => void;
}

/** Edit, reset password (confirmed), unlock (confirmed, only while locked). */
export function UserActions({ user, onEdit, onPasswordReset }: UserActionsProps) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const reset = useResetPassword();
  const unlock = useUnlockUser();

  const doReset = async () => {
    try {
      const { temporaryPassword } = await reset.mutateAsync(user.id);
      onPasswordReset(user, temporaryPassword);
    } catch (error) {
      showError(message, error, t);
    }
  };

  const doUnlock = async () => {
    try {
      await unlock.mutateAsync(user.id);
      message.success(t('userUnlocked'));
    } catch (error) {
      showError(message, error, t);
    }
  };

  return (
    <Space size={0} wrap>
      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(user)}>
        {t('edit')}
      </Button>
      <Popconfirm
        title={t('userResetPassword')}
        description={<div style={{ maxWidth: 280 }}>{t('userResetConfirm', { name: user.displayName })}</div>}
        okText={t('confirm')}
        okButtonProps={{ danger: true }}
        cancelText={t('cancel')}
        onConfirm={doReset}
      >
        <Button type="link" size="small" icon={<KeyOutlined />} loading={reset.isPending}>
          {t('userResetPassword')}
        </Button>
      </Popconfirm>
      {isInFuture(user.lockedUntil) ? (
        <Popconfirm
          title={t('userUnlockConfirm', { name: user.displayName })}
          okText={t('confirm')}
          cancelText={t('cancel')}
          onConfirm={doUnlock}
        >
          <Button type="link" size="small" icon={<UnlockOutlined />} loading={unlock.isPending}>
            {t('userUnlock')}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}
