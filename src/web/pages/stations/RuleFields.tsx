import { Col, Form, InputNumber, Radio, Row, Select, TimePicker } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { ReceptionRule } from '../../../shared/schemas/stations.js';
import { restDayRuleLabels } from '../../../shared/schemas/stations.js';
import { useLocale } from '../../i18n/locale.js';
import type { RuleInput } from './stations.api.js';

/** The form's shape of a rule: times as dayjs for the pickers. */
export interface RuleValues {
  kind: 'day_of_month' | 'nth_weekday';
  dayOfMonth?: number;
  weekNumber?: number;
  weekday?: number;
  restDayRule: 'next_working_day' | 'keep';
  hours: [Dayjs, Dayjs];
  deputiesPerDay: number;
  slotMinutes: number;
}

export function ruleValues(rule: ReceptionRule | undefined): RuleValues {
  return {
    kind: rule?.kind ?? 'day_of_month',
    dayOfMonth: rule?.dayOfMonth ?? 20,
    weekNumber: rule?.weekNumber ?? 1,
    weekday: rule?.weekday ?? 3,
    restDayRule: rule?.restDayRule ?? 'next_working_day',
    hours: [
      dayjs(`2000-01-01T${rule?.startTime ?? '09:00'}`),
      dayjs(`2000-01-01T${rule?.endTime ?? '12:00'}`),
    ],
    deputiesPerDay: rule?.deputiesPerDay ?? 2,
    slotMinutes: rule?.slotMinutes ?? 30,
  };
}

export function ruleInput(values: RuleValues): RuleInput {
  return {
    kind: values.kind,
    dayOfMonth: values.kind === 'day_of_month' ? (values.dayOfMonth ?? null) : null,
    weekNumber: values.kind === 'nth_weekday' ? (values.weekNumber ?? null) : null,
    weekday: values.kind === 'nth_weekday' ? (values.weekday ?? null) : null,
    restDayRule: values.restDayRule,
    startTime: values.hours[0].format('HH:mm'),
    endTime: values.hours[1].format('HH:mm'),
    deputiesPerDay: values.deputiesPerDay,
    slotMinutes: values.slotMinutes,
  };
}

const weekdays = ['一', '二', '三', '四', '五', '六', '日'];

/** Fields of a reception-day rule, inside a parent `Form` (optionally under a name prefix). */
export function RuleFields({ prefix = [] }: { prefix?: string[] }) {
  const { t, pick } = useLocale();
  const name = (field: string) => [...prefix, field];
  const kind = Form.useWatch(name('kind')) as RuleValues['kind'] | undefined;
  return (
    <>
      <Form.Item name={name('kind')} label={t('stRuleKind')}>
        <Radio.Group
          options={[
            { value: 'day_of_month', label: t('stRuleDayOfMonth') },
            { value: 'nth_weekday', label: t('stRuleNthWeekday') },
          ]}
        />
      </Form.Item>
      {kind === 'nth_weekday' ? (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name={name('weekNumber')} label={t('stRuleWeekNumber')}>
              <Select
                options={[1, 2, 3, 4, -1].map((n) => ({
                  value: n,
                  label: n === -1 ? t('stRuleLastWeek') : t('stRuleWeekN', { n }),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={name('weekday')} label={t('stRuleWeekday')}>
              <Select options={weekdays.map((d, i) => ({ value: i + 1, label: `星期${d}` }))} />
            </Form.Item>
          </Col>
        </Row>
      ) : (
        <Form.Item name={name('dayOfMonth')} label={t('stRuleDay')}>
          <InputNumber min={1} max={31} suffix={t('stRuleDaySuffix')} />
        </Form.Item>
      )}
      <Form.Item name={name('restDayRule')} label={t('stRuleRestDay')}>
        <Radio.Group
          options={(['next_working_day', 'keep'] as const).map((value) => ({
            value,
            label: pick(restDayRuleLabels[value]),
          }))}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name={name('hours')} label={t('stRuleHours')}>
            <TimePicker.RangePicker format="HH:mm" minuteStep={15} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name={name('deputiesPerDay')} label={t('stRulePerDay')}>
            <InputNumber min={1} max={10} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name={name('slotMinutes')} label={t('stRuleSlot')}>
            <InputNumber min={10} max={120} step={10} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
