import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Radio, Segmented, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { committeeKindLabels, committeeKindValues } from '../../../shared/schemas/organisations.js';
import type { Committee, CommitteeKind } from '../../../shared/schemas/organisations.js';
import { showError } from '../../components/error-text.js';
import { FormModal } from '../../components/FormModal.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { useCommitteeMutations, useCommittees } from './committees.api.js';

interface CommitteeValues {
  name: string;
  kind: CommitteeKind;
}

type Dialog = { mode: 'create' } | { mode: 'edit'; committee: Committee } | null;

const kindColors: Record<CommitteeKind, string> = { special: 'red', working: 'blue', office: 'default' };

/** Special and working committees and offices of a body: add, edit, delete (refused while in use). */
export function CommitteesCard({ bodyId, canEdit }: { bodyId: string; canEdit: boolean }) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const committees = useCommittees(bodyId);
  const { create, update, remove } = useCommitteeMutations();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [kind, setKind] = useState<CommitteeKind | 'all'>('all');
  const shown = (committees.data ?? []).filter((committee) => kind === 'all' || committee.kind === kind);

  const save = async (values: CommitteeValues) => {
    if (dialog?.mode === 'edit') await update.mutateAsync({ id: dialog.committee.id, input: values });
    else await create.mutateAsync({ bodyId, ...values });
    message.success(t('saved'));
  };

  const doRemove = async (committee: Committee) => {
    try {
      await remove.mutateAsync(committee.id);
      message.success(t('deleted'));
    } catch (error) {
      // 409 in_use: the server names what still points at it.
      showError(message, error, t);
    }
  };

  const columns: TableColumnsType<Committee> = [
    { title: t('committeeName'), dataIndex: 'name', key: 'name' },
    {
      title: t('committeeKind'),
      key: 'kind',
      width: 120,
      render: (_value, committee) => (
        <Tag color={kindColors[committee.kind]}>{pick(committeeKindLabels[committee.kind])}</Tag>
      ),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 120,
      render: (_value, committee) =>
        canEdit ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', committee })}>
              {t('edit')}
            </Button>
            <Popconfirm
              title={t('deleteConfirm', { name: committee.name })}
              okText={t('remove')}
              okButtonProps={{ danger: true }}
              cancelText={t('cancel')}
              onConfirm={() => doRemove(committee)}
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
      title={t('committeesTitle')}
      className="minyi-table-card"
      extra={
        canEdit ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>
            {t('committeeCreate')}
          </Button>
        ) : null
      }
    >
      <Segmented<CommitteeKind | 'all'>
        value={kind}
        onChange={setKind}
        options={[
          { value: 'all', label: t('all') },
          ...committeeKindValues.map((value) => ({ value, label: pick(committeeKindLabels[value]) })),
        ]}
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
      />
      {committees.isError ? (
        <QueryError error={committees.error} onRetry={() => void committees.refetch()} />
      ) : (
        <Table<Committee>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={shown}
          loading={committees.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      )}
      <FormModal<CommitteeValues>
        open={dialog !== null}
        title={dialog?.mode === 'edit' ? t('committeeEdit') : t('committeeCreate')}
        initialValues={
          dialog?.mode === 'edit'
            ? { name: dialog.committee.name, kind: dialog.committee.kind }
            : { kind: kind === 'all' ? 'special' : kind }
        }
        onSubmit={save}
        onClose={() => setDialog(null)}
      >
        <Form.Item
          name="name"
          label={t('committeeName')}
          rules={[
            { required: true, whitespace: true, message: t('fieldRequired', { field: t('committeeName') }) },
            { min: 2, max: 60, message: t('bodyNameRule') },
          ]}
        >
          <Input maxLength={60} placeholder={t('committeeNamePlaceholder')} />
        </Form.Item>
        <Form.Item name="kind" label={t('committeeKind')} rules={[{ required: true }]}>
          <Radio.Group
            options={committeeKindValues.map((value) => ({ value, label: pick(committeeKindLabels[value]) }))}
          />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
