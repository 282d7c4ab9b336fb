import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  InputNumber,
  Select,
  Space,
  Typography,
} from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { Deadline } from '../../../shared/schemas/calendar.js';
import type { Period } from '../../../shared/schemas/settings.js';
import { showFieldErrors } from '../../api/form-errors.js';
import { errorText } from '../../components/error-text.js';
import { dayString } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { fetchDeadline } from './calendar.api.js';

interface DeadlineValues {
  from: Dayjs;
  amount: number;
  unit: Period['unit'];
}

/** Works out a legal deadline the way the server counts it (Civil Code arts. 201-203). */
export function DeadlineCard() {
  const { t } = useLocale();
  const [form] = Form.useForm<DeadlineValues>();
  const [result, setResult] = useState<Deadline | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const compute = async (values: DeadlineValues) => {
    setBusy(true);
    setFailure(null);
    try {
      setResult(
        await fetchDeadline(dayString(values.from) ?? '', { amount: values.amount, unit: values.unit }),
      );
    } catch (error) {
      setResult(null);
      if (!showFieldErrors(form, error)) setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={
        <>
          <CalculatorOutlined /> {t('deadlineTitle')}
        </>
      }
    >
      <Form<DeadlineValues>
        form={form}
        layout="vertical"
        initialValues={{ from: dayjs(), amount: 3, unit: 'months' }}
        onFinish={(values) => void compute(values)}
      >
        <Form.Item
          name="from"
          label={t('deadlineFrom')}
          extra={t('deadlineFromHint')}
          rules={[{ required: true }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('deadlinePeriod')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="amount"
              noStyle
              rules={[{ required: true, message: t('fieldRequired', { field: t('deadlinePeriod') }) }]}
            >
              <InputNumber min={1} max={365} precision={0} style={{ width: '45%' }} />
            </Form.Item>
            <Form.Item name="unit" noStyle>
              <Select
                style={{ width: '55%' }}
                options={[
                  { value: 'months', label: t('periodMonths') },
                  { value: 'workingDays', label: t('periodWorkingDays') },
                  { value: 'days', label: t('periodDays') },
                ]}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('deadlineCompute')}
        </Button>
      </Form>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} /> : null}
      {result ? (
        <div style={{ marginTop: 16 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {result.due}
          </Typography.Title>
          <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
            <Descriptions.Item label={t('deadlineNominal')}>{result.nominal}</Descriptions.Item>
            <Descriptions.Item label={t('deadlineMoved')}>
              {result.movedForRestDay ? t('yes') : t('no')}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {result.rule}
          </Typography.Paragraph>
          {result.officialData ? null : (
            <Alert type="warning" showIcon title={t('calendarNoOfficialData')} style={{ marginTop: 8 }} />
          )}
        </div>
      ) : null}
    </Card>
  );
}
