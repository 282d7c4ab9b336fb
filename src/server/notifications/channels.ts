import type { ChannelName } from '../../shared/schemas/notifications.js';

/** What a channel delivers: the in-app notification's text. */
export interface NotificationMessage {
  title: string;
  body: string;
  /** Absolute when the site address is configured, else the in-app path (or none). */
  link: string | null;
}

/** The person a notification is for, with the addresses channels may use. */
export interface Recipient {
  userId: string;
  name: string;
  phone: string | null;
  email: string | null;
}

/** One way out of the platform (SMS, email, DingTalk). `send` throws when delivery failed. */
export interface NotificationChannel {
  readonly name: ChannelName;
  send(message: NotificationMessage, recipient: Recipient): Promise<void>;
}

/** The recipient has no address for this channel: the dispatcher marks it skipped, never retries. */
export class RecipientUnreachable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RecipientUnreachable';
  }
}

/** The message as one block of plain text (SMS, DingTalk, email body). */
export function plainText(message: NotificationMessage): string {
  return [message.title, message.body, message.link].filter(Boolean).join('\n');
}

// A hung gateway must not stall the dispatcher past its claim on the row (60 s).
const requestTimeoutMillis = 15_000;

/** POSTs JSON; resolves with the answer's text on 2xx, throws with the status otherwise. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(requestTimeoutMillis),
  });
  const answer = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${answer.slice(0, 200)}`);
  return answer;
}
