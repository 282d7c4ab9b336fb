/** Notification channel settings: SMS gateway, SMTP email, DingTalk robot. */
export const channelMessages = {
  channelsTitle: { zh: '通知渠道', en: 'Notification channels' },
  channelsIntro: {
    zh: '除站内通知外，可通过短信、电子邮件和钉钉机器人提醒用户（如建议交办、办理期限临近）。只有顶级人大的系统管理员可以修改。',
    en: 'Besides in-app notifications, users can be alerted by SMS, email and a DingTalk robot (new assignments, deadlines). Only a top-level administrator may change this.',
  },
  channelsHelp: {
    zh: '各渠道默认关闭，填写并启用后才会发送；站内通知始终可用，不受这里的设置影响。密钥保存后只显示掩码，留空即保持不变。',
    en: 'Every channel is off until it is filled in and switched on; in-app notifications always work whatever is set here. Saved secrets show masked; leave them empty to keep them.',
  },
  channelsSite: { zh: '平台地址', en: 'Platform address' },
  siteUrl: { zh: '平台访问地址', en: 'Platform URL' },
  siteUrlHelp: {
    zh: '短信、邮件和钉钉消息中的链接以此地址打开，如 https://minyi.example.gov.cn',
    en: 'Links in SMS, email and DingTalk messages open at this address, e.g. https://minyi.example.gov.cn',
  },
  channelOn: { zh: '启用', en: 'On' },
  channelOff: { zh: '关闭', en: 'Off' },
  channelFieldRequired: { zh: '启用时须填写「{field}」', en: '“{field}” is required when the channel is on' },
  channelUrlInvalid: {
    zh: '应为以 http:// 或 https:// 开头的网址',
    en: 'Must be a URL starting with http:// or https://',
  },
  smsGatewayUrl: { zh: '短信网关地址', en: 'SMS gateway URL' },
  smsGatewayHelp: {
    zh: '平台以 POST 方式发送 JSON {"phone","text"}，网关返回 2xx 即视为已接收。',
    en: 'The platform POSTs JSON {"phone","text"}; any 2xx answer counts as accepted.',
  },
  smsToken: { zh: '访问令牌', en: 'Access token' },
  smsTokenHelp: {
    zh: '设置后请求带 Authorization: Bearer 令牌',
    en: 'Sent as Authorization: Bearer <token> when set',
  },
  emailHost: { zh: 'SMTP 服务器', en: 'SMTP server' },
  emailPort: { zh: '端口', en: 'Port' },
  emailSecure: { zh: 'SSL/TLS 直连', en: 'TLS from the start' },
  emailSecureHelp: {
    zh: '465 端口开启；587 或 25 端口关闭（服务器支持时自动使用 STARTTLS）',
    en: 'On for port 465; off for 587 or 25 (STARTTLS when offered)',
  },
  emailUsername: { zh: '用户名', en: 'Username' },
  emailPassword: { zh: '密码或授权码', en: 'Password or app code' },
  emailSender: { zh: '发件人', en: 'Sender' },
  emailSenderHelp: {
    zh: '邮箱地址，可带名称，如 民意平台 <noreply@example.gov.cn>',
    en: 'An address, optionally with a name: 民意平台 <noreply@example.gov.cn>',
  },
  dingtalkWebhook: { zh: 'Webhook 地址', en: 'Webhook URL' },
  dingtalkSecret: { zh: '加签密钥', en: 'Signing secret' },
  dingtalkSecretHelp: {
    zh: '机器人安全设置选择「加签」时填写（以 SEC 开头）',
    en: 'When the robot uses signing (starts with SEC)',
  },
  secretNotSet: { zh: '未设置', en: 'Not set' },
  secretKeepPlaceholder: { zh: '已设置（{mask}），留空保持不变', en: 'Set ({mask}); leave empty to keep' },
  secretClear: { zh: '清除', en: 'Clear' },
  secretWillClear: { zh: '保存后将清除已保存的密钥', en: 'The saved secret will be removed on save' },
  secretUndoClear: { zh: '撤销', en: 'Undo' },
} as const;
