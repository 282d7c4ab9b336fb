import { useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Tooltip } from 'antd';
import { CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { SuggestionDetail } from '../../../../shared/schemas/suggestions.js';
import { useSession } from '../../../auth/session.js';
import { showError } from '../../../components/error-text.js';
import { useLocale } from '../../../i18n/locale.js';
import { useRespondSigner } from '../api/suggestions.api.js';
import { ActionDialog } from './ActionDialog.js';
import { actionDialogs } from './action-dialogs.js';
import { shownActions } from './action-audience.js';

/** The step that moves the item forward; the others are plain buttons. */
const primaryActions = ['submit', 'review_pass', 'assign'];

/** The item's next steps as buttons: allowed ones open their dialog, refused ones say why. */
export function ActionBar({ detail, onChanged }: { detail: SuggestionDetail; onChanged: () => void }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const { me } = useSession();
  const navigate = useNavigate();
  const respond = useRespondSigner();
  const [open, setOpen] = useState<{ action: string; label: string } | null>(null);
  if (!me) return null;
  const actions = shownActions(detail, me);
  const editable = detail.editable;
  const invitation = detail.signers.find((s) => s.deputyId === me.deputyId && s.status === 'invited');

  const answer = async (accept: boolean) => {
    try {
      await respond.mutateAsync({ id: detail.id, accept });
      message.success(accept ? t('sgCosignAccepted') : t('sgCosignDeclined'));
    } catch (error) {
      showError(message, error, t);
    }
  };

  if (actions.length === 0 && !editable && !invitation) return null;
  return (
    <Card size="small" className="minyi-action-bar" data-testid="action-bar">
      <Flex gap={8} wrap align="center">
        {invitation ? (
          <>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={respond.isPending}
              onClick={() => void answer(true)}
            >
              {t('sgCosignAccept')}
            </Button>
            <Popconfirm
              title={t('sgCosignDeclineConfirm')}
              okText={t('sgCosignDecline')}
              okButtonProps={{ danger: true }}
              cancelText={t('cancel')}
              onConfirm={() => answer(false)}
            >
              <Button danger icon={<CloseOutlined />}>
                {t('sgCosignDecline')}
              </Button>
            </Popconfirm>
          </>
        ) : null}
        {editable ? (
          <Button icon={<EditOutlined />} onClick={() => navigate(`/suggestions/${detail.id}/edit`)}>
            {t('edit')}
          </Button>
        ) : null}
        {actions.map((action) =>
          action.allowed ? (
            <Button
              key={action.action}
              type={primaryActions.includes(action.action) ? 'primary' : 'default'}
              danger={actionDialogs[action.action]?.danger}
              onClick={() => setOpen({ action: action.action, label: action.label })}
            >
              {action.label}
            </Button>
          ) : (
            <Tooltip key={action.action} title={action.reason}>
              <Button disabled>{action.label}</Button>
            </Tooltip>
          ),
        )}
      </Flex>
      {[
        ...new Set(actions.flatMap((action) => (!action.allowed && action.reason ? [action.reason] : []))),
      ].map((reason) => (
        <div key={reason} className="minyi-action-reason">
          {reason}
        </div>
      ))}
      <ActionDialog
        detail={detail}
        action={open?.action ?? null}
        label={open?.label ?? ''}
        onClose={() => setOpen(null)}
        onDone={() => {
          setOpen(null);
          onChanged();
        }}
      />
    </Card>
  );
}
