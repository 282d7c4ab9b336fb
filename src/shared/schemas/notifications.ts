import { z } from 'zod';
import { pageQuerySchema } from './common.js';

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const notificationQuerySchema = pageQuerySchema.extend({
  unread: z.enum(['true', 'false']).optional(),
});
export const markReadSchema = z.object({
  ids: z.union([z.array(z.string().min(1).max(40)).max(500), z.literal('all')]),
});

/** External channels beyond the in-app inbox; each is off until a deployment admin enables it. */
export const channelNameValues = ['sms', 'email', 'dingtalk'] as const;
export const channelNameSchema = z.enum(channelNameValues);
export type ChannelName = z.infer<typeof channelNameSchema>;
export const channelLabels: Record<ChannelName, { zh: string; en: string }> = {
  sms: { zh: '短信', en: 'SMS' },
  email: { zh: '电子邮件', en: 'Email' },
  dingtalk: { zh: '钉钉机器人', en: 'DingTalk robot' },
};

const httpUrl = z.url({ protocol: /^https?$/ }).max(500);
const text = (max: number) => z.string().trim().max(max);

/**
 * Channel settings as stored (`system_settings.notification_channels`). The SMS gateway contract
 * is generic: `POST <gatewayUrl>` with JSON `{ phone, text }` and, when a token is set,
 * `Authorization: Bearer <token>`; any 2xx answer counts as accepted.
 */
export const notificationChannelsSchema = z.object({
  /** Address of the platform, so links in SMS and email open it (e.g. https://minyi.example.gov.cn). */
  siteUrl: httpUrl.nullable(),
  sms: z.object({
    enabled: z.boolean(),
    gatewayUrl: httpUrl.nullable(),
    token: text(500).nullable(),
  }),
  email: z.object({
    enabled: z.boolean(),
    host: text(200).nullable(),
    port: z.number().int().min(1).max(65535),
    /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    secure: z.boolean(),
    username: text(200).nullable(),
    password: z.string().max(500).nullable(),
    /** Sender, e.g. `民意平台 <noreply@example.gov.cn>`. */
    sender: text(200).nullable(),
  }),
  dingtalk: z.object({
    enabled: z.boolean(),
    webhookUrl: httpUrl.nullable(),
    /** The robot's 加签 secret; requests are signed when it is set. */
    secret: text(200).nullable(),
  }),
});
export type NotificationChannels = z.infer<typeof notificationChannelsSchema>;

export const notificationChannelsDefaults: NotificationChannels = {
  siteUrl: null,
  sms: { enabled: false, gatewayUrl: null, token: null },
  email: {
    enabled: false,
    host: null,
    port: 465,
    secure: true,
    username: null,
    password: null,
    sender: null,
  },
  dingtalk: { enabled: false, webhookUrl: null, secret: null },
};

/** The fields holding secrets: never returned in full, kept when a PUT sends them back masked. */
export const channelSecretFields = { sms: 'token', email: 'password', dingtalk: 'secret' } as const;

const required = { message: '启用时为必填项', params: { en: 'is required when enabled' } };

/**
 * What the settings form sends. A secret left out, or sent back as the masked value from GET,
 * keeps the stored one; an empty string clears it.
 */
export const notificationChannelsInputSchema = notificationChannelsSchema
  .extend({
    sms: notificationChannelsSchema.shape.sms.extend({ token: text(500).nullable().optional() }),
    email: notificationChannelsSchema.shape.email.extend({
      password: z.string().max(500).nullable().optional(),
      sender: text(200)
        .regex(
          /^(.*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/,
          '应为电子邮箱地址，如 民意平台 <noreply@example.gov.cn>',
        )
        .nullable(),
    }),
    dingtalk: notificationChannelsSchema.shape.dingtalk.extend({ secret: text(200).nullable().optional() }),
  })
  .superRefine((value, context) => {
    const need = (path: string[], present: unknown) => {
      if (!present) context.addIssue({ code: 'custom', path, ...required });
    };
    if (value.sms.enabled) need(['sms', 'gatewayUrl'], value.sms.gatewayUrl);
    if (value.email.enabled) {
      need(['email', 'host'], value.email.host);
      need(['email', 'sender'], value.email.sender);
    }
    if (value.dingtalk.enabled) need(['dingtalk', 'webhookUrl'], value.dingtalk.webhookUrl);
  });
export type NotificationChannelsInput = z.infer<typeof notificationChannelsInputSchema>;
