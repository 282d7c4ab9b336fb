import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Popconfirm, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { CongressSession, Term } from '../../../shared/schemas/organisations.js';
import { showError } from '../../components/error-text.js';
import { FormModal } from '../../components/FormModal.js';
import { dayString, dayValue } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { useSessionMutations, useSessions } from './organisations.api.js';

interface SessionValues {
  number: number;
  name?: string;
  startDate: Dayjs;
  endDate?: Dayjs | null;
}

type Dialog = { mode: 'create' } | { mode: 'edit'; session: CongressSession } | null;

/** Sessions (第N次会议) of one term: add, edit, delete. */
export function SessionsCard({ term, canEdit }: { term: Term | undefined; canEdit: boolean }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const sessions = useSessions(term?.id ?? null);
  const { create, update, remove } = useSessionMutations();
  const [dialog, setDialog] = useState<Dialog>(null);

  const save = async (values: SessionValues) => {
    if (!term) return;
    const input = {
      number: values.number,
      name: values.name?.trim() || undefined,
      startDate: dayString(values.startDate) ?? '',
      endDate: dayString(values.endDate),
    };
    if (dialog?.mode === 'edit') await update.mutateAsync({ id: dialog.session.id, input });
    else await create.mutateAsync({ termId: term.id, ...input });
    message.success(t('saved'));
  };

  const doRemove = async (session: CongressSession) => {
    try {
      await remove.mutateAsync(session.id);
      message.success(t('deleted'));
    } catch (error) {
      showError(message, error, t);
    }
  };

  const columns: TableColumnsType<CongressSession> = [
    { title: t('sessionName'), dataIndex: 'name', key: 'name' },
    {
      title: t('dateRange'),
      key: 'dates',
      width: 220,
      render: (_value, session) => `${session.startDate} ~ ${session.endDate ?? t('ongoing')}`,
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 140,
      render: (_value, session) =>
        canEdit ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', session })}>
              {t('edit')}
            </Button>
            <Popconfirm
              title={t('deleteConfirm', { name: session.name })}
              okText={t('remove')}
              okButtonProps={{ danger: true }}
              cancelText={t('cancel')}
              onConfirm={() => doRemove(session)}
            >
              <Button type="link" size="small" danger>
                {t('remove')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];

  const editing = dialog?.mode === 'edit' ? dialog.session : null;
  return (
    <Card
      title={term ? t('sessionsOfTerm', { term: term.label }) : t('sessionsTitle')}
      className="minyi-table-card"
      extra={
        canEdit && term ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>
            {t('sessionCreate')}
          </Button>
        ) : null
      }
    >
      <Table<CongressSession>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={term ? sessions.data : []}
        loading={sessions.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: term ? t('empty') : t('chooseTermFirst') }}
      />
      <FormModal<SessionValues>
        open={dialog !== null}
        title={editing ? `${t('edit')}：${editing.name}` : t('sessionCreate')}
        initialValues={
          editing
            ? {
                number: editing.number,
                name: editing.name,
                startDate: dayValue(editing.startDate),
                endDate: dayValue(editing.endDate),
              }
            : { number: (sessions.data?.reduce((max, s) => Math.max(max, s.number), 0) ?? 0) + 1 }
        }
        onSubmit={save}
        onClose={() => setDialog(null)}
      >
        <Form.Item
          name="number"
          label={t('sessionNumber')}
          rules={[{ required: true, message: t('fieldRequired', { field: t('sessionNumber') }) }]}
        >
          <InputNumber
            min={1}
            max={99}
            precision={0}
            prefix={t('ordinalPrefix')}
            suffix={t('sessionSuffix')}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="name" label={t('sessionName')} extra={t('sessionNameHint')}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item
          name="startDate"
          label={t('startDate')}
          rules={[{ required: true, message: t('fieldRequired', { field: t('startDate') }) }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endDate" label={t('endDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
