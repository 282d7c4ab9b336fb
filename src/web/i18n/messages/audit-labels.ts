import type { Localised } from '../localised.js';

/** Human names of audited actions; an action missing here is shown by its code. */
export const auditActionLabels: Record<string, Localised> = {
  'auth.login': { zh: '登录', en: 'Signed in' },
  'auth.logout': { zh: '退出登录', en: 'Signed out' },
  'auth.locked': { zh: '账户被锁定', en: 'Account locked' },
  'auth.password_changed': { zh: '修改密码', en: 'Password changed' },
  'auth.totp_enabled': { zh: '启用双因素验证', en: 'Two-factor on' },
  'auth.totp_disabled': { zh: '关闭双因素验证', en: 'Two-factor off' },
  'auth.totp_passed': { zh: '双因素验证通过', en: 'Two-factor passed' },
  'auth.totp_failed': { zh: '双因素验证失败', en: 'Two-factor failed' },
  'auth.token_created': { zh: '新建访问令牌', en: 'API token created' },
  'auth.token_revoked': { zh: '吊销访问令牌', en: 'API token revoked' },
  'body.create': { zh: '新建人大机关', en: 'Body created' },
  'body.update': { zh: '修改人大机关', en: 'Body updated' },
  'user.create': { zh: '新建用户', en: 'User created' },
  'user.update': { zh: '修改用户', en: 'User updated' },
  'user.reset_password': { zh: '重置密码', en: 'Password reset' },
  'user.unlock': { zh: '解除锁定', en: 'User unlocked' },
  'rule_profile.update': { zh: '保存规则设置', en: 'Rule profile saved' },
  'rule_profile.reset': { zh: '恢复继承规则', en: 'Rule profile reset' },
  'security.update': { zh: '修改安全策略', en: 'Security policy changed' },
  'audit.purge': { zh: '清理过期审计日志', en: 'Old audit entries purged' },
};

/** Human names of audited target types. */
export const auditTargetTypeLabels: Record<string, Localised> = {
  user: { zh: '用户', en: 'User' },
  body: { zh: '人大机关', en: 'Congress body' },
  rule_profile: { zh: '规则设置', en: 'Rule profile' },
  system_settings: { zh: '系统设置', en: 'System settings' },
  api_token: { zh: '访问令牌', en: 'API token' },
  audit_log: { zh: '审计日志', en: 'Audit log' },
};
