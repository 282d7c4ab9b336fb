import { App, Form, Radio, Typography } from 'antd';
import type { LabelScheme } from '../../../shared/schemas/stations.js';
import { labelSchemeLabels, labelSchemeValues } from '../../../shared/schemas/stations.js';
import { FormModal } from '../../components/FormModal.js';
import { useLocale } from '../../i18n/locale.js';
import { useBodySettings, usePutBodySettings } from './stations.api.js';
import { RuleFields, ruleInput, ruleValues } from './RuleFields.js';
import type { RuleValues } from './RuleFields.js';

interface Values {
  labelScheme: LabelScheme;
  rule: RuleValues;
}

/** The body's settings for its stations: which labels to show, the default reception-day rule. */
export function BodySettingsModal({
  bodyId,
  open,
  onClose,
}: {
  bodyId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const settings = useBodySettings(open ? bodyId : null);
  const save = usePutBodySettings();
  if (open && !settings.data) return null;
  return (
    <FormModal<Values>
      open={open}
      title={t('stBodySettings')}
      width={640}
      initialValues={{
        labelScheme: settings.data?.labelScheme ?? 'none',
        rule: ruleValues(settings.data?.rule),
      }}
      onClose={onClose}
      onSubmit={async (values) => {
        await save.mutateAsync({
          bodyId,
          input: { labelScheme: values.labelScheme, rule: ruleInput(values.rule) },
        });
        message.success(t('saved'));
      }}
    >
      <Form.Item name="labelScheme" label={t('stLabelScheme')}>
        <Radio.Group
          options={labelSchemeValues.map((value) => ({ value, label: pick(labelSchemeLabels[value]) }))}
        />
      </Form.Item>
      <Typography.Title level={5}>{t('stDefaultRule')}</Typography.Title>
      <Typography.Paragraph type="secondary">{settings.data?.rule.description}</Typography.Paragraph>
      <RuleFields prefix={['rule']} />
    </FormModal>
  );
}
