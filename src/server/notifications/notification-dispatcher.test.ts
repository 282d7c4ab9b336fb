import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { createServices } from '../services.js';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';
import type { BodyRow } from '../db/schema.js';
import { NotificationDispatcher, maxAttempts, retryDelaysMinutes } from './notification-dispatcher.js';
import { OutboxRepository } from './outbox.repository.js';
import { channelSettings, httpSink, recipient, smtpSink } from './notifications.fixture.js';

let t: TestApp;
let admin: Client;
let body: BodyRow;
let sms: Awaited<ReturnType<typeof httpSink>>;
let robot: Awaited<ReturnType<typeof httpSink>>;
let smtp: Awaited<ReturnType<typeof smtpSink>>;
const url = '/api/v1/settings/notification-channels';
const robotSecret = 'SEC0123456789abcdef';

beforeAll(async () => {
  t = await createTestApp(new Date('2025-03-20T02:00:00Z'));
  const top = await factories(t.services).adminOf();
  body = top.body;
  admin = await signIn(t.app, top.user.username, testPassword);
  [sms, robot, smtp] = await Promise.all([httpSink('{"code":0}'), httpSink(), smtpSink()]);
});
afterAll(async () => {
  await Promise.all([sms.close(), robot.close(), smtp.close()]);
  await t.close();
});

async function enable(channels: ('sms' | 'email' | 'dingtalk')[]) {
  const response = await admin.request(
    'PUT',
    url,
    channelSettings({
      siteUrl: 'https://minyi.example.gov.cn/',
      sms: { enabled: channels.includes('sms'), gatewayUrl: sms.url, token: 'gateway-token-123' },
      email: {
        enabled: channels.includes('email'),
        host: smtp.host,
        port: smtp.port,
        secure: false,
        username: smtp.login.username,
        password: smtp.login.password,
        sender: '民意平台 <noreply@example.gov.cn>',
      },
      dingtalk: { enabled: channels.includes('dingtalk'), webhookUrl: robot.url, secret: robotSecret },
    }),
  );
  expect(response.statusCode, response.body).toBe(200);
}

async function notify(userIds: string[]) {
  await t.services.notifications.notifyUsers(t.handle.db, userIds, {
    kind: 'assignment',
    title: '新的交办件',
    body: '您单位有 1 件代表建议待签收。',
    link: '/suggestions/01TEST',
  });
}

async function outboxOf(userId: string) {
  return t.handle.db
    .selectFrom('notification_outbox as o')
    .innerJoin('notifications as n', 'n.id', 'o.notification_id')
    .selectAll('o')
    .where('n.user_id', '=', userId)
    .orderBy('o.channel')
    .execute();
}

/**
 * Another server process on the same database: its own connection pool on PostgreSQL. SQLite in
 * memory cannot be opened twice, so there it shares the connection (its races interleave awaits).
 */
async function secondProcess() {
  const url = process.env.DATABASE_URL;
  if (!url) return { handle: t.handle, services: t.services, close: async () => undefined };
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.handle.db);
  const handle = openDatabase({ databaseUrl: url, postgresSchema: rows[0]?.schema, poolSize: 5 });
  return {
    handle,
    services: createServices(handle, t.clock, t.services.options),
    close: () => handle.close(),
  };
}

const minutesLater = (minutes: number) => new Date(t.clock.now().getTime() + minutes * 60_000);

