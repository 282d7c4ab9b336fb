/** Sign-in steps and the account page. */
export const authMessages = {
  loginTitle: { zh: '登录', en: 'Sign in' },
  loginUsername: { zh: '用户名', en: 'Username' },
  loginPassword: { zh: '密码', en: 'Password' },
  loginSubmit: { zh: '登录', en: 'Sign in' },
  loginUsernameRequired: { zh: '请输入用户名', en: 'Enter your username' },
  loginPasswordRequired: { zh: '请输入密码', en: 'Enter your password' },
  loginFooter: {
    zh: '忘记密码请联系本级人大系统管理员重置。',
    en: 'Forgot your password? Ask your congress administrator to reset it.',
  },
  loginLockedHint: {
    zh: '账户锁定至 {time}（北京时间）。',
    en: 'Locked until {time} (Beijing time).',
  },
  backToLogin: { zh: '返回登录', en: 'Back to sign-in' },

  totpTitle: { zh: '双因素验证', en: 'Two-factor check' },
  totpHint: {
    zh: '请打开手机上的身份验证器应用，输入「民意 Minyi」显示的 6 位动态验证码。',
    en: 'Open your authenticator app and enter the 6-digit code shown for “民意 Minyi”.',
  },
  totpCode: { zh: '验证码', en: 'Code' },
  totpCodeInvalid: { zh: '请输入 6 位数字验证码', en: 'Enter the 6-digit code' },
  totpVerify: { zh: '验证', en: 'Verify' },

  totpSetupTitle: { zh: '设置双因素验证', en: 'Set up two-factor sign-in' },
  totpSetupRequired: {
    zh: '根据安全策略，工作人员账户须启用双因素验证后才能继续。',
    en: 'The security policy requires staff accounts to use two-factor sign-in before continuing.',
  },
  totpSetupStep1: {
    zh: '在手机上安装身份验证器应用（如 Microsoft Authenticator、Google Authenticator、腾讯身份验证器）。',
    en: 'Install an authenticator app on your phone (Microsoft Authenticator, Google Authenticator, …).',
  },
  totpSetupStep2: {
    zh: '在应用中选择「手动输入密钥」，账户名填用户名，密钥填下方内容（基于时间）。',
    en: 'In the app choose “enter a setup key”; use your username as the account and the key below (time based).',
  },
  totpSetupStep3: {
    zh: '输入应用显示的 6 位验证码完成启用。',
    en: 'Enter the 6-digit code the app shows to finish.',
  },
  totpSecret: { zh: '密钥', en: 'Setup key' },
  totpUrl: { zh: '配置链接（otpauth）', en: 'Setup link (otpauth)' },
  totpStart: { zh: '生成密钥', en: 'Generate key' },
  totpEnable: { zh: '启用', en: 'Turn on' },
  totpEnabled: { zh: '双因素验证已启用', en: 'Two-factor sign-in is on' },

  passwordChangeTitle: { zh: '修改密码', en: 'Change password' },
  passwordChangeForced: {
    zh: '首次登录或密码被重置后，须先设置新密码。',
    en: 'After first sign-in or a reset you must set a new password.',
  },
  currentPassword: { zh: '当前密码', en: 'Current password' },
  newPassword: { zh: '新密码', en: 'New password' },
  confirmPassword: { zh: '确认新密码', en: 'Confirm new password' },
  passwordMismatch: { zh: '两次输入的新密码不一致', en: 'The two passwords differ' },
  passwordRequired: { zh: '请输入密码', en: 'Enter the password' },
  passwordPolicyHint: {
    zh: '密码至少 {length} 个字符，须包含大写字母、小写字母、数字、符号中的至少 {classes} 类。',
    en: 'At least {length} characters, with at least {classes} of: upper case, lower case, digits, symbols.',
  },
  passwordChanged: {
    zh: '密码已修改，其他设备上的登录已退出。',
    en: 'Password changed; sessions on other devices were signed out.',
  },
  passwordSubmit: { zh: '修改密码', en: 'Change password' },

  accountTitle: { zh: '我的账户', en: 'My account' },
  accountProfile: { zh: '基本信息', en: 'Profile' },
  accountTotp: { zh: '双因素验证', en: 'Two-factor sign-in' },
  accountTotpOnText: {
    zh: '已启用：登录时除密码外还须输入身份验证器上的动态验证码。',
    en: 'On: signing in needs the code from your authenticator app as well as the password.',
  },
  accountTotpOffText: {
    zh: '未启用。启用后即使密码泄露，他人也无法登录您的账户。',
    en: 'Off. With it on, a leaked password alone cannot open your account.',
  },
  accountTotpDisable: { zh: '关闭双因素验证', en: 'Turn off' },
  accountTotpDisableConfirm: {
    zh: '关闭后登录只需密码。请输入当前密码确认：',
    en: 'Signing in will need only the password. Enter your password to confirm:',
  },
  accountTotpDisabled: { zh: '双因素验证已关闭', en: 'Two-factor sign-in is off' },
  accountTotpSetup: { zh: '启用双因素验证', en: 'Turn on two-factor sign-in' },

  tokensTitle: { zh: '个人访问令牌', en: 'Personal API tokens' },
  tokensIntro: {
    zh: '用于脚本或其他系统以您的身份调用接口（请求头 Authorization: Bearer 令牌）。令牌与您的账户权限相同，请妥善保管。',
    en: 'For scripts or other systems calling the API as you (header Authorization: Bearer <token>). A token has your permissions: keep it safe.',
  },
  tokenName: { zh: '名称', en: 'Name' },
  tokenNamePlaceholder: { zh: '如：统计报表导出脚本', en: 'e.g. statistics export script' },
  tokenExpiresInDays: { zh: '有效天数', en: 'Valid for (days)' },
  tokenNeverExpires: { zh: '留空表示长期有效', en: 'Leave empty for no expiry' },
  tokenCreate: { zh: '新建令牌', en: 'New token' },
  tokenCreatedTitle: { zh: '令牌已创建', en: 'Token created' },
  tokenCreatedAt: { zh: '创建时间', en: 'Created' },
  tokenLastUsedAt: { zh: '最近使用', en: 'Last used' },
  tokenExpiresAt: { zh: '到期时间', en: 'Expires' },
  tokenStatus: { zh: '状态', en: 'Status' },
  tokenActive: { zh: '有效', en: 'Active' },
  tokenRevoked: { zh: '已吊销', en: 'Revoked' },
  tokenExpired: { zh: '已过期', en: 'Expired' },
  tokenRevoke: { zh: '吊销', en: 'Revoke' },
  tokenRevokeConfirm: {
    zh: '吊销后使用该令牌的程序将立即无法访问，确定吊销「{name}」吗？',
    en: 'Programs using this token lose access at once. Revoke “{name}”?',
  },
  tokenRevokeDone: { zh: '令牌已吊销', en: 'Token revoked' },
  tokenNever: { zh: '从未', en: 'Never' },
  tokenNoExpiry: { zh: '长期', en: 'No expiry' },
} as const;
