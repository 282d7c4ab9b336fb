/** Password rules shared by the server's check and the web form's hint. */
export interface PasswordPolicy {
  passwordMinLength: number;
  passwordMinClasses: number;
}

export function passwordClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
}

/** Each rule the password breaks, in Chinese and English; empty when it is acceptable. */
export function passwordProblems(password: string, policy: PasswordPolicy): { zh: string; en: string }[] {
  const problems: { zh: string; en: string }[] = [];
  if (password.length < policy.passwordMinLength)
    problems.push({
      zh: `密码至少 ${policy.passwordMinLength} 个字符`,
      en: `at least ${policy.passwordMinLength} characters`,
    });
  if (passwordClasses(password) < policy.passwordMinClasses)
    problems.push({
      zh: `密码须包含大写字母、小写字母、数字、符号中的至少 ${policy.passwordMinClasses} 类`,
      en: `at least ${policy.passwordMinClasses} of: upper case, lower case, digits, symbols`,
    });
  if (password.length > 128) problems.push({ zh: '密码不能超过 128 个字符', en: 'at most 128 characters' });
  return problems;
}
