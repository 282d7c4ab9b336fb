import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import type { AgencyAppointment } from '../../../shared/schemas/appointments.js';
import { agencyStatusLabels } from '../../../shared/schemas/appointments.js';
import { useSession } from '../../auth/session.js';
import { bodyIdsWithRole } from '../../auth/roles.js';
import { FormModal } from '../../components/FormModal.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { UnitSelect } from '../units/UnitSelect.js';
import { useAgencyAppointments, useCreateAgencyAppointment } from './stations.api.js';
import { agencyStatusColors } from './reception-labels.js';
import { AgencyDrawer } from './AgencyDrawer.js';

type Row = Omit<AgencyAppointment, 'actions' | 'timeline'>;

/** Deputies' appointments with heads of state organs (代表法第二十九条), from request to close. */
export function AgencyAppointmentsPage() {
  const { t, pick } = useLocale();
  const { me } = useSession();
  const { id } = useParams();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useAgencyAppointments({ page, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<Row> = [
    {
      title: t('stAgencyMatter'),
      key: 'matter',
      render: (_v, row) => (
        <Flex vertical>
          <span>{row.matter}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.deputyName} → {row.unitName}
            {row.officialTitle}
            {row.officialName ? `（${row.officialName}）` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('stWhen'),
      key: 'when',
      width: 170,
      render: (_v, row) => (row.scheduledOn ? `${row.scheduledOn} ${row.scheduledTime ?? ''}` : '—'),
    },
    {
      title: t('userStatus'),
      key: 'status',
      width: 120,
      render: (_v, row) => (
        <Tag color={agencyStatusColors[row.status]}>{pick(agencyStatusLabels[row.status])}</Tag>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('stAgencyTitle')}
        intro={t('stAgencyIntro')}
        extra={
          me?.deputyId ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('stAgencyCreate')}
            </Button>
          ) : null
        }
      />
      <Card className="minyi-table-card">
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Row>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            scroll={{ x: 640 }}
            onRow={(row) => ({
              onClick: () => navigate(`/stations/agency-appointments/${row.id}`),
              style: { cursor: 'pointer' },
            })}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
          />
        )}
      </Card>
      <CreateDialog
        open={creating}
        defaultBodyId={me ? (bodyIdsWithRole(me, ['deputy'])[0] ?? null) : null}
        onClose={() => setCreating(false)}
      />
      <AgencyDrawer id={id ?? null} onClose={() => navigate('/stations/agency-appointments')} />
    </>
  );
}

function CreateDialog({
  open,
  defaultBodyId,
  onClose,
}: {
  open: boolean;
  defaultBodyId: string | null;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const create = useCreateAgencyAppointment();
  const [bodyId, setBodyId] = useState<string | null>(defaultBodyId);
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('fieldRequired', { field }) },
  ];
  return (
    <FormModal<{
      unitId: string;
      officialTitle: string;
      officialName?: string;
      matter: string;
      reasons: string;
    }>
      open={open}
      title={t('stAgencyCreate')}
      width={620}
      onClose={onClose}
      onSubmit={async (values) => {
        await create.mutateAsync({
          ...values,
          bodyId: bodyId ?? '',
          officialName: values.officialName || null,
        });
        message.success(t('stDone'));
      }}
    >
      <Form.Item label={t('stBody')}>
        <BodyTreeSelect value={bodyId} onChange={setBodyId} />
      </Form.Item>
      <Form.Item
        name="unitId"
        label={t('stAgency')}
        rules={[{ required: true, message: t('fieldRequired', { field: t('stAgency') }) }]}
      >
        <UnitSelect bodyId={bodyId} />
      </Form.Item>
      <Flex gap={8}>
        <Form.Item
          name="officialTitle"
          label={t('stOfficialTitle')}
          rules={required(t('stOfficialTitle'))}
          style={{ flex: 1 }}
        >
          <Input maxLength={40} placeholder={t('stOfficialTitlePlaceholder')} />
        </Form.Item>
        <Form.Item name="officialName" label={t('stOfficialName')} style={{ flex: 1 }}>
          <Input maxLength={40} />
        </Form.Item>
      </Flex>
      <Form.Item name="matter" label={t('stAgencyMatter')} rules={required(t('stAgencyMatter'))}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="reasons" label={t('stAgencyReasons')} rules={required(t('stAgencyReasons'))}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}
