import { Form, InputNumber, Skeleton, Typography } from 'antd';
import { useLocale } from '../../i18n/locale.js';
import type { Challenge } from './citizen.api.js';

/** The arithmetic check asked before a submission (no external service, nothing to track). */
export function ChallengeField({ challenge }: { challenge: Challenge | undefined }) {
  const { t } = useLocale();
  if (!challenge) return <Skeleton.Input active />;
  return (
    <Form.Item
      name="challengeAnswer"
      label={
        <span>
          {t('czChallenge')}
          <Typography.Text strong style={{ marginInlineStart: 8 }} data-testid="challenge-question">
            {challenge.question}
          </Typography.Text>
        </span>
      }
      rules={[{ required: true, message: t('czChallengeRequired') }]}
    >
      <InputNumber inputMode="numeric" style={{ width: 140 }} placeholder={t('czChallengePlaceholder')} />
    </Form.Item>
  );
}
