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
  Tag,
  TimePicker,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { agencyStatusLabels } from '../../../shared/schemas/appointments.js';
import { FormModal } from '../../components/FormModal.js';
import { useLocale } from '../../i18n/locale.js';
import { useAgencyAction, useAgencyAppointment } from './stations.api.js';
import { agencyStatusColors } from './reception-labels.js';
import { EventTimeline } from './EventTimeline.js';

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

/** One appointment with an agency head: the details, the minutes and follow-up, and its actions. */
export function AgencyDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
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
