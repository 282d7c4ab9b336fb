import { Card, Col, Form, InputNumber, Row, Select, Space } from 'antd';
import type { RuleProfile } from '../../../shared/schemas/settings.js';
import type { MessageKey } from '../../i18n/dictionary.js';
import { useLocale } from '../../i18n/locale.js';

type DeadlineKey = keyof RuleProfile['deadlines'];

const deadlineLabels: Record<DeadlineKey, MessageKey> = {
  reply: 'deadlineReply',
  maxTotalWithExtension: 'deadlineMaxTotalWithExtension',
  adjustmentWindow: 'deadlineAdjustmentWindow',
  coUnitOpinion: 'deadlineCoUnitOpinion',
  firstContact: 'deadlineFirstContact',
  deputyFeedback: 'deadlineDeputyFeedback',
  rehandling: 'deadlineRehandling',
  recessAssignment: 'deadlineRecessAssignment',
};
const deadlineKeys = Object.keys(deadlineLabels) as DeadlineKey[];

/** Each legal period as an amount and a unit (months, days, working days). */
export function DeadlinesSection() {
  const { t } = useLocale();
  const unitOptions = [
    { value: 'months', label: t('periodMonths') },
    { value: 'days', label: t('periodDays') },
    { value: 'workingDays', label: t('periodWorkingDays') },
  ];
  return (
    <Card title={t('sectionDeadlines')}>
      <p className="minyi-section-help">{t('sectionDeadlinesHelp')}</p>
      <Row gutter={16}>
        {deadlineKeys.map((key) => (
          <Col xs={24} md={12} xl={8} key={key}>
            <Form.Item label={t(deadlineLabels[key])} required>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item
                  name={['deadlines', key, 'amount']}
                  noStyle
                  rules={[{ required: true, message: t('fieldRequired', { field: t(deadlineLabels[key]) }) }]}
                >
                  <InputNumber min={1} max={365} precision={0} style={{ width: '45%' }} />
                </Form.Item>
                <Form.Item name={['deadlines', key, 'unit']} noStyle>
                  <Select options={unitOptions} style={{ width: '55%' }} />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
