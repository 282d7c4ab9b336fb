import { DatePicker, Form, Select, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { StationDetail } from '../../../shared/schemas/stations.js';
import { FormModal } from '../../components/FormModal.js';
import { useLocale } from '../../i18n/locale.js';
import { useAddReceptionDay } from './stations.api.js';

interface Values {
  date: Dayjs;
  hours: [Dayjs, Dayjs];
  deputyIds: string[];
}

/** An extra reception day outside the rule (e.g. before a session), with who is on duty. */
export function AddDayModal({
  station,
  open,
  onClose,
  onAdded,
}: {
  station: StationDetail | undefined;
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
}) {
  const { t } = useLocale();
  const add = useAddReceptionDay();
  const required = (field: string) => [{ required: true, message: t('fieldRequired', { field }) }];
  return (
    <FormModal<Values>
      open={open && station !== undefined}
      title={t('stAddDay')}
      initialValues={{
        hours: [dayjs('09:00', 'HH:mm'), dayjs('11:30', 'HH:mm')],
        deputyIds: [],
      }}
      onClose={onClose}
      onSubmit={async (values) => {
        if (!station) return;
        await add.mutateAsync({
          id: station.id,
          input: {
            date: values.date.format('YYYY-MM-DD'),
            startTime: values.hours[0].format('HH:mm'),
            endTime: values.hours[1].format('HH:mm'),
            deputyIds: values.deputyIds,
          },
        });
        onAdded();
      }}
    >
      <Form.Item name="date" label={t('stDayDate')} rules={required(t('stDayDate'))}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="hours" label={t('stDayTime')} rules={required(t('stDayTime'))}>
        <TimePicker.RangePicker format="HH:mm" minuteStep={15} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="deputyIds" label={t('stOnDuty')} rules={required(t('stOnDuty'))}>
        <Select
          mode="multiple"
          options={(station?.deputies ?? []).map((d) => ({ value: d.deputyId, label: d.name }))}
        />
      </Form.Item>
    </FormModal>
  );
}
