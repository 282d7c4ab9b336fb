import { App, Spin, Typography } from 'antd';
import type { SuggestionSummary } from '../../../../shared/schemas/suggestions.js';
import { FormModal } from '../../../components/FormModal.js';
import { useLocale } from '../../../i18n/locale.js';
import { useConfirmKey } from '../api/key.api.js';
import type { KeyConfirmInput } from '../api/key.api.js';
import { useSuggestion } from '../api/suggestions.api.js';
import { LeaderListField } from './LeaderListField.js';

type Leader = { name: string; title?: string | null; groupName?: string | null };
interface Values {
  sponsors: Leader[];
  supervisors: Leader[];
}

const clean = (list: Leader[] | undefined) =>
  (list ?? []).map((l) => ({ name: l.name, title: l.title || null, groupName: l.groupName || null }));

/** Confirm an item as key (重点建议) with its sponsors (领办) and supervisors (督办), or edit them. */
export function KeyConfirmModal({ item, onClose }: { item: SuggestionSummary | null; onClose: () => void }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const confirm = useConfirmKey();
  // The current leaders live on the detail; a new key item starts with one empty sponsor row.
  const detail = useSuggestion(item?.keyStatus === 'none' ? undefined : item?.id);
  const loading = item !== null && item.keyStatus !== 'none' && detail.isPending;
  const leaders = detail.data?.leaders ?? [];
  const initial: Values =
    item?.keyStatus === 'none' || leaders.length === 0
      ? { sponsors: [{ name: '' }], supervisors: [] }
      : {
          sponsors: leaders.filter((l) => l.kind === 'sponsor'),
          supervisors: leaders.filter((l) => l.kind === 'supervisor'),
        };

  const save = async (values: Values) => {
    if (!item) return;
    const input: KeyConfirmInput = {
      sponsors: clean(values.sponsors),
      supervisors: clean(values.supervisors),
    };
    await confirm.mutateAsync({ id: item.id, input });
    message.success(t('keyConfirmed'));
  };

  return (
    <FormModal<Values>
      open={item !== null && !loading}
      title={item?.keyStatus === 'none' ? t('keyConfirm') : t('keyEditLeaders')}
      okText={item?.keyStatus === 'none' ? t('keyConfirm') : t('save')}
      initialValues={initial}
      onSubmit={save}
      onClose={onClose}
      width={640}
    >
      <Spin spinning={loading}>
        <Typography.Paragraph strong>{item?.title}</Typography.Paragraph>
        <LeaderListField name="sponsors" label={t('keySponsors')} />
        <LeaderListField name="supervisors" label={t('keySupervisors')} />
      </Spin>
    </FormModal>
  );
}
