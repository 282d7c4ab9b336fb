import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { memberPositionLabels, memberPositionValues } from '../../../shared/schemas/organisations.js';
import type { MemberPosition, StandingCommitteeMember, Term } from '../../../shared/schemas/organisations.js';
import { showError } from '../../components/error-text.js';
import { FormModal } from '../../components/FormModal.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { useStandingCommittee, useStandingCommitteeMutations } from './committees.api.js';
import { DeputyPicker } from './DeputyPicker.js';

interface MemberValues {
  deputyId: string;
  position: MemberPosition;
}

type Dialog = { mode: 'create' } | { mode: 'edit'; member: StandingCommitteeMember } | null;

const positionColors: Record<MemberPosition, string> = {
  chair: 'red',
  vice_chair: 'volcano',
  secretary_general: 'gold',
  member: 'default',
};

interface StandingCommitteeCardProps {
  bodyId: string;
  terms: Term[];
  canEdit: boolean;
}

/** Members of the standing committee (常委会组成人员) of a term: add from the deputies, change post, remove. */
export function StandingCommitteeCard({ bodyId, terms, canEdit }: StandingCommitteeCardProps) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const [picked, setPicked] = useState<string | null>(null);
  const term = terms.find((candidate) => candidate.id === picked) ?? terms[0];
  const members = useStandingCommittee(term?.id ?? null);
  const { create, update, remove } = useStandingCommitteeMutations();
  const [dialog, setDialog] = useState<Dialog>(null);
  const memberIds = new Set((members.data ?? []).map((member) => member.deputyId));

  const save = async (values: MemberValues) => {
    if (dialog?.mode === 'edit')
      await update.mutateAsync({ id: dialog.member.id, input: { position: values.position } });
    else if (term) await create.mutateAsync({ termId: term.id, ...values });
    message.success(t('saved'));
  };

  const doRemove = async (member: StandingCommitteeMember) => {
    try {
      await remove.mutateAsync(member.id);
      message.success(t('deleted'));
    } catch (error) {
      showError(message, error, t);
    }
  };

  const columns: TableColumnsType<StandingCommitteeMember> = [
    { title: t('deputyName'), dataIndex: 'deputyName', key: 'deputyName' },
    {
      title: t('memberPosition'),
      key: 'position',
      width: 110,
      render: (_value, member) => (
        <Tag color={positionColors[member.position]}>{pick(memberPositionLabels[member.position])}</Tag>
      ),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 150,
      render: (_value, member) =>
        canEdit ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', member })}>
              {t('memberChangePosition')}
            </Button>
            <Popconfirm
              title={t('memberRemoveConfirm', { name: member.deputyName })}
              okText={t('memberRemove')}
              okButtonProps={{ danger: true }}
              cancelText={t('cancel')}
              onConfirm={() => doRemove(member)}
            >
              <Button type="link" size="small" danger>
                {t('memberRemove')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];

  return (
    <Card
      title={t('standingCommitteeTitle')}
      className="minyi-table-card"
      extra={
        canEdit && term ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>
            {t('memberAdd')}
          </Button>
        ) : null
      }
    >
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('termLabel')}</Typography.Text>
        <Select
          value={term?.id}
          onChange={setPicked}
          options={terms.map((candidate) => ({ value: candidate.id, label: candidate.label }))}
          placeholder={t('noTermsYet')}
          style={{ minWidth: 140 }}
        />
      </Flex>
      {members.isError ? (
        <QueryError error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <Table<StandingCommitteeMember>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={term ? members.data : []}
          loading={members.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: term ? t('empty') : t('chooseTermFirst') }}
        />
      )}
      <FormModal<MemberValues>
        open={dialog !== null}
        title={dialog?.mode === 'edit' ? t('memberChangePosition') : t('memberAdd')}
        initialValues={
          dialog?.mode === 'edit' ? { position: dialog.member.position } : { position: 'member' }
        }
        onSubmit={save}
        onClose={() => setDialog(null)}
      >
        {dialog?.mode === 'edit' ? (
          <Form.Item label={t('deputyName')}>
            <Typography.Text strong>{dialog.member.deputyName}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            name="deputyId"
            label={t('memberDeputy')}
            extra={term ? t('memberDeputyHint', { term: term.label }) : undefined}
            rules={[{ required: true, message: t('memberDeputyRequired') }]}
          >
            <DeputyPicker bodyId={bodyId} termId={term?.id} disabledIds={memberIds} />
          </Form.Item>
        )}
        <Form.Item name="position" label={t('memberPosition')} rules={[{ required: true }]}>
          <Radio.Group
            options={memberPositionValues.map((value) => ({
              value,
              label: pick(memberPositionLabels[value]),
            }))}
          />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
