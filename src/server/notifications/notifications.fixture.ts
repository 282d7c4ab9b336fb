import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Services } from '../services.js';
import type { BodyRow } from '../db/schema.js';
import { testPassword } from '../testing/factories.js';
import { notificationChannelsDefaults } from '../../shared/schemas/notifications.js';
import type { NotificationChannelsInput } from '../../shared/schemas/notifications.js';

export interface ReceivedRequest {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A local HTTP endpoint (SMS gateway, DingTalk robot) on a random port that records each POST. */
export async function httpSink(answer = '{"errcode":0,"errmsg":"ok"}') {
  const received: ReceivedRequest[] = [];
  const state = { status: 200, delayMillis: 0 };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        url: request.url ?? '',
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      });
      setTimeout(() => {
        response.writeHead(state.status, { 'content-type': 'application/json' });
        response.end(state.status === 200 ? answer : '{"error":"gateway down"}');
      }, state.delayMillis);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedMail {
  from: string;
  to: string[];
  username: string | undefined;
  raw: string;
}

/** A local SMTP server that accepts one login and records every message. */
export async function smtpSink(login = { username: 'mailer', password: 'mail-pass-123' }) {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    // No TLS in the test: the client must not try STARTTLS against a self-signed certificate.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === login.username && auth.password === login.password)
        callback(null, { user: auth.username });
      else callback(new Error('bad login'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom;
        mails.push({
          from: mailFrom ? mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          username: typeof session.user === 'string' ? session.user : undefined,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    login,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Settings input with every channel off unless `change` turns it on. */
export function channelSettings(change: Partial<NotificationChannelsInput> = {}): NotificationChannelsInput {
  return {
    siteUrl: null,
    sms: { ...notificationChannelsDefaults.sms },
    email: { ...notificationChannelsDefaults.email },
    dingtalk: { ...notificationChannelsDefaults.dingtalk },
    ...change,
  };
}

/** An active account with the given contact details, to receive notifications. */
export async function recipient(
  services: Services,
  body: BodyRow,
  contacts: { phone?: string | null; email?: string | null } = {},
) {
  return services.users.create(null, {
    username: `r_${crypto.randomBytes(4).toString('hex')}`,
    displayName: `收件人${crypto.randomBytes(2).toString('hex')}`,
    password: testPassword,
    phone: contacts.phone ?? null,
    email: contacts.email ?? null,
    roles: [{ role: 'office_staff', bodyId: body.id }],
    mustChangePassword: false,
  });
}
