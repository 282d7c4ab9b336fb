import { App, Form, Input, Select } from 'antd';
import type { Unit, UnitKind } from '../../../shared/schemas/units.js';
import { unitKindLabels, unitKindValues } from '../../../shared/schemas/units.js';
import { FormModal } from '../../components/FormModal.js';
import { useLocale } from '../../i18n/locale.js';
import { useCreateUnit, useUpdateUnit } from './units.api.js';

export type UnitDialog = { mode: 'create'; bodyId: string } | { mode: 'edit'; unit: Unit } | null;

interface UnitValues {
  name: string;
  kind: UnitKind;
  shortName?: string;
  contactPerson?: string;
  contactPhone?: string;
  departments?: string[];
}

/** Add a unit (with its departments) to a body, or edit one. */
export function UnitFormModal({ dialog, onClose }: { dialog: UnitDialog; onClose: () => void }) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const create = useCreateUnit();
  const update = useUpdateUnit();

  const save = async (values: UnitValues) => {
    const fields = {
      name: values.name,
      kind: values.kind,
      shortName: values.shortName ?? '',
      contactPerson: values.contactPerson ?? '',
      contactPhone: values.contactPhone ?? '',
    };
    if (dialog?.mode === 'edit') await update.mutateAsync({ id: dialog.unit.id, input: fields });
    else if (dialog)
      await create.mutateAsync({ ...fields, bodyId: dialog.bodyId, departments: values.departments ?? [] });
    message.success(t('saved'));
  };

  const unit = dialog?.mode === 'edit' ? dialog.unit : null;
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('fieldRequired', { field }) },
  ];
  return (
    <FormModal<UnitValues>
      open={dialog !== null}
      title={unit ? `${t('edit')}：${unit.name}` : t('unitCreate')}
      initialValues={
        unit
          ? {
              name: unit.name,
              kind: unit.kind,
              shortName: unit.shortName ?? '',
              contactPerson: unit.contactPerson ?? '',
              contactPhone: unit.contactPhone ?? '',
            }
          : { kind: 'government_department', departments: [] }
      }
      onSubmit={save}
      onClose={onClose}
      width={600}
    >
      <Form.Item name="name" label={t('unitName')} rules={required(t('unitName'))}>
        <Input maxLength={60} placeholder={t('unitNamePlaceholder')} />
      </Form.Item>
      <Form.Item name="kind" label={t('unitKind')} rules={[{ required: true }]}>
        <Select
          options={unitKindValues.map((kind) => ({ value: kind, label: pick(unitKindLabels[kind]) }))}
        />
      </Form.Item>
      <Form.Item name="shortName" label={t('unitShortName')}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="contactPerson" label={t('unitContactPerson')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('unitContactPhone')}>
        <Input maxLength={30} inputMode="tel" />
      </Form.Item>
      {unit ? null : (
        <Form.Item name="departments" label={t('unitDepartments')} extra={t('unitDepartmentsHint')}>
          <Select mode="tags" open={false} tokenSeparators={['、', '，', ',', ';', '；']} suffixIcon={null} />
        </Form.Item>
      )}
    </FormModal>
  );
}
