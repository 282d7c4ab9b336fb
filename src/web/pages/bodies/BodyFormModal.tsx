import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import type { Body as CongressBody, BodyCreate } from '../../../shared/schemas/bodies.js';
import { bodyLevelLabels, bodyLevelValues } from '../../../shared/schemas/common.js';
import type { BodyLevel } from '../../../shared/schemas/common.js';
import { showFieldErrors } from '../../api/form-errors.js';
import { errorText } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';
import { useCreateBody, useUpdateBody } from './bodies.api.js';

/** What the dialog does: add a body under `parent` (or at the top), or edit `body`. */
export type BodyDialog =
  { mode: 'create'; parent: CongressBody | null } | { mode: 'edit'; body: CongressBody } | null;

interface BodyFormValues {
  name: string;
  level?: BodyLevel;
  regionName?: string;
  regionCode?: string;
}

/** Levels a child of `parent` may have: strictly below it. */
export function levelsBelow(parent: CongressBody | null): BodyLevel[] {
  if (!parent) return [...bodyLevelValues];
  return bodyLevelValues.slice(bodyLevelValues.indexOf(parent.level) + 1);
}

export function BodyFormModal({ dialog, onClose }: { dialog: BodyDialog; onClose: () => void }) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<BodyFormValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const create = useCreateBody();
  const update = useUpdateBody();

  useEffect(() => {
    if (!dialog) return;
    setFailure(null);
    form.resetFields();
    if (dialog.mode === 'edit') {
      const { body } = dialog;
      form.setFieldsValue({
        name: body.name,
        regionName: body.regionName ?? '',
        regionCode: body.regionCode ?? '',
      });
    } else {
      form.setFieldsValue({ level: levelsBelow(dialog.parent)[0] });
    }
  }, [dialog, form]);

  const submit = async (values: BodyFormValues) => {
    if (!dialog) return;
    setFailure(null);
    const region = { regionName: values.regionName ?? '', regionCode: values.regionCode ?? '' };
    try {
      if (dialog.mode === 'edit') {
        await update.mutateAsync({ id: dialog.body.id, input: { name: values.name, ...region } });
        message.success(t('saved'));
      } else {
        // The level is a required field, so validation has already refused an empty one.
        if (!values.level) return;
        const input: BodyCreate = {
          name: values.name,
          level: values.level,
          parentId: dialog.parent?.id ?? null,
          ...region,
        };
        await create.mutateAsync(input);
        message.success(t('bodyCreated'));
      }
      onClose();
    } catch (error) {
      if (!showFieldErrors(form, error)) setFailure(errorText(error, t));
    }
  };

  const parent = dialog?.mode === 'create' ? dialog.parent : null;
  const allowed = new Set(levelsBelow(parent));

  return (
    <Modal
      open={dialog !== null}
      title={dialog?.mode === 'edit' ? t('bodyEditTitle') : t('bodyCreateTitle')}
      okText={t('save')}
      cancelText={t('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <Form<BodyFormValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
        {dialog?.mode === 'create' && parent ? (
          <Form.Item label={t('bodyParent')}>
            <Typography.Text>
              {parent.name}（{pick(bodyLevelLabels[parent.level])}）
            </Typography.Text>
          </Form.Item>
        ) : null}
        <Form.Item
          name="name"
          label={t('bodyName')}
          rules={[
            { required: true, whitespace: true, message: t('fieldRequired', { field: t('bodyName') }) },
          ]}
          extra={t('bodyNameRule')}
        >
          <Input maxLength={60} />
        </Form.Item>
        {dialog?.mode === 'create' ? (
          <Form.Item
            name="level"
            label={t('bodyLevel')}
            rules={[{ required: true, message: t('fieldRequired', { field: t('bodyLevel') }) }]}
          >
            <Select
              options={bodyLevelValues.map((level) => ({
                value: level,
                label: pick(bodyLevelLabels[level]),
                disabled: !allowed.has(level),
              }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="regionName" label={t('bodyRegionName')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('bodyRegionCode')}>
          <Input maxLength={12} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
