import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { NotificationChannel, NotificationMessage, Recipient } from './channels.js';
import { RecipientUnreachable, plainText } from './channels.js';

export interface EmailSettings {
  host: string;
  port: number;
  secure: boolean;
  username: string | null;
  password: string | null;
  sender: string;
}

/** Email over SMTP. One transport per settings version; each message opens its own connection. */
export class EmailChannel implements NotificationChannel {
  readonly name = 'email' as const;
  private readonly transport: Transporter;

  constructor(private readonly settings: EmailSettings) {
    this.transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      ...(settings.username ? { auth: { user: settings.username, pass: settings.password ?? '' } } : {}),
      // Bounded so a silent server cannot hold the dispatcher past its claim on the row.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  async send(message: NotificationMessage, recipient: Recipient): Promise<void> {
    if (!recipient.email) throw new RecipientUnreachable('收件人没有电子邮箱');
    await this.transport.sendMail({
      from: this.settings.sender,
      to: { name: recipient.name, address: recipient.email },
      subject: message.title,
      text: plainText(message),
    });
  }
}
