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
  Segmented,
  Table,
  Tag,
  TimePicker,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Appointment } from '../../../shared/schemas/appointments.js';
import { appointmentStatusLabels } from '../../../shared/schemas/appointments.js';
import { useSession } from '../../auth/session.js';
import { FormModal } from '../../components/FormModal.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { useAppointment, useAppointmentAction, useAppointments } from './stations.api.js';
import { appointmentStatusColors } from './reception-labels.js';
import { EventTimeline } from './EventTimeline.js';

type Row = Omit<Appointment, 'actions' | 'timeline'>;

/** Citizens' bookings (约见卡) with deputies: accept, propose another time, decline, record the meeting. */
export function AppointmentsPage() {
  const { t, pick } = useLocale();
  const { me } = useSession();
  const { id } = useParams();
  const navigate = useNavigate();
  const isDeputy = Boolean(me?.deputyId);
  const [view, setView] = useState<'mine' | 'all'>(isDeputy ? 'mine' : 'all');
  const [page, setPage] = useState(1);
  const list = useAppointments({ view, page, pageSize: 20 });
  const columns: TableColumnsType<Row> = [
    {
      title: t('stWhen'),
      key: 'when',
      width: 170,
      render: (_v, row) => (
        <Flex vertical>
          <span>
            {row.date} {row.startTime}
          </span>
          {row.proposedDate ? (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('stProposed')}：{row.proposedDate} {row.proposedTime}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('stMatter'),
      key: 'matter',
      render: (_v, row) => (
        <Flex vertical>
          <Typography.Text ellipsis style={{ maxWidth: 380 }}>
            {row.matter}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[row.visitorName, row.deputyName, row.stationName].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('userStatus'),
      key: 'status',
      width: 150,
      render: (_v, row) => (
        <Tag color={appointmentStatusColors[row.status]}>{pick(appointmentStatusLabels[row.status])}</Tag>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('stAppointmentsTitle')} intro={t('stAppointmentsIntro')} />
      <Card className="minyi-table-card">
        <Segmented
          style={{ marginBottom: 16 }}
          value={view}
          onChange={(next) => {
            setView(next);
            setPage(1);
          }}
          options={[
            ...(isDeputy ? [{ value: 'mine' as const, label: t('stViewMine') }] : []),
            { value: 'all' as const, label: t('stViewAll') },
          ]}
        />
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Row>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            scroll={{ x: 680 }}
            onRow={(row) => ({
              onClick: () => navigate(`/stations/appointments/${row.id}`),
              style: { cursor: 'pointer' },
            })}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
          />
        )}
      </Card>
      <AppointmentDrawer id={id ?? null} onClose={() => navigate('/stations/appointments')} />
    </>
  );
}

interface ActionValues {
  date?: Dayjs;
  time?: Dayjs;
  note?: string;
  reason?: string;
  summary?: string;
}

function AppointmentDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const appointment = useAppointment(id);
  const perform = useAppointmentAction();
  const [action, setAction] = useState<{ name: string; label: string } | null>(null);
  const detail = appointment.data;
  const submit = async (values: ActionValues) => {
    if (!detail || !action) return;
    const input: Record<string, unknown> = {};
    if (action.name === 'propose')
      Object.assign(input, {
        date: values.date?.format('YYYY-MM-DD'),
        startTime: values.time?.format('HH:mm'),
        note: values.note || undefined,
      });
    if (action.name === 'accept' && values.note) input.note = values.note;
    if (action.name === 'decline') input.reason = values.reason;
    if (action.name === 'hold' && values.summary) input.summary = values.summary;
    await perform.mutateAsync({ id: detail.id, action: action.name, input });
    message.success(t('stDone'));
  };
  return (
    <Drawer open={id !== null} onClose={onClose} size={520} title={t('stAppointment')}>
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
                  <Tag color={appointmentStatusColors[detail.status]}>
                    {pick(appointmentStatusLabels[detail.status])}
                  </Tag>
                ),
              },
              { key: 'when', label: t('stWhen'), children: `${detail.date} ${detail.startTime}` },
              { key: 'station', label: t('stStation'), children: detail.stationName },
              { key: 'deputy', label: t('stDeputy'), children: detail.deputyName },
              { key: 'visitor', label: t('stVisitor'), children: detail.visitorName ?? t('stAnonymous') },
              { key: 'contact', label: t('stVisitorContact'), children: detail.visitorContact },
              { key: 'code', label: t('stTrackingCode'), children: detail.trackingCode },
            ]}
          />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{detail.matter}</Typography.Paragraph>
          {detail.deputyNote ? (
            <Typography.Paragraph type="secondary">{detail.deputyNote}</Typography.Paragraph>
          ) : null}
          <Flex gap={8} wrap>
            {detail.actions
              .filter((a) => a.allowed)
              .map((a) => (
                <Button
                  key={a.action}
                  type={a.action === 'accept' || a.action === 'hold' ? 'primary' : 'default'}
                  onClick={() => setAction({ name: a.action, label: a.label })}
                >
                  {a.label}
                </Button>
              ))}
            {detail.receptionId ? (
              <Link to={`/stations/receptions/${detail.receptionId}`}>{t('stOpenReception')}</Link>
            ) : null}
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
        {action?.name === 'propose' ? (
          <Flex gap={8}>
            <Form.Item name="date" label={t('stDate')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="time" label={t('stTime')} rules={[{ required: true }]}>
              <TimePicker format="HH:mm" minuteStep={15} />
            </Form.Item>
          </Flex>
        ) : null}
        {action?.name === 'propose' || action?.name === 'accept' ? (
          <Form.Item name="note" label={t('stNoteToCitizen')}>
            <Input.TextArea rows={2} maxLength={300} />
          </Form.Item>
        ) : null}
        {action?.name === 'decline' ? (
          <Form.Item
            name="reason"
            label={t('stReason')}
            rules={[
              { required: true, whitespace: true, message: t('fieldRequired', { field: t('stReason') }) },
            ]}
          >
            <Input.TextArea rows={3} maxLength={300} />
          </Form.Item>
        ) : null}
        {action?.name === 'hold' ? (
          <Form.Item name="summary" label={t('stMeetingSummary')} extra={t('stMeetingSummaryHelp')}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        ) : null}
        {action?.name === 'miss' ? <p>{t('stMissHelp')}</p> : null}
      </FormModal>
    </Drawer>
  );
}
