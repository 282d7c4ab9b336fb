import { Alert, Card, Flex, Typography } from 'antd';
import type { SuggestionDetail } from '../../../../shared/schemas/suggestions.js';
import { useLocale } from '../../../i18n/locale.js';
import { problemList } from '../components/problem-list.js';

/** Whether the draft may be submitted, and what to fix: the server's checks, in a list. */
export function SubmitChecks({
  detail,
  failed,
  dirty,
}: {
  detail: SuggestionDetail;
  /** The checks a refused submission reported (409), if the last attempt failed. */
  failed: string[] | null;
  dirty: boolean;
}) {
  const { t } = useLocale();
  const submit = detail.actions.find((a) => a.action === 'submit');
  const blocking = failed ?? (submit && !submit.allowed ? problemList(submit.reason) : []);
  const list = (items: string[]) => (
    <ul className="minyi-problem-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
  return (
    <Card title={t('sgSubmitChecks')} data-testid="submit-checks">
      <Flex vertical gap={8}>
        {blocking.length > 0 ? (
          <Alert
            type={failed ? 'error' : 'warning'}
            showIcon
            title={failed ? t('sgSubmitRefused') : t('sgSubmitBlocked')}
            description={list(blocking)}
          />
        ) : (
          <Alert type="success" showIcon title={t('sgSubmitReady')} />
        )}
        {detail.hints.map((hint) => (
          <Alert key={hint} type="warning" showIcon title={t('sgHintTitle')} description={hint} />
        ))}
        {dirty ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('sgUnsavedSubmitHint')}
          </Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}
