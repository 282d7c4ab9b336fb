import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { factories, testPassword } from '../testing/factories.js';
import type { BodyRow } from '../db/schema.js';
import { createServices } from '../services.js';
import { channelSettings, recipient } from './notifications.fixture.js';

let t: TestApp;
let admin: Client;
let body: BodyRow;
const url = '/api/v1/settings/notification-channels';
const smsToken = 'sms-token-0123456789-abcdef';

beforeAll(async () => {
  t = await createTestApp();
  const make = factories(t.services);
  const top = await make.adminOf();
  body = top.body;
  admin = await signIn(t.app, top.user.username, testPassword);
});
afterAll(async () => t.close());

async function outboxChannels(notificationUserId: string): Promise<string[]> {
  const rows = await t.handle.db
    .selectFrom('notification_outbox as o')
    .innerJoin('notifications as n', 'n.id', 'o.notification_id')
    .select('o.channel')
    .where('n.user_id', '=', notificationUserId)
    .execute();
  return rows.map((r) => r.channel).sort();
}

const message = { kind: 'test', title: '测试通知', body: '您有一件新的建议待处理。' };

describe('notification channel settings', () => {
  it('are off by default and only a deployment admin may read or change them', async () => {
    const initial = await admin.request('GET', url);
    expect(initial.statusCode).toBe(200);
    expect(initial.json()).toMatchObject({ sms: { enabled: false }, email: { enabled: false, port: 465 } });

    const make = factories(t.services);
    const county = await make.adminOf(await make.body({ parent: body, level: 'county' }));
    const countyAdmin = await signIn(t.app, county.user.username, testPassword);
    expect((await countyAdmin.request('GET', url)).statusCode).toBe(403);
    const refused = await countyAdmin.request('PUT', url, channelSettings());
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('顶级系统管理员');
  });

  it('require the address of an enabled channel, with a Chinese message', async () => {
    const response = await admin.request(
      'PUT',
      url,
      channelSettings({ sms: { enabled: true, gatewayUrl: null, token: null } }),
    );
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('「短信网关地址」启用时为必填项');
  });

  it('mask secrets in GET, keep them when sent back masked, and never audit them', async () => {
    const saved = await admin.request(
      'PUT',
      url,
      channelSettings({
        sms: { enabled: true, gatewayUrl: 'http://127.0.0.1:9/sms', token: smsToken },
        email: {
          enabled: true,
          host: 'smtp.example.gov.cn',
          port: 587,
          secure: false,
          username: 'mailer',
          password: 'short-pw',
          sender: '民意平台 <noreply@example.gov.cn>',
        },
      }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const shown = (await admin.request('GET', url)).json();
    expect(shown.sms.token).toBe('****cdef');
    expect(shown.email.password).toBe('********');
    expect(JSON.stringify(shown)).not.toContain(smsToken);
    expect(JSON.stringify(shown)).not.toContain('short-pw');

    // The form sends back what GET showed: the stored secrets stay.
    expect(
      (await admin.request('PUT', url, { ...shown, siteUrl: 'https://minyi.example.gov.cn' })).statusCode,
    ).toBe(200);
    const stored = await t.handle.db
      .selectFrom('system_settings')
      .select('value')
      .where('key', '=', 'notification_channels')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.value)).toMatchObject({
      siteUrl: 'https://minyi.example.gov.cn',
      sms: { token: smsToken },
      email: { password: 'short-pw' },
    });

    const audits = await t.handle.db
      .selectFrom('audit_log')
      .select(['before_json', 'after_json'])
      .where('action', '=', 'notification_channels.update')
      .execute();
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toContain(smsToken);
    expect(JSON.stringify(audits)).not.toContain('short-pw');

    // An empty string clears a secret.
    const cleared = await admin.request('PUT', url, { ...shown, sms: { ...shown.sms, token: '' } });
    expect(cleared.json().sms.token).toBeNull();
  });

  it('queue one outbox row per enabled channel and none for disabled ones', async () => {
    await admin.request('PUT', url, channelSettings());
    const nobody = await recipient(t.services, body, { phone: '13900000001' });
    await t.services.notifications.notifyUsers(t.handle.db, [nobody.id], message);
    expect(await outboxChannels(nobody.id)).toEqual([]);
    expect(await t.services.notifications.unreadCount(nobody.id)).toBe(1);

    await admin.request(
      'PUT',
      url,
      channelSettings({
        sms: { enabled: true, gatewayUrl: 'http://127.0.0.1:9/sms', token: null },
        dingtalk: { enabled: true, webhookUrl: 'http://127.0.0.1:9/robot', secret: null },
      }),
    );
    const someone = await recipient(t.services, body, { phone: '13900000002' });
    await t.services.notifications.notifyUsers(t.handle.db, [someone.id], message);
    expect(await outboxChannels(someone.id)).toEqual(['dingtalk', 'sms']);
  });

  it('are read through the writer’s transaction when the cache is cold (no second connection)', async () => {
    // A fresh process: its cache is empty, and on SQLite the transaction holds the one connection.
    const fresh = createServices(t.handle, t.clock, t.services.options);
    const someone = await recipient(t.services, body, { phone: '13900000003' });
    await t.handle.db
      .transaction()
      .execute(async (trx) => fresh.notifications.notifyUsers(trx, [someone.id], message));
    expect(await outboxChannels(someone.id)).toEqual(['dingtalk', 'sms']);
  });
});
