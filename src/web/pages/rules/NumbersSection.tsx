import { Card, Col, Form, InputNumber, Radio, Row, Switch } from 'antd';
import { bodyLevelLabels, bodyLevelValues } from '../../../shared/schemas/common.js';
import { useLocale } from '../../i18n/locale.js';

/** Co-signers a motion needs at each level. */
export function MotionThresholdsSection() {
  const { t, pick } = useLocale();
  return (
    <Card title={t('sectionMotions')}>
      <p className="minyi-section-help">{t('sectionMotionsHelp')}</p>
      <Row gutter={16}>
        {bodyLevelValues.map((level) => (
          <Col xs={12} md={8} xl={4} key={level}>
            <Form.Item
              name={['motionThresholds', level]}
              label={pick(bodyLevelLabels[level])}
              rules={[
                { required: true, message: t('fieldRequired', { field: pick(bodyLevelLabels[level]) }) },
              ]}
            >
              <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** Key suggestions, satisfaction, warnings, reception day, rating and portal switches. */
export function OtherRulesSection() {
  const { t } = useLocale();
  const required = (field: string) => [{ required: true, message: t('fieldRequired', { field }) }];
  return (
    <Card title={t('sectionOther')}>
      <Row gutter={16}>
        <Col xs={24} md={12} xl={8}>
          <Form.Item
            name="keySuggestionMinSigners"
            label={t('keySuggestionMinSigners')}
            rules={required(t('keySuggestionMinSigners'))}
          >
            <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item
            name="satisfactionThresholdPercent"
            label={t('satisfactionThresholdPercent')}
            extra={t('satisfactionThresholdHelp')}
            rules={required(t('satisfactionThresholdPercent'))}
          >
            <InputNumber min={0} max={100} precision={1} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item
            name="warningSharePercent"
            label={t('warningSharePercent')}
            extra={t('warningShareHelp')}
            rules={required(t('warningSharePercent'))}
          >
            <InputNumber min={10} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item
            name="receptionDayOfMonth"
            label={t('receptionDayOfMonth')}
            extra={t('receptionDayHelp')}
            rules={required(t('receptionDayOfMonth'))}
          >
            <InputNumber
              min={1}
              max={28}
              precision={0}
              suffix={t('dayOfMonthSuffix')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item
            name="backToBackRating"
            label={t('backToBackRating')}
            extra={t('backToBackHelp')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="undisclosedOnPortal" label={t('undisclosedOnPortal')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'hidden', label: t('undisclosedHidden') },
                { value: 'title_only', label: t('undisclosedTitleOnly') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
