import type { App } from 'antd';
import { isApiError } from '../api/api-error.js';
import { authProblemOf } from '../api/auth-events.js';
import type { LocaleContextValue } from '../i18n/locale.js';

type MessageApi = ReturnType<typeof App.useApp>['message'];

/** What to tell a person about a failed request: the server's own words when it sent some. */
export function errorText(error: unknown, t: LocaleContextValue['t']): string {
  if (isApiError(error)) {
    if (error.status === 0) return t('networkError');
    if (error.detail) return error.detail;
    if (error.title) return error.title;
  }
  return t('unexpectedError');
}

/**
 * Shows a failed action as a message. Sign-in problems are left to the session handler, which
 * already takes the user to the right login step and says why.
 */
export function showError(message: MessageApi, error: unknown, t: LocaleContextValue['t']): void {
  if (isApiError(error) && authProblemOf(error.code)) return;
  void message.error(errorText(error, t));
}
