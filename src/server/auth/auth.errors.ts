import { DomainError } from '../platform/errors.js';

export const authErrors = {
  unauthenticated: () =>
    new DomainError('unauthenticated', 'unauthenticated', {
      zh: '请先登录，或登录已超时，请重新登录。',
      en: 'Please sign in; your session may have timed out.',
    }),
  invalidCredentials: (remaining: number) =>
    new DomainError(
      'unauthenticated',
      'invalid_credentials',
      {
        zh: `用户名或密码错误。${remaining > 0 ? `再错 ${remaining} 次账户将被锁定。` : ''}`,
        en: `Wrong username or password.${remaining > 0 ? ` ${remaining} more failures lock the account.` : ''}`,
      },
      [],
      { remainingAttempts: remaining },
    ),
  locked: (until: string, minutes: number) =>
    new DomainError(
      'locked',
      'account_locked',
      {
        zh: `密码连续错误次数过多，账户已锁定，请 ${minutes} 分钟后再试或联系管理员解锁。`,
        en: `Too many failed attempts; the account is locked. Try again in ${minutes} minutes or ask an administrator.`,
      },
      [],
      { lockedUntil: until },
    ),
  disabled: () =>
    new DomainError('forbidden', 'account_disabled', {
      zh: '账户已停用，请联系管理员。',
      en: 'This account is disabled; please contact an administrator.',
    }),
  csrf: () =>
    new DomainError('forbidden', 'csrf_token_invalid', {
      zh: '页面已过期（安全校验失败），请刷新页面后重试。',
      en: 'The page is out of date (security check failed); reload and try again.',
    }),
  secondFactorPending: () =>
    new DomainError('forbidden', 'second_factor_required', {
      zh: '请先完成双因素验证。',
      en: 'Complete the second-factor check first.',
    }),
  passwordChangeRequired: () =>
    new DomainError('forbidden', 'password_change_required', {
      zh: '首次登录须先修改密码。',
      en: 'You must change your password before continuing.',
    }),
  wrongTotp: () =>
    new DomainError(
      'validation',
      'totp_invalid',
      { zh: '验证码不正确或已过期。', en: 'The code is wrong or has expired.' },
      [{ field: 'code', message: { zh: '验证码不正确或已过期', en: 'wrong or expired code' } }],
    ),
  wrongCurrentPassword: () =>
    new DomainError(
      'validation',
      'current_password_wrong',
      { zh: '当前密码不正确。', en: 'The current password is wrong.' },
      [
        {
          field: 'currentPassword',
          message: { zh: '「当前密码」不正确', en: '"Current password" is wrong' },
        },
      ],
    ),
  weakPassword: (problems: { zh: string; en: string }[], field = 'newPassword') =>
    new DomainError(
      'validation',
      'password_too_weak',
      {
        zh: `密码不符合要求：${problems.map((p) => p.zh).join('；')}`,
        en: `Password does not meet the policy: ${problems.map((p) => p.en).join('; ')}`,
      },
      problems.map((p) => ({ field, message: p })),
    ),
  totpRequiredByPolicy: () =>
    new DomainError('conflict', 'totp_required_by_policy', {
      zh: '安全策略要求工作人员启用双因素验证，不能关闭。',
      en: 'The security policy requires staff to use a second factor.',
    }),
};
