import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import { multipartFile } from '../testing/multipart.js';
import { citizenLimits } from '../../shared/schemas/receptions.js';
import { addressLimitPerHour, contactLimitPerDay } from './citizen.guard.js';
import { freshAddress, leaveMessage, pngBytes, solve, stationCounty } from './stations.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof stationCounty>>;
let deputyCode: string;

beforeAll(async () => {
  t = await createTestApp();
  county = await stationCounty(t.services, t.app);
  const deputy = county.townDeputies[0];
  if (!deputy) throw new Error('fixture');
  deputyCode = await county.codeOf(deputy.deputy.id);
});
afterAll(async () => t.close());

const matter = '村口的路灯坏了三个月，晚上出行很不方便，希望尽快修复。';
let contactCounter = 0;
const freshContact = () => `1380000${String((contactCounter += 1)).padStart(4, '0')}`;

async function challenge(address = freshAddress()) {
  return (
    await t.app.inject({ method: 'GET', url: '/api/v1/public/challenge', remoteAddress: address })
  ).json() as {
    token: string;
    question: string;
  };
}

async function upload(trackingCode: string, fileName: string, data: Buffer, address = freshAddress()) {
  const file = multipartFile(fileName, data, 'image/png');
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/public/messages/${trackingCode}/photos`,
    headers: file.headers,
    payload: file.payload,
    remoteAddress: address,
  });
}

describe('the challenge', () => {
  it('refuses a wrong answer, and a token used once cannot be used again', async () => {
    const address = freshAddress();
    const first = await challenge(address);
    expect(first.question).toMatch(/^\d+ [+-] \d+ = \?$/);
    // The token is nonce, expiry and signature: the answer itself is only inside the signature.
    const [nonce, expiry, signature] = first.token.split('.');
    expect(first.token.split('.')).toHaveLength(3);
    expect(Number(expiry)).toBe(t.clock.now().getTime() + 15 * 60_000);
    expect(nonce).toMatch(/^[\w-]{16}$/);
    expect(signature).toMatch(/^[\w-]{43}$/);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/messages',
      remoteAddress: address,
      payload: {
        challengeToken: first.token,
        challengeAnswer: solve(first.question) + 1,
        deputyCode,
        contact: freshContact(),
        category: 'infrastructure',
        matter,
      },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'challenge_failed', errors: [{ field: 'challengeAnswer' }] });
    // Burned by the wrong attempt: the right answer no longer helps (no retrying 40 answers).
    const retry = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/messages',
      remoteAddress: address,
      payload: {
        challengeToken: first.token,
        challengeAnswer: solve(first.question),
        deputyCode,
        contact: freshContact(),
        category: 'infrastructure',
        matter,
      },
    });
    expect(retry.json().code).toBe('challenge_failed');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/messages',
      remoteAddress: address,
      payload: {
        challengeToken: `${first.token.split('.')[0]}x.${Date.now() + 60_000}.AAAA`,
        challengeAnswer: 3,
        deputyCode,
        contact: freshContact(),
        category: 'other',
        matter,
      },
    });
    expect(forged.json().code).toBe('challenge_failed');
  });

  it('expires after 15 minutes', async () => {
    const old = await challenge();
    t.clock.advanceMinutes(16);
    try {
      const late = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/messages',
        remoteAddress: freshAddress(),
        payload: {
          challengeToken: old.token,
          challengeAnswer: solve(old.question),
          deputyCode,
          contact: freshContact(),
          category: 'other',
          matter,
        },
      });
      expect(late.json().code).toBe('challenge_failed');
    } finally {
      t.clock.advanceMinutes(-16);
    }
  });
});

describe('content', () => {
  it('keeps script in text as inert text, answered as JSON only', async () => {
    const script = '<script>alert("x")</script><img src=x onerror=alert(1)> 门口水管漏水一周了';
    const sent = await leaveMessage(t.app, {
      deputyCode,
      contact: freshContact(),
      category: 'other',
      matter: script,
      name: '<b>张</b>',
    });
    expect(sent.statusCode).toBe(201);
    const code = sent.json().trackingCode;
    const tracked = await t.app.inject({ method: 'GET', url: `/api/v1/public/messages/${code}` });
    expect(tracked.headers['content-type']).toMatch(/^application\/json/);
    expect(tracked.json().matter).toBe(script);
    const deputy = county.townDeputies[0];
    if (!deputy) throw new Error('fixture');
    const inbox = (await deputy.client.request('GET', '/api/v1/receptions?view=mine')).json();
    const item = inbox.items.find((i: { trackingCode: string }) => i.trackingCode === code);
    expect(item.matter).toBe(script);
    expect(item.visitorName).toBe('<b>张</b>');
    // Every response that carries citizens' text is JSON: never text/html, so never markup.
    for (const url of [
      `/api/v1/public/messages/${code}`,
      `/api/v1/receptions/${item.id}`,
      '/api/v1/receptions?view=mine',
      `/api/v1/public/deputies/${deputyCode}`,
      `/api/v1/public/stations/${county.station.publicCode}`,
    ]) {
      const response = await deputy.client.request('GET', url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^application\/json/);
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  it('refuses advertising, link spam and keyboard mashing with a clear reason', async () => {
    const ad = await leaveMessage(t.app, {
      deputyCode,
      contact: freshContact(),
      category: 'other',
      matter: '专业代开发票，价格优惠，欢迎咨询。',
    });
    expect(ad.statusCode).toBe(400);
    expect(ad.json()).toMatchObject({ code: 'content_blocked', errors: [{ field: 'matter' }] });
    expect(ad.json().detail).toContain('广告');
    const links = await leaveMessage(t.app, {
      deputyCode,
      contact: freshContact(),
      category: 'other',
      matter: '看这里 https://a.example 还有 https://b.example 以及 www.c.example',
    });
    expect(links.json().code).toBe('content_blocked');
    const mashed = await leaveMessage(t.app, {
      deputyCode,
      contact: freshContact(),
      category: 'other',
      matter: '啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊',
    });
    expect(mashed.json().code).toBe('content_repetitive');
    const short = await leaveMessage(t.app, {
      deputyCode,
      contact: freshContact(),
      category: 'other',
      matter: '太短',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].message).toBe('「反映的问题」至少 10 个字符');
    const noContact = await leaveMessage(t.app, { deputyCode, category: 'other', matter });
    expect(noContact.json().errors[0].field).toBe('contact');
  });
});

describe('limits', () => {
  it(`takes ${contactLimitPerDay} submissions a day from one contact, then says when to come back`, async () => {
    const contact = '138 0000 9999';
    for (let i = 0; i < contactLimitPerDay; i += 1) {
      // Written differently each time: the contact is normalised before it is counted.
      const sent = await leaveMessage(t.app, {
        deputyCode,
        contact: i % 2 === 0 ? contact : '13800009999',
        category: 'other',
        matter: `${matter}（第${i + 1}次）`,
      });
      expect(sent.statusCode).toBe(201);
    }
    const refused = await leaveMessage(t.app, {
      deputyCode,
      contact: '138-0000-9999',
      category: 'other',
      matter,
    });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('citizen.contact_limit');
    expect(refused.json().detail).toContain('24 小时内最多提交 5 次');
    // A day later the contact may write again.
    t.clock.advanceMinutes(24 * 60 + 1);
    try {
      expect((await leaveMessage(t.app, { deputyCode, contact, category: 'other', matter })).statusCode).toBe(
        201,
      );
    } finally {
      t.clock.advanceMinutes(-(24 * 60 + 1));
    }
  });

  it('limits bursts from one address at the route, and an hour’s submissions in the database', async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1)
      statuses.push(
        (
          await leaveMessage(
            t.app,
            { deputyCode, contact: freshContact(), category: 'other', matter },
            address,
          )
        ).statusCode,
      );
    // Six writes a minute per address (challenges are counted separately).
    expect(statuses.slice(0, 6).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(6)).toEqual([429, 429]);

    // The hourly limit holds across processes because it is counted in the database.
    const shared = '192.0.2.77';
    for (let i = 0; i < addressLimitPerHour; i += 1) {
      const question = await t.services.citizenMessages.challenge();
      await t.services.citizenMessages.submit(
        {
          deputyCode,
          contact: freshContact(),
          category: 'other',
          matter,
          challengeToken: question.token,
          challengeAnswer: solve(question.question),
        },
        shared,
      );
    }
    const question = await t.services.citizenMessages.challenge();
    await expect(
      t.services.citizenMessages.submit(
        {
          deputyCode,
          contact: freshContact(),
          category: 'other',
          matter,
          challengeToken: question.token,
          challengeAnswer: solve(question.question),
        },
        shared,
      ),
    ).rejects.toMatchObject({ code: 'citizen.address_limit', kind: 'rate_limited' });
  });
});

describe('photos', () => {
  it('takes up to three JPEG/PNG/WebP photos of at most 5 MB within 30 minutes', async () => {
    const sent = await leaveMessage(t.app, {
      deputyCode,
      contact: freshContact(),
      category: 'infrastructure',
      matter,
    });
    const code: string = sent.json().trackingCode;
    const oversized = await upload(code, 'big.png', pngBytes(citizenLimits.photoMaxBytes + 1));
    expect(oversized.statusCode).toBe(413);
    expect(oversized.json().detail).toContain('5 MB');
    const html = await upload(code, 'page.png', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.statusCode).toBe(400);
    expect(html.json().code).toBe('photo_type_invalid');
    const gif = await upload(code, 'a.gif', Buffer.from('GIF89a........'));
    expect(gif.statusCode).toBe(400);
    for (let i = 1; i <= citizenLimits.photosPerMessage; i += 1) {
      const ok = await upload(code, `p${i}.png`, pngBytes(1024));
      expect(ok.statusCode).toBe(201);
      expect(ok.json().photoCount).toBe(i);
    }
    const fourth = await upload(code, 'p4.png', pngBytes(1024));
    expect(fourth.statusCode).toBe(400);
    expect(fourth.json().code).toBe('citizen.too_many_photos');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/public/messages/${code}` })).json().photoCount,
    ).toBe(3);

    const later = await leaveMessage(t.app, {
      deputyCode,
      contact: freshContact(),
      category: 'infrastructure',
      matter,
    });
    t.clock.advanceMinutes(31);
    try {
      const late = await upload(later.json().trackingCode, 'late.png', pngBytes());
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('citizen.photo_window_closed');
    } finally {
      t.clock.advanceMinutes(-31);
    }
    expect((await upload('MNOSUCHCODE22', 'x.png', pngBytes())).statusCode).toBe(404);
  });
});

describe('tracking', () => {
  it('shows status and answer by code, never the contact, and accepts the code written loosely', async () => {
    const contact = '13712345678';
    const sent = await leaveMessage(t.app, {
      deputyCode,
      contact,
      name: '李先生',
      category: 'education',
      matter,
    });
    const code: string = sent.json().trackingCode;
    const loose = `${code.slice(0, 4).toLowerCase()}-${code.slice(4, 8)} ${code.slice(8)}`;
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/messages/${encodeURIComponent(loose)}`,
    });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      trackingCode: code,
      status: 'new',
      statusLabel: '待受理',
      deputyName: '镇代表一',
    });
    expect(view.body).not.toContain(contact);
    expect(view.body).not.toContain('李先生');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/public/messages/MAAAAAAAAAAA' })).statusCode,
    ).toBe(404);
  });
});
