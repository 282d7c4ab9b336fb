import { useEffect } from 'react';
import { App, Button, Card, Descriptions, Flex, Form, Input, Popconfirm, Radio, Tag } from 'antd';
import type { CalendarDay, CalendarOverrideKind } from '../../../shared/schemas/calendar.js';
import { showFieldErrors } from '../../api/form-errors.js';
import { showError } from '../../components/error-text.js';
import type { MessageKey } from '../../i18n/dictionary.js';
import { useLocale } from '../../i18n/locale.js';
import { useDeleteOverride, usePutOverride } from './calendar.api.js';

export const dayKindLabels: Record<CalendarDay['kind'], MessageKey> = {
  workday: 'dayWorkday',
  weekend: 'dayWeekend',
  holiday: 'dayHoliday',
  makeup_workday: 'dayMakeupWorkday',
};

const weekdayLabels = [
  'weekday1',
  'weekday2',
  'weekday3',
  'weekday4',
  'weekday5',
  'weekday6',
  'weekday7',
] as const satisfies readonly MessageKey[];

interface OverrideValues {
  kind: CalendarOverrideKind;
  note?: string;
}

/** One day: how it counts, and (for calendar editors) an override of the official arrangement. */
export function DayPanel({ day, canEdit }: { day: CalendarDay | undefined; canEdit: boolean }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<OverrideValues>();
  const put = usePutOverride();
  const remove = useDeleteOverride();

  useEffect(() => {
    if (day)
      form.setFieldsValue({
        kind: day.override?.kind ?? (day.working ? 'holiday' : 'workday'),
        note: day.override?.note ?? '',
      });
  }, [day, form]);

  if (!day) return <Card title={t('calendarDay')} loading />;

  const save = async (values: OverrideValues) => {
    try {
      await put.mutateAsync({ date: day.date, input: { kind: values.kind, note: values.note ?? '' } });
      message.success(t('saved'));
    } catch (error) {
      if (!showFieldErrors(form, error)) showError(message, error, t);
    }
  };

  const restore = async () => {
    try {
      await remove.mutateAsync(day.date);
      message.success(t('calendarRestored'));
    } catch (error) {
      showError(message, error, t);
    }
  };

  return (
    <Card title={`${day.date} ${t(weekdayLabels[day.weekday - 1] ?? 'weekday1')}`}>
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('calendarCounts')}>
          <Tag color={day.working ? 'blue' : 'red'}>{t(day.working ? 'dayWorking' : 'dayRest')}</Tag>
          {t(dayKindLabels[day.kind])}
        </Descriptions.Item>
        {day.holidayName ? (
          <Descriptions.Item label={t('calendarHoliday')}>{day.holidayName}</Descriptions.Item>
        ) : null}
        {day.override ? (
          <Descriptions.Item label={t('calendarOverride')}>
            {t(day.override.kind === 'workday' ? 'overrideWorkday' : 'overrideHoliday')}
            {day.override.note ? `（${day.override.note}）` : ''}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {canEdit ? (
        <Form<OverrideValues> form={form} layout="vertical" onFinish={(values) => void save(values)}>
          <Form.Item name="kind" label={t('calendarSetAs')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'workday', label: t('overrideWorkday') },
                { value: 'holiday', label: t('overrideHoliday') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('calendarNote')}>
            <Input maxLength={200} placeholder={t('calendarNotePlaceholder')} />
          </Form.Item>
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={put.isPending}>
              {t('save')}
            </Button>
            {day.override ? (
              <Popconfirm
                title={t('calendarRestoreConfirm')}
                okText={t('confirm')}
                cancelText={t('cancel')}
                onConfirm={restore}
              >
                <Button loading={remove.isPending}>{t('calendarRestore')}</Button>
              </Popconfirm>
            ) : null}
          </Flex>
        </Form>
      ) : null}
    </Card>
  );
}
