import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Table,
  Tag,
  TimePicker,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
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
import {
  useAgencyAction,
  useAgencyAppointment,
  useAgencyAppointments,
  useCreateAgencyAppointment,
} from './stations.api.js';
import { agencyStatusColors } from './reception-labels.js';
import { EventTimeline } from './EventTimeline.js';

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

interface ActionValues {
  date?: Dayjs;
  time?: Dayjs;
  place?: string;
  officialName?: string;
  reason?: string;
  minutes?: string;
  followUp?: string;
  note?: string;
}

function AgencyDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const item = useAgencyAppointment(id);
  const perform = useAgencyAction();
  const [action, setAction] = useState<{ name: string; label: string } | null>(null);
  const detail = item.data;
  const required = (field: string) => [{ required: true, message: t('fieldRequired', { field }) }];
  const submit = async (values: ActionValues) => {
    if (!detail || !action) return;
    const when = {
      scheduledOn: values.date?.format('YYYY-MM-DD'),
      scheduledTime: values.time?.format('HH:mm'),
    };
    const inputs: Record<string, Record<string, unknown>> = {
      schedule: { ...when, place: values.place, officialName: values.officialName || null },
      postpone: { ...when, reason: values.reason },
      hold: { minutes: values.minutes },
      follow_up: { followUp: values.followUp },
      close: { note: values.note },
      withdraw: { reason: values.reason },
    };
    await perform.mutateAsync({ id: detail.id, action: action.name, input: inputs[action.name] ?? {} });
    message.success(t('stDone'));
  };
  const name = action?.name;
  return (
    <Drawer open={id !== null} onClose={onClose} size={540} title={detail?.matter ?? t('stAgencyTitle')}>
      {detail ? (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'status',
                label: t('userStatus'),
                children: (
                  <Tag color={agencyStatusColors[detail.status]}>
                    {pick(agencyStatusLabels[detail.status])}
                  </Tag>
                ),
              },
              { key: 'deputy', label: t('stDeputy'), children: detail.deputyName },
              {
                key: 'agency',
                label: t('stAgency'),
                children: `${detail.unitName}${detail.officialTitle}${detail.officialName ? `（${detail.officialName}）` : ''}`,
              },
              {
                key: 'when',
                label: t('stWhen'),
                children: detail.scheduledOn
                  ? `${detail.scheduledOn} ${detail.scheduledTime ?? ''} ${detail.place ?? ''}`
                  : '—',
              },
              ...(detail.latestPostponeOn
                ? [
                    {
                      key: 'latest',
                      label: t('stLatestPostpone'),
                      children: `${detail.latestPostponeOn}（${t('stPostponedTimes', { count: detail.postponedCount })}）`,
                    },
                  ]
                : []),
            ]}
          />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{detail.reasons}</Typography.Paragraph>
          {detail.minutes ? (
            <Card size="small" title={t('stMinutes')}>
              {detail.minutes}
            </Card>
          ) : null}
          {detail.followUp ? (
            <Card size="small" title={t('stFollowUp')}>
              {detail.followUp}
            </Card>
          ) : null}
          <Flex gap={8} wrap>
            {detail.actions
              .filter((a) => a.allowed)
              .map((a) => (
                <Button key={a.action} onClick={() => setAction({ name: a.action, label: a.label })}>
                  {a.label}
                </Button>
              ))}
          </Flex>
          <EventTimeline events={detail.timeline} />
        </Flex>
      ) : null}
      <FormModal<ActionValues>
        open={action !== null}
        title={action?.label ?? ''}
        okText={action?.label}
        onClose={() => setAction(null)}
        onSubmit={submit}
      >
        {name === 'schedule' || name === 'postpone' ? (
          <Flex gap={8}>
            <Form.Item name="date" label={t('stDate')} rules={required(t('stDate'))}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="time" label={t('stTime')} rules={required(t('stTime'))}>
              <TimePicker format="HH:mm" minuteStep={15} />
            </Form.Item>
          </Flex>
        ) : null}
        {name === 'schedule' ? (
          <>
            <Form.Item name="place" label={t('stPlace')} rules={required(t('stPlace'))}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="officialName" label={t('stOfficialName')}>
              <Input maxLength={40} />
            </Form.Item>
          </>
        ) : null}
        {name === 'postpone' || name === 'withdraw' ? (
          <Form.Item
            name="reason"
            label={t('stReason')}
            rules={required(t('stReason'))}
            extra={name === 'postpone' ? t('stPostponeHelp') : undefined}
          >
            <Input.TextArea rows={2} maxLength={300} />
          </Form.Item>
        ) : null}
        {name === 'hold' ? (
          <Form.Item name="minutes" label={t('stMinutes')} rules={required(t('stMinutes'))}>
            <Input.TextArea rows={5} maxLength={5000} />
          </Form.Item>
        ) : null}
        {name === 'follow_up' ? (
          <Form.Item name="followUp" label={t('stFollowUp')} rules={required(t('stFollowUp'))}>
            <Input.TextArea rows={4} maxLength={3000} />
          </Form.Item>
        ) : null}
        {name === 'close' ? (
          <Form.Item name="note" label={t('stNote')} rules={required(t('stNote'))}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : null}
      </FormModal>
    </Drawer>
  );
}
