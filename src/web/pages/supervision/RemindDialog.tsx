import { App, Checkbox, Form, Input } from 'antd';
import type { SupervisionItem } from '../../../shared/schemas/supervision.js';
import { FormModal } from '../../components/FormModal.js';
import { useLocale } from '../../i18n/locale.js';
import { useRemind } from './supervision.api.js';

interface RemindValues {
  unitIds: string[];
  note: string;
}

const owing = ['pending_receipt', 'handling', 'adjustment_requested', 'rehandling'];

/** 催办: a notice to the units that still owe a reply (or the ones ticked). */
export function RemindDialog({ item, onClose }: { item: SupervisionItem | null; onClose: () => void }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const remind = useRemind();
  const units = item?.units ?? [];
  const submit = async (values: RemindValues) => {
    if (!item) return;
    const result = await remind.mutateAsync({
      id: item.suggestionId,
      input: { note: values.note, unitIds: values.unitIds.length > 0 ? values.unitIds : undefined },
    });
    message.success(t('svReminded', { count: result.reminded }));
  };
  return (
    <FormModal<RemindValues>
      open={item !== null}
      title={t('svRemindTitle', { title: item?.title ?? '' })}
      okText={t('svRemind')}
      initialValues={{
        unitIds: units.filter((u) => owing.includes(u.status)).map((u) => u.unitId),
        note: t('svRemindDefault'),
      }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="unitIds" label={t('svRemindUnits')}>
        <Checkbox.Group
          options={units.map((u) => ({ value: u.unitId, label: `${u.unitName}（${u.replyDueOn}）` }))}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('svRemindNote')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('hdMinChars', { count: 2 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
