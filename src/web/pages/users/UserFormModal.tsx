import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import type { RoleGrantInput } from '../../../shared/schemas/roles.js';
import { unitRoles } from '../../../shared/role-labels.js';
import type { User } from '../../../shared/schemas/users.js';
import { showFieldErrors } from '../../api/form-errors.js';
import { errorText } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';
import { RoleGrantsField } from './RoleGrantsField.js';
import type { RoleGrantValues } from './RoleGrantsField.js';
import { useCreateUser, useUpdateUser } from './users.api.js';

export type UserDialog = { mode: 'create' } | { mode: 'edit'; user: User } | null;

interface UserFormValues {
  username?: string;
  displayName: string;
  phone?: string;
  email?: string;
  status?: 'active' | 'disabled';
  roles?: RoleGrantValues[];
}

/** Form rows → the API's grants; a unit id is sent only for unit roles. */
function toGrants(rows: RoleGrantValues[] | undefined): RoleGrantInput[] {
  return (rows ?? []).flatMap((row) =>
    row.role && row.bodyId
      ? [
          {
            role: row.role,
            bodyId: row.bodyId,
            unitId: unitRoles.includes(row.role) ? (row.unitId ?? null) : null,
          },
        ]
      : [],
  );
}

interface UserFormModalProps {
  dialog: UserDialog;
  onClose: () => void;
  /** After creating: the generated initial password, to show once. */
  onCreated: (user: User, initialPassword: string | null) => void;
}

export function UserFormModal({ dialog, onClose, onCreated }: UserFormModalProps) {
  const { t } = useLocale();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const create = useCreateUser();
  const update = useUpdateUser();

  useEffect(() => {
    if (!dialog) return;
    setFailure(null);
    form.resetFields();
    if (dialog.mode === 'edit') {
      const { user } = dialog;
      form.setFieldsValue({
        displayName: user.displayName,
        phone: user.phone ?? '',
        email: user.email ?? '',
        status: user.status,
        roles: user.roles.map((grant) => ({
          role: grant.role,
          bodyId: grant.bodyId,
          unitId: grant.unitId ?? undefined,
        })),
      });
    } else {
      form.setFieldsValue({ roles: [{}] });
    }
  }, [dialog, form]);

  const save = async (values: UserFormValues) => {
    if (!dialog) return;
    setFailure(null);
    const common = {
      displayName: values.displayName,
      phone: values.phone ?? '',
      email: values.email ? values.email.trim() : null,
      roles: toGrants(values.roles),
    };
    try {
      if (dialog.mode === 'create') {
        const created = await create.mutateAsync({ ...common, username: values.username ?? '' });
        onCreated(created, created.initialPassword);
      } else {
        await update.mutateAsync({ id: dialog.user.id, input: { ...common, status: values.status } });
        message.success(t('saved'));
      }
      onClose();
    } catch (error) {
      if (!showFieldErrors(form, error)) setFailure(errorText(error, t));
    }
  };

  const submit = (values: UserFormValues) => {
    const disabling =
      dialog?.mode === 'edit' && dialog.user.status === 'active' && values.status === 'disabled';
    if (!disabling) return void save(values);
    modal.confirm({
      title: t('userDisableConfirm'),
      okText: t('confirm'),
      okButtonProps: { danger: true },
      cancelText: t('cancel'),
      onOk: () => save(values),
    });
  };

  return (
    <Modal
      open={dialog !== null}
      title={dialog?.mode === 'edit' ? `${t('userEditTitle')}：${dialog.user.username}` : t('userCreate')}
      okText={t('save')}
      cancelText={t('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={720}
      forceRender
    >
      <Form<UserFormValues> form={form} layout="vertical" onFinish={submit}>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
        {dialog?.mode === 'create' ? (
          <Form.Item
            name="username"
            label={t('userUsername')}
            extra={t('usernameRule')}
            rules={[
              { required: true, whitespace: true, message: t('fieldRequired', { field: t('userUsername') }) },
            ]}
          >
            <Input maxLength={40} autoComplete="off" autoCapitalize="off" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="displayName"
          label={t('userDisplayName')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('fieldRequired', { field: t('userDisplayName') }),
            },
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="phone" label={t('userPhone')}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('userEmail')}
          rules={[{ type: 'email', message: t('emailInvalid') }]}
        >
          <Input maxLength={100} inputMode="email" />
        </Form.Item>
        {dialog?.mode === 'edit' ? (
          <Form.Item name="status" label={t('userStatus')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'active', label: t('userStatusActive') },
                { value: 'disabled', label: t('userStatusDisabled') },
              ]}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('userRoles')} required>
          <RoleGrantsField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
