import { Button, Result } from 'antd';
import { isApiError } from '../api/api-error.js';
import { useLocale } from '../i18n/locale.js';
import { errorText } from './error-text.js';

/** A failed load, with the reason and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useLocale();
  const forbidden = isApiError(error) && error.status === 403;
  return (
    <Result
      status={forbidden ? '403' : 'warning'}
      title={forbidden ? t('forbiddenTitle') : t('loadFailed')}
      subTitle={errorText(error, t)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('retry')}
          </Button>
        ) : null
      }
    />
  );
}
