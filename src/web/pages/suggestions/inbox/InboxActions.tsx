import { App, Button, Flex, Popconfirm } from 'antd';
import { showError } from '../../../components/error-text.js';
import { todayInBeijing } from '../../../format/time.js';
import { useLocale } from '../../../i18n/locale.js';
import { useAssignmentAction } from '../api/assignments.api.js';
import type { InboxItem } from '../api/assignments.api.js';
import { isConcurrentChange } from '../api/suggestions.api.js';

/** 签收 (confirmed) and 申请调整 for one inbox item; 申请调整 only while the window is open. */
export function InboxActions({ item, onAdjust }: { item: InboxItem; onAdjust: (item: InboxItem) => void }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const run = useAssignmentAction();
  const receive = async () => {
    try {
      await run.mutateAsync({ id: item.id, action: 'receive' });
      message.success(t('inboxReceived'));
    } catch (error) {
      if (isConcurrentChange(error)) message.warning(t('sgConcurrentChange'));
      else showError(message, error, t);
    }
  };
  return (
    <Flex gap={4} wrap>
      {item.status === 'pending_receipt' ? (
        <Popconfirm
          title={t('inboxReceiveConfirm')}
          okText={t('inboxReceive')}
          cancelText={t('cancel')}
          onConfirm={receive}
        >
          <Button size="small" type="primary" loading={run.isPending}>
            {t('inboxReceive')}
          </Button>
        </Popconfirm>
      ) : null}
      {(item.status === 'pending_receipt' || item.status === 'handling') &&
      item.adjustmentWindowEndsOn >= todayInBeijing() ? (
        <Button size="small" onClick={() => onAdjust(item)}>
          {t('inboxRequestAdjustment')}
        </Button>
      ) : null}
    </Flex>
  );
}
