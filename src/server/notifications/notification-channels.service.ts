import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { isDeploymentAdmin } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { forbidden } from '../platform/errors.js';
import type { SettingsRepository } from '../settings/settings.repository.js';
import {
  channelNameValues,
  notificationChannelsDefaults,
  notificationChannelsSchema,
} from '../../shared/schemas/notifications.js';
import type {
  ChannelName,
  NotificationChannels,
  NotificationChannelsInput,
} from '../../shared/schemas/notifications.js';
import type { NotificationChannel } from './channels.js';
import { SmsChannel } from './sms.channel.js';
import { EmailChannel } from './email.channel.js';
import { DingTalkChannel } from './dingtalk.channel.js';

const settingsKey = 'notification_channels';
// Another server process may change the settings; this bounds how long we act on old ones.
const cacheMillis = 60_000;

/** A secret as GET shows it: enough to recognise a long token, never the value. */
export function maskSecret(value: string | null): string | null {
  if (!value) return null;
  return value.length >= 16 ? `****${value.slice(-4)}` : '********';
}

/** A secret from a PUT: left out or sent back masked keeps the stored one, empty clears it. */
function nextSecret(sent: string | null | undefined, stored: string | null): string | null {
  if (sent === undefined || (stored !== null && sent === maskSecret(stored))) return stored;
  return sent ? sent : null;
}

function masked(settings: NotificationChannels): NotificationChannels {
  return {
    ...settings,
    sms: { ...settings.sms, token: maskSecret(settings.sms.token) },
    email: { ...settings.email, password: maskSecret(settings.email.password) },
    dingtalk: { ...settings.dingtalk, secret: maskSecret(settings.dingtalk.secret) },
  };
}

/** Channel objects for the enabled, complete channels of the settings. */
export function buildChannels(
  settings: NotificationChannels,
  clock: Clock,
): Map<ChannelName, NotificationChannel> {
  const channels = new Map<ChannelName, NotificationChannel>();
  const { sms, email, dingtalk } = settings;
  if (sms.enabled && sms.gatewayUrl)
    channels.set('sms', new SmsChannel({ gatewayUrl: sms.gatewayUrl, token: sms.token }));
  if (email.enabled && email.host && email.sender)
    channels.set('email', new EmailChannel({ ...email, host: email.host, sender: email.sender }));
  if (dingtalk.enabled && dingtalk.webhookUrl)
    channels.set(
      'dingtalk',
      new DingTalkChannel({ webhookUrl: dingtalk.webhookUrl, secret: dingtalk.secret }, clock),
    );
  return channels;
}

interface Loaded {
  settings: NotificationChannels;
  channels: Map<ChannelName, NotificationChannel>;
  loadedAt: number;
}

/**
 * Settings of the external notification channels (deployment admins only), cached for the
 * notification writers and the dispatcher and refreshed on every write.
 */
export class NotificationChannelsService {
  private cache: Loaded | null = null;

  constructor(
    private readonly db: Db,
    private readonly repository: SettingsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Names of the enabled channels. Called inside the writer's transaction: a cold cache is filled
   * through that `executor`, since SQLite's one connection is held by the transaction.
   */
  readonly enabledChannels = async (executor: Executor): Promise<ChannelName[]> => {
    const { channels } = await this.load(executor);
    return channelNameValues.filter((name) => channels.has(name));
  };

  /** The channel object by name, if enabled. */
  async channel(name: string): Promise<NotificationChannel | undefined> {
    const { channels } = await this.load(this.db);
    return channels.get(name as ChannelName);
  }

  /** The address links in messages are made absolute with, if configured. */
  async siteUrl(): Promise<string | null> {
    return (await this.load(this.db)).settings.siteUrl;
  }

  /** The settings with secrets masked. */
  async view(actor: Actor): Promise<NotificationChannels> {
    requireDeploymentAdmin(actor);
    return masked((await this.load(this.db, true)).settings);
  }

  /** Replaces the settings (secrets kept unless changed), audited with secrets masked. */
  async update(actor: Actor, input: NotificationChannelsInput): Promise<NotificationChannels> {
    requireDeploymentAdmin(actor);
    const before = (await this.load(this.db, true)).settings;
    const next: NotificationChannels = {
      siteUrl: input.siteUrl,
      sms: { ...input.sms, token: nextSecret(input.sms.token, before.sms.token) },
      email: { ...input.email, password: nextSecret(input.email.password, before.email.password) },
      dingtalk: { ...input.dingtalk, secret: nextSecret(input.dingtalk.secret, before.dingtalk.secret) },
    };
    const at = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      await this.repository.putSystemSetting(settingsKey, JSON.stringify(next), at.toISOString(), trx);
      await this.audit.record(trx, {
        actor,
        action: 'notification_channels.update',
        targetType: 'system_settings',
        targetId: settingsKey,
        // Masked: the audit log must never hold a secret.
        before: masked(before),
        after: masked(next),
      });
    });
    this.cache = { settings: next, channels: buildChannels(next, this.clock), loadedAt: at.getTime() };
    return masked(next);
  }

  private async load(executor: Executor, fresh = false): Promise<Loaded> {
    const now = this.clock.now().getTime();
    if (this.cache && !fresh && now - this.cache.loadedAt < cacheMillis) return this.cache;
    const settings = parseStored(await this.repository.systemSetting(settingsKey, executor));
    this.cache = { settings, channels: buildChannels(settings, this.clock), loadedAt: now };
    return this.cache;
  }
}

/** Stored settings merged over the defaults per channel, so fields added later get theirs. */
function parseStored(raw: string | undefined): NotificationChannels {
  if (!raw) return notificationChannelsDefaults;
  const stored = JSON.parse(raw) as { siteUrl?: unknown; sms?: object; email?: object; dingtalk?: object };
  const d = notificationChannelsDefaults;
  const parsed = notificationChannelsSchema.safeParse({
    siteUrl: stored.siteUrl ?? null,
    sms: { ...d.sms, ...stored.sms },
    email: { ...d.email, ...stored.email },
    dingtalk: { ...d.dingtalk, ...stored.dingtalk },
  });
  return parsed.success ? parsed.data : notificationChannelsDefaults;
}

function requireDeploymentAdmin(actor: Actor): void {
  if (!isDeploymentAdmin(actor))
    throw forbidden({
      zh: '只有顶级系统管理员可以管理通知渠道。',
      en: 'Only a top-level administrator may manage notification channels.',
    });
}
