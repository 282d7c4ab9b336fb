import type { NotificationChannel, NotificationMessage, Recipient } from './channels.js';
import { RecipientUnreachable, plainText, postJson } from './channels.js';

/**
 * A generic HTTP SMS gateway: `POST <gatewayUrl>` with JSON `{ phone, text }` and an optional
 * bearer token. Any 2xx answer means the gateway accepted the message; carrier-specific
 * signatures and templates are the gateway's business.
 */
export class SmsChannel implements NotificationChannel {
  readonly name = 'sms' as const;

  constructor(private readonly settings: { gatewayUrl: string; token: string | null }) {}

  async send(message: NotificationMessage, recipient: Recipient): Promise<void> {
    if (!recipient.phone) throw new RecipientUnreachable('收件人没有手机号码');
    await postJson(
      this.settings.gatewayUrl,
      { phone: recipient.phone, text: plainText(message) },
      this.settings.token ? { authorization: `Bearer ${this.settings.token}` } : {},
    );
  }
}
