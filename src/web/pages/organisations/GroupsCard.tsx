import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { DeputyGroup, Term } from '../../../shared/schemas/organisations.js';
import { showError } from '../../components/error-text.js';
import { FormModal } from '../../components/FormModal.js';
import { useLocale } from '../../i18n/locale.js';
import { useDeputyGroupMutations, useDeputyGroups } from './organisations.api.js';

interface GroupValues {
  name: string;
  termId?: string | null;
}

type Dialog = { mode: 'create' } | { mode: 'edit'; group: DeputyGroup } | null;

interface GroupsCardProps {
  bodyId: string;
  terms: Term[];
  canEdit: boolean;
}

/** Deputy groups (代表小组) of a body, for recess activities; a group may belong to a term. */
export function GroupsCard({ bodyId, terms, canEdit }: GroupsCardProps) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const groups = useDeputyGroups(bodyId);
  const { create, update, remove } = useDeputyGroupMutations();
  const [dialog, setDialog] = useState<Dialog>(null);
  const termLabel = (termId: string | null) =>
    termId ? (terms.find((term) => term.id === termId)?.label ?? '') : t('groupAnyTerm');

  const save = async (values: GroupValues) => {
    const input = { name: values.name, termId: values.termId ?? null };
    if (dialog?.mode === 'edit') await update.mutateAsync({ id: dialog.group.id, input });
    else await create.mutateAsync({ bodyId, ...input });
    message.success(t('saved'));
  };

  const doRemove = async (group: DeputyGroup) => {
    try {
      await remove.mutateAsync(group.id);
      message.success(t('deleted'));
    } catch (error) {
      showError(message, error, t);
    }
  };

  const columns: TableColumnsType<DeputyGroup> = [
    { title: t('groupName'), dataIndex: 'name', key: 'name' },
    { title: t('termLabel'), key: 'term', width: 120, render: (_value, group) => termLabel(group.termId) },
    {
      title: t('actions'),
      key: 'actions',
      width: 140,
      render: (_value, group) =>
        canEdit ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', group })}>
              {t('edit')}
            </Button>
            <Popconfirm
              title={t('deleteConfirm', { name: group.name })}
              okText={t('remove')}
              okButtonProps={{ danger: true }}
              cancelText={t('cancel')}
              onConfirm={() => doRemove(group)}
            >
              <Button type="link" size="small" danger>
                {t('remove')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];

  return (
    <Card
      title={t('groupsTitle')}
      className="minyi-table-card"
      extra={
        canEdit ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>
            {t('groupCreate')}
          </Button>
        ) : null
      }
    >
      <Table<DeputyGroup>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={groups.data}
        loading={groups.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <FormModal<GroupValues>
        open={dialog !== null}
        title={dialog?.mode === 'edit' ? `${t('edit')}：${dialog.group.name}` : t('groupCreate')}
        initialValues={
          dialog?.mode === 'edit'
            ? { name: dialog.group.name, termId: dialog.group.termId }
            : { termId: terms[0]?.id ?? null }
        }
        onSubmit={save}
        onClose={() => setDialog(null)}
      >
        <Form.Item
          name="name"
          label={t('groupName')}
          rules={[
            { required: true, whitespace: true, message: t('fieldRequired', { field: t('groupName') }) },
          ]}
        >
          <Input maxLength={60} placeholder={t('groupNamePlaceholder')} />
        </Form.Item>
        <Form.Item name="termId" label={t('termLabel')}>
          <Select
            options={[
              { value: null, label: t('groupAnyTerm') },
              ...terms.map((term) => ({ value: term.id, label: term.label })),
            ]}
          />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
