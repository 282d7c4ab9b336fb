import { App, Form, Input, InputNumber } from 'antd';
import type { Category } from '../../../../shared/schemas/categories.js';
import { FormModal } from '../../../components/FormModal.js';
import { useLocale } from '../../../i18n/locale.js';
import { useCategoryMutations } from '../api/categories.api.js';
import { UnitRolesField } from '../components/UnitRolesField.js';

export type CategoryDialog =
  { mode: 'create'; bodyId: string; parent: Category | null } | { mode: 'edit'; category: Category } | null;

interface Values {
  name: string;
  sortOrder: number;
  units: { unitId?: string; role: 'lead' | 'co' | 'separate' }[];
}

const usualUnits = (units: Values['units']) =>
  units.flatMap((u) => (u.unitId && u.role !== 'separate' ? [{ unitId: u.unitId, role: u.role }] : []));

/** Add a category (at the top or under another) or edit one, with its usual units. */
export function CategoryFormModal({ dialog, onClose }: { dialog: CategoryDialog; onClose: () => void }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const { create, update } = useCategoryMutations();
  const category = dialog?.mode === 'edit' ? dialog.category : null;
  const bodyId = dialog?.mode === 'edit' ? dialog.category.bodyId : (dialog?.bodyId ?? '');
  const parent = dialog?.mode === 'create' ? dialog.parent : null;

  const save = async (values: Values) => {
    const units = usualUnits(values.units ?? []);
    if (category)
      await update.mutateAsync({
        id: category.id,
        input: { name: values.name, sortOrder: values.sortOrder, units },
      });
    else
      await create.mutateAsync({
        bodyId,
        parentId: parent?.id ?? null,
        name: values.name,
        sortOrder: values.sortOrder,
        units,
      });
    message.success(t('saved'));
  };

  return (
    <FormModal<Values>
      open={dialog !== null}
      title={
        category
          ? `${t('edit')}：${category.name}`
          : parent
            ? t('catCreateChild', { parent: parent.name })
            : t('catCreate')
      }
      initialValues={
        category
          ? { name: category.name, sortOrder: category.sortOrder, units: category.units }
          : { name: '', sortOrder: 0, units: [] }
      }
      onSubmit={save}
      onClose={onClose}
      width={600}
    >
      <Form.Item
        name="name"
        label={t('catName')}
        rules={[{ required: true, whitespace: true, message: t('fieldRequired', { field: t('catName') }) }]}
      >
        <Input maxLength={30} showCount />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('catSortOrder')}>
        <InputNumber min={0} max={9999} style={{ width: 120 }} />
      </Form.Item>
      {bodyId ? (
        <UnitRolesField bodyId={bodyId} roles={['lead', 'co']} required={false} label={t('catUsualUnits')} />
      ) : null}
    </FormModal>
  );
}