describe('notification dispatcher', () => {
  it('delivers a notification once through each enabled channel', async () => {
    await enable(['sms', 'email', 'dingtalk']);
    const person = await recipient(t.services, body, { phone: '13800001111', email: 'chen@example.gov.cn' });
    await notify([person.id]);

    const report = await t.services.notificationDispatcher.runDue(t.clock.now());
    expect(report).toEqual({ sent: 3, retried: 0, failed: 0, skipped: 0 });
    expect(await t.services.notificationDispatcher.runDue(minutesLater(1))).toMatchObject({ sent: 0 });

    expect(sms.received).toHaveLength(1);
    expect(sms.received[0]?.headers.authorization).toBe('Bearer gateway-token-123');
    expect(sms.received[0]?.body).toEqual({
      phone: '13800001111',
      text: '新的交办件\n您单位有 1 件代表建议待签收。\nhttps://minyi.example.gov.cn/suggestions/01TEST',
    });

    expect(robot.received).toHaveLength(1);
    const call = robot.received[0];
    expect(call?.body).toMatchObject({
      msgtype: 'text',
      text: { content: expect.stringContaining('您单位有 1 件代表建议待签收。') },
      at: { atMobiles: ['13800001111'] },
    });
    const signed = new URL(call?.url ?? '', robot.url);
    const timestamp = signed.searchParams.get('timestamp') ?? '';
    expect(timestamp).toBe(String(t.clock.now().getTime()));
    expect(signed.searchParams.get('sign')).toBe(
      crypto.createHmac('sha256', robotSecret).update(`${timestamp}\n${robotSecret}`).digest('base64'),
    );

    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]).toMatchObject({
      from: 'noreply@example.gov.cn',
      to: ['chen@example.gov.cn'],
      username: 'mailer',
    });

    const rows = await outboxOf(person.id);
    expect(rows.map((r) => [r.channel, r.status, r.attempts, r.claimed_by])).toEqual([
      ['dingtalk', 'sent', 1, null],
      ['email', 'sent', 1, null],
      ['sms', 'sent', 1, null],
    ]);
    expect(rows.every((r) => r.sent_at === t.clock.now().toISOString())).toBe(true);
  });

  it('skips, with a reason, a channel the recipient has no address for', async () => {
    const person = await recipient(t.services, body, { phone: null, email: null });
    await notify([person.id]);
    expect(await t.services.notificationDispatcher.runDue(t.clock.now())).toEqual({
      sent: 1,
      retried: 0,
      failed: 0,
      skipped: 2,
    });
    const rows = await outboxOf(person.id);
    expect(rows.map((r) => [r.channel, r.status, r.last_error])).toEqual([
      ['dingtalk', 'sent', null],
      ['email', 'skipped', '收件人没有电子邮箱'],
      ['sms', 'skipped', '收件人没有手机号码'],
    ]);
  });

  it('retries a failing gateway after 1 min, 5 min, 30 min, 2 h and 12 h, then gives up', async () => {
    await enable(['sms']);
    sms.state.status = 500;
    const before = sms.received.length;
    const person = await recipient(t.services, body, { phone: '13800002222' });
    await notify([person.id]);
    const dispatcher = t.services.notificationDispatcher;

    let at = t.clock.now();
    expect(await dispatcher.runDue(at)).toMatchObject({ retried: 1 });
    for (const [index, delay] of retryDelaysMinutes.entries()) {
      const [row] = await outboxOf(person.id);
      const due = new Date(at.getTime() + delay * 60_000);
      expect(row).toMatchObject({
        status: 'pending',
        attempts: index + 1,
        next_attempt_at: due.toISOString(),
      });
      expect(row?.last_error).toContain('HTTP 500');
      // Not before its time.
      expect(await dispatcher.runDue(new Date(due.getTime() - 1000))).toMatchObject({
        retried: 0,
        failed: 0,
      });
      at = due;
      expect(await dispatcher.runDue(at)).toMatchObject(
        index + 2 < maxAttempts ? { retried: 1 } : { retried: 0, failed: 1 },
      );
    }
    const [row] = await outboxOf(person.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 6, sent_at: null });
    expect(row?.last_error).toContain('HTTP 500');
    expect(await dispatcher.runDue(new Date(at.getTime() + 86_400_000))).toMatchObject({ failed: 0 });
    expect(sms.received.length - before).toBe(6);
    sms.state.status = 200;
  });

  it('sends each message exactly once when two dispatchers race over the same rows', async () => {
    await enable(['sms']);
    sms.state.delayMillis = 5;
    const people = [];
    for (let i = 0; i < 12; i += 1)
      people.push(await recipient(t.services, body, { phone: `1370000${String(i).padStart(4, '0')}` }));
    await notify(people.map((p) => p.id));
    const before = sms.received.length;
    const other = await secondProcess();
    const first = new NotificationDispatcher(
      new OutboxRepository(t.handle.db),
      t.services.notificationChannels,
      t.clock,
      'worker-a',
    );
    const second = new NotificationDispatcher(
      new OutboxRepository(other.handle.db),
      other.services.notificationChannels,
      t.clock,
      'worker-b',
    );

    const [a, b] = await Promise.all([first.runDue(t.clock.now()), second.runDue(t.clock.now())]).finally(
      other.close,
    );
    expect(a.sent + b.sent).toBe(12);
    const phones = sms.received.slice(before).map((r) => r.body.phone);
    expect(phones).toHaveLength(12);
    expect(new Set(phones).size).toBe(12);
    sms.state.delayMillis = 0;
  });

  it('takes over a row whose claim expired, but never one under a live claim', async () => {
    const stale = await recipient(t.services, body, { phone: '13600000001' });
    const live = await recipient(t.services, body, { phone: '13600000002' });
    await notify([stale.id, live.id]);
    const now = t.clock.now();
    const claim = async (userId: string, until: Date) => {
      const [row] = await outboxOf(userId);
      await t.handle.db
        .updateTable('notification_outbox')
        .set({ claimed_by: 'crashed-worker', claimed_until: until.toISOString() })
        .where('id', '=', row?.id ?? '')
        .execute();
    };
    await claim(stale.id, new Date(now.getTime() - 1000));
    await claim(live.id, new Date(now.getTime() + 30_000));

    expect(await t.services.notificationDispatcher.runDue(now)).toMatchObject({ sent: 1 });
    expect((await outboxOf(stale.id))[0]?.status).toBe('sent');
    expect((await outboxOf(live.id))[0]).toMatchObject({ status: 'pending', claimed_by: 'crashed-worker' });
  });

  it('skips rows queued for a channel that has been switched off since', async () => {
    const person = await recipient(t.services, body, { phone: '13600000003' });
    await notify([person.id]);
    await enable([]);
    expect(await t.services.notificationDispatcher.runDue(t.clock.now())).toMatchObject({ skipped: 1 });
    expect((await outboxOf(person.id))[0]).toMatchObject({ status: 'skipped', last_error: '渠道未启用' });
  });
});
