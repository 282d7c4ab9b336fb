import { useState } from 'react';
import { Alert, App, Button, Form, Input, Radio } from 'antd';
import type { RatingInput } from '../../../shared/schemas/handling.js';
import { ratingValueLabels, ratingValueSchema } from '../../../shared/schemas/handling.js';
import type { SuggestionDetail } from '../../../shared/schemas/suggestions.js';
import { showFieldErrors } from '../../api/form-errors.js';
import { errorText } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';
import { isConcurrentChange } from '../suggestions/api/suggestions.api.js';
import { useRate } from './handling.api.js';

/** The lead deputy's rating of attitude and result; 不满意 needs a reason. */
export function RatingForm({ detail }: { detail: SuggestionDetail }) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<RatingInput>();
  const rate = useRate();
  const [failure, setFailure] = useState<string | null>(null);
  const attitude = Form.useWatch('attitude', form);
  const result = Form.useWatch('result', form);
  const needsReason = attitude === 'unsatisfied' || result === 'unsatisfied';
  const options = ratingValueSchema.options.map((v) => ({ value: v, label: pick(ratingValueLabels[v]) }));

  const submit = async (values: RatingInput) => {
    setFailure(null);
    try {
      await rate.mutateAsync({ id: detail.id, version: detail.version, input: values });
      message.success(t('hdRated'));
    } catch (error) {
      if (isConcurrentChange(error)) message.warning(t('sgConcurrentChange'));
      else if (!showFieldErrors(form, error)) setFailure(errorText(error, t));
    }
  };

  return (
    <Form<RatingInput>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      data-testid="rating-form"
    >
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form.Item
        name="attitude"
        label={t('hdAttitude')}
        rules={[{ required: true, message: t('hdRequired') }]}
      >
        <Radio.Group optionType="button" buttonStyle="solid" options={options} />
      </Form.Item>
      <Form.Item name="result" label={t('hdResult')} rules={[{ required: true, message: t('hdRequired') }]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={options} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('hdRatingReason')}
        rules={[{ required: needsReason, whitespace: true, min: 5, message: t('hdRatingReasonRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={1000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={rate.isPending} block>
        {t('hdRate')}
      </Button>
    </Form>
  );
}
