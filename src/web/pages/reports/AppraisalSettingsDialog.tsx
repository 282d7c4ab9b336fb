import { App, Alert, Col, Form, InputNumber, Row, Switch, Typography } from 'antd';
import type { AppraisalCriterion, AppraisalSettings } from '../../../shared/schemas/appraisal.js';
import { appraisalCriterionLabels, appraisalCriterionValues } from '../../../shared/schemas/appraisal.js';
import { FormModal } from '../../components/FormModal.js';
import type { MessageKey } from '../../i18n/dictionary.js';
import { useLocale } from '../../i18n/locale.js';
import { useAppraisalSettings, useSaveAppraisalSettings } from './reports.api.js';

/** The per-item deductions of each criterion, with their labels. */
const deductionFields: Record<AppraisalCriterion, [string, MessageKey][]> = {
  onTime: [
    ['lateReply', 'apLateReply'],
    ['overdueNoReply', 'apOverdueNoReply'],
  ],
  contact: [['missingContact', 'apMissingContact']],
  satisfaction: [
    ['unsatisfied', 'apUnsatisfied'],
    ['basicallySatisfied', 'apBasically'],
  ],
  signatures: [['incompleteRecord', 'apIncompleteRecord']],
  promises: [
    ['overdue', 'apPromiseOverdue'],
    ['fulfilledLate', 'apPromiseLate'],
  ],
};

/** Weights (summing to 100) and deductions of the appraisal, for the office or an administrator. */
export function AppraisalSettingsDialog({ bodyId, onClose }: { bodyId: string | null; onClose: () => void }) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const current = useAppraisalSettings(bodyId, true);
  const save = useSaveAppraisalSettings(bodyId);
  if (!current.data) return null;
  return (
    <FormModal<AppraisalSettings>
      open
      width={640}
      title={t('apWeights')}
      initialValues={current.data.settings}
      onClose={onClose}
      onSubmit={async (values) => {
        await save.mutateAsync(values);
        void message.success(t('apSaved'));
      }}
    >
      {(form) => (
        <>
          {current.data.source !== 'own' ? (
            <Alert type="info" showIcon title={t('apInherited')} style={{ marginBottom: 12 }} />
          ) : null}
          <Form.Item shouldUpdate noStyle>
            {() => {
              const values = form.getFieldsValue(true) as AppraisalSettings;
              const sum = appraisalCriterionValues.reduce(
                (total, c) => total + Number(values[c]?.weight ?? 0),
                0,
              );
              return (
                <Typography.Paragraph type={sum === 100 ? 'secondary' : 'danger'} data-testid="weight-sum">
                  {t('apWeightSum', { sum })}
                </Typography.Paragraph>
              );
            }}
          </Form.Item>
          {appraisalCriterionValues.map((criterion) => (
            <Row key={criterion} gutter={12} align="bottom">
              <Col xs={24} sm={8}>
                <Form.Item
                  label={`${pick(appraisalCriterionLabels[criterion])} · ${t('apWeight')}`}
                  name={[criterion, 'weight']}
                  rules={[{ required: true }]}
                >
                  <InputNumber min={0} max={100} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              {deductionFields[criterion].map(([field, label]) => (
                <Col key={field} xs={12} sm={8}>
                  <Form.Item label={t(label)} name={[criterion, field]} rules={[{ required: true }]}>
                    <InputNumber min={0} max={100} step={0.5} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              ))}
              {criterion === 'contact' ? (
                <Col xs={12} sm={8}>
                  <Form.Item
                    label={t('apFaceToFaceOnly')}
                    name={['contact', 'faceToFaceOnly']}
                    valuePropName="checked"
                  >
                    <Switch />
                  </Form.Item>
                </Col>
              ) : null}
            </Row>
          ))}
        </>
      )}
    </FormModal>
  );
}
