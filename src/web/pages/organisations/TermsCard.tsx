import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, InputNumber, Popconfirm, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { Term } from '../../../shared/schemas/organisations.js';
import { showError } from '../../components/error-text.js';
import { FormModal } from '../../components/FormModal.js';
import { dayString, dayValue } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { useTermMutations } from './organisations.api.js';

interface TermValues {
  number: number;
  startDate: Dayjs;
  endDate?: Dayjs | null;
}

type Dialog = { mode: 'create' } | { mode: 'edit'; term: Term } | null;

interface TermsCardProps {
  bodyId: string;
  terms: Term[] | undefined;
  loading: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
  canEdit: boolean;
}

/** The body's terms (届): pick one to see its sessions; add, edit, delete. */
export function TermsCard({ bodyId, terms, loading, selectedId, onSelect, canEdit }: TermsCardProps) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const { create, update, remove } = useTermMutations();
  const [dialog, setDialog] = useState<Dialog>(null);

  const save = async (values: TermValues) => {
    const dates = { startDate: dayString(values.startDate) ?? '', endDate: dayString(values.endDate) };
    if (dialog?.mode === 'edit')
      await update.mutateAsync({ id: dialog.term.id, input: { number: values.number, ...dates } });
    else onSelect((await create.mutateAsync({ bodyId, number: values.number, ...dates })).id);
    message.success(t('saved'));
  };

  const doRemove = async (term: Term) => {
    try {
      await remove.mutateAsync(term.id);
      message.success(t('deleted'));
    } catch (error) {
      showError(message, error, t);
    }
  };

  const columns: TableColumnsType<Term> = [
    { title: t('termLabel'), dataIndex: 'label', key: 'label' },
    {
      title: t('dateRange'),
      key: 'dates',
      render: (_value, term) => `${term.startDate} ~ ${term.endDate ?? t('ongoing')}`,
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 140,
      render: (_value, term) =>
        canEdit ? (
          <Space size={0} onClick={(event) => event.stopPropagation()}>
            <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', term })}>
              {t('edit')}
            </Button>
            <Popconfirm
              title={t('deleteConfirm', { name: term.label })}
              okText={t('remove')}
              okButtonProps={{ danger: true }}
              cancelText={t('cancel')}
              onConfirm={() => doRemove(term)}
            >
              <Button type="link" size="small" danger>
                {t('remove')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];

  const editing = dialog?.mode === 'edit' ? dialog.term : null;
  return (
    <Card
      title={t('termsTitle')}
      className="minyi-table-card"
      extra={
        canEdit ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>
            {t('termCreate')}
          </Button>
        ) : null
      }
    >
      <Table<Term>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={terms}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: selectedId ? [selectedId] : [],
          onChange: (keys) => (typeof keys[0] === 'string' ? onSelect(keys[0]) : undefined),
        }}
        onRow={(term) => ({ onClick: () => onSelect(term.id), style: { cursor: 'pointer' } })}
      />
      <FormModal<TermValues>
        open={dialog !== null}
        title={editing ? `${t('edit')}：${editing.label}` : t('termCreate')}
        initialValues={
          editing
            ? {
                number: editing.number,
                startDate: dayValue(editing.startDate),
                endDate: dayValue(editing.endDate),
              }
            : { number: (terms?.[0]?.number ?? 0) + 1 }
        }
        onSubmit={save}
        onClose={() => setDialog(null)}
      >
        <Form.Item
          name="number"
          label={t('termNumber')}
          rules={[{ required: true, message: t('fieldRequired', { field: t('termNumber') }) }]}
        >
          <InputNumber
            min={1}
            max={99}
            precision={0}
            prefix={t('ordinalPrefix')}
            suffix={t('termSuffix')}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="startDate"
          label={t('startDate')}
          rules={[{ required: true, message: t('fieldRequired', { field: t('startDate') }) }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endDate" label={t('endDate')} extra={t('endDateHint')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
