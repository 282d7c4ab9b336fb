import crypto from 'node:crypto';
import type { Clock } from '../platform/clock.js';
import type { NotificationChannel, NotificationMessage, Recipient } from './channels.js';
import { plainText, postJson } from './channels.js';

/**
 * A DingTalk group robot (自定义机器人). The group is the audience, so no address is needed; a
 * recipient with a phone number is @-mentioned. With a 加签 secret each request carries
 * `timestamp` and `sign` (HMAC-SHA256 of "timestamp\nsecret"), as DingTalk requires.
 */
export class DingTalkChannel implements NotificationChannel {
  readonly name = 'dingtalk' as const;

  constructor(
    private readonly settings: { webhookUrl: string; secret: string | null },
    private readonly clock: Clock,
  ) {}

  async send(message: NotificationMessage, recipient: Recipient): Promise<void> {
    const mention = recipient.phone ? `\n@${recipient.phone}` : `\n（${recipient.name}）`;
    const answer = await postJson(this.signedUrl(), {
      msgtype: 'text',
      text: { content: `${plainText(message)}${mention}` },
      at: { atMobiles: recipient.phone ? [recipient.phone] : [], isAtAll: false },
    });
    // The robot answers 200 even when it refuses (bad signature, rate limit): read errcode.
    const result = parseAnswer(answer);
    if (result.errcode !== 0) throw new Error(`钉钉返回错误 ${result.errcode}: ${result.errmsg}`);
  }

  private signedUrl(): string {
    if (!this.settings.secret) return this.settings.webhookUrl;
    const timestamp = String(this.clock.now().getTime());
    const sign = crypto
      .createHmac('sha256', this.settings.secret)
      .update(`${timestamp}\n${this.settings.secret}`)
      .digest('base64');
    const url = new URL(this.settings.webhookUrl);
    url.searchParams.set('timestamp', timestamp);
    url.searchParams.set('sign', sign);
    return url.toString();
  }
}

function parseAnswer(answer: string): { errcode: number; errmsg: string } {
  try {
    const parsed = JSON.parse(answer) as { errcode?: unknown; errmsg?: unknown };
    return {
      errcode: typeof parsed.errcode === 'number' ? parsed.errcode : -1,
      errmsg: typeof parsed.errmsg === 'string' ? parsed.errmsg : answer.slice(0, 200),
    };
  } catch {
    return { errcode: -1, errmsg: `无法识别的应答：${answer.slice(0, 200)}` };
  }
}
