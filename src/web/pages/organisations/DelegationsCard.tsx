import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Delegation, Term } from '../../../shared/schemas/organisations.js';
import { showError } from '../../components/error-text.js';
import { FormModal } from '../../components/FormModal.js';
import { formatDate } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { useDelegationMutations, useDelegations } from './organisations.api.js';

type Dialog = { mode: 'create' } | { mode: 'edit'; delegation: Delegation } | null;

/** Delegations (代表团) of a term: add, rename, delete (refused while deputies belong to one). */
export function DelegationsCard({ term, canEdit }: { term: Term | undefined; canEdit: boolean }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const delegations = useDelegations(term?.id ?? null);
  const { create, update, remove } = useDelegationMutations();
  const [dialog, setDialog] = useState<Dialog>(null);

  const save = async ({ name }: { name: string }) => {
    if (dialog?.mode === 'edit') await update.mutateAsync({ id: dialog.delegation.id, input: { name } });
    else if (term) await create.mutateAsync({ termId: term.id, name });
    message.success(t('saved'));
  };

  const doRemove = async (delegation: Delegation) => {
    try {
      await remove.mutateAsync(delegation.id);
      message.success(t('deleted'));
    } catch (error) {
      showError(message, error, t);
    }
  };

  const columns: TableColumnsType<Delegation> = [
    { title: t('delegationName'), dataIndex: 'name', key: 'name' },
    { title: t('createdAt'), dataIndex: 'createdAt', key: 'createdAt', width: 120, render: formatDate },
    {
      title: t('actions'),
      key: 'actions',
      width: 140,
      render: (_value, delegation) =>
        canEdit ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', delegation })}>
              {t('rename')}
            </Button>
            <Popconfirm
              title={t('deleteConfirm', { name: delegation.name })}
              okText={t('remove')}
              okButtonProps={{ danger: true }}
              cancelText={t('cancel')}
              onConfirm={() => doRemove(delegation)}
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
      title={term ? t('delegationsOfTerm', { term: term.label }) : t('delegationsTitle')}
      className="minyi-table-card"
      extra={
        canEdit && term ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>
            {t('delegationCreate')}
          </Button>
        ) : null
      }
    >
      <Table<Delegation>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={term ? delegations.data : []}
        loading={delegations.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: term ? t('empty') : t('chooseTermFirst') }}
      />
      <FormModal<{ name: string }>
        open={dialog !== null}
        title={dialog?.mode === 'edit' ? t('rename') : t('delegationCreate')}
        initialValues={dialog?.mode === 'edit' ? { name: dialog.delegation.name } : {}}
        onSubmit={save}
        onClose={() => setDialog(null)}
      >
        <Form.Item
          name="name"
          label={t('delegationName')}
          rules={[
            { required: true, whitespace: true, message: t('fieldRequired', { field: t('delegationName') }) },
          ]}
        >
          <Input maxLength={60} placeholder={t('delegationNamePlaceholder')} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
