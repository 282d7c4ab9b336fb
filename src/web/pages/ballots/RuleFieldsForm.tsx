import { Checkbox, Flex, Form, InputNumber, Select } from 'antd';
import { tieRuleLabels, tieRuleValues } from '../../../shared/schemas/ballots.js';
import { useLocale } from '../../i18n/locale.js';
import type { RulePreset } from './rule-presets.js';

/** The pass-rule part of a form (under the name `rule`): a preset and its numbers. */
export function RuleFieldsForm({ presets }: { presets: readonly RulePreset[] }) {
  const { t, pick } = useLocale();
  const preset = Form.useWatch<RulePreset | undefined>(['rule', 'preset']);
  const presetLabels: Record<RulePreset, string> = {
    zhenhai: t('vtRuleZhenhai'),
    threshold: t('vtRuleThreshold'),
    gushi: t('vtRuleGushi'),
    plurality: t('vtRulePlurality'),
  };
  return (
    <>
      <Form.Item name={['rule', 'preset']} label={t('vtPassRule')} rules={[{ required: true }]}>
        <Select options={presets.map((value) => ({ value, label: presetLabels[value] }))} />
      </Form.Item>
      <Flex gap={16} wrap>
        {preset === 'threshold' || preset === 'gushi' ? (
          <Form.Item name={['rule', 'percent']} label={t('vtThresholdPercent')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100} step={0.1} suffix="%" />
          </Form.Item>
        ) : null}
        {preset === 'gushi' ? (
          <Form.Item
            name={['rule', 'membersWeight']}
            label={t('vtMembersWeight')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={99} suffix="%" />
          </Form.Item>
        ) : null}
        {preset === 'threshold' || preset === 'gushi' ? (
          <Form.Item name={['rule', 'countBasic']} valuePropName="checked" label=" ">
            <Checkbox>{t('vtCountBasic')}</Checkbox>
          </Form.Item>
        ) : null}
        {preset === 'plurality' ? (
          <>
            <Form.Item name={['rule', 'tieRule']} label={t('vtTieRule')}>
              <Select
                style={{ minWidth: 200 }}
                options={tieRuleValues.map((value) => ({ value, label: pick(tieRuleLabels[value]) }))}
              />
            </Form.Item>
            <Form.Item name={['rule', 'requireMajorityOfAll']} valuePropName="checked" label=" ">
              <Checkbox>{t('vtRequireMajority')}</Checkbox>
            </Form.Item>
          </>
        ) : null}
      </Flex>
    </>
  );
}
