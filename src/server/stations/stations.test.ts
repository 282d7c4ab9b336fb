import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import { multipartFile } from '../testing/multipart.js';
import { actorOfUser, pngBytes, stationCounty } from './stations.fixture.js';

let t: TestApp;
let county: Awaited<ReturnType<typeof stationCounty>>;

beforeAll(async () => {
  t = await createTestApp();
  county = await stationCounty(t.services, t.app);
});
afterAll(async () => t.close());

describe('stations', () => {
  it('groups deputies of every level on the line of the station body, not of a sibling township', async () => {
    const { townOffice, station, otherDeputy, countyDeputy } = county;
    const detail = (await townOffice.client.request('GET', `/api/v1/stations/${station.id}`)).json();
    expect(detail.deputies.map((d: { name: string }) => d.name)).toEqual([
      '镇代表一',
      '镇代表二',
      '镇代表三',
      '县代表甲',
    ]);
    expect(detail.deputies.find((d: { name: string }) => d.name === '县代表甲').levels).toEqual(['county']);
    expect(detail.staff).toHaveLength(1);

    const refused = await townOffice.client.request('PUT', `/api/v1/stations/${station.id}/deputies`, {
      deputyIds: [otherDeputy.deputy.id, countyDeputy.deputy.id],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('deputy_not_eligible');
    expect(refused.json().errors[0].message).toContain('邻镇代表');
  });

  it('edits with a version and refuses a stale one', async () => {
    const { townOffice, station } = county;
    const current = (await townOffice.client.request('GET', `/api/v1/stations/${station.id}`)).json();
    const edited = await townOffice.client.request('PATCH', `/api/v1/stations/${station.id}`, {
      version: current.version,
      starRating: 4,
      demonstration: true,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ starRating: 4, demonstration: true });
    const stale = await townOffice.client.request('PATCH', `/api/v1/stations/${station.id}`, {
      version: current.version,
      name: '旧版本的修改',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('lets only office staff of the body or above manage it, and hides it from other townships', async () => {
    const { otherOffice, countyOffice, townDeputies, station, clerk } = county;
    expect((await otherOffice.client.request('GET', `/api/v1/stations/${station.id}`)).statusCode).toBe(404);
    expect((await countyOffice.client.request('GET', `/api/v1/stations/${station.id}`)).statusCode).toBe(200);
    const deputy = townDeputies[0];
    if (!deputy) throw new Error('fixture');
    expect((await deputy.client.request('GET', `/api/v1/stations/${station.id}`)).json().canEdit).toBe(false);
    const byDeputy = await deputy.client.request('PATCH', `/api/v1/stations/${station.id}`, {
      version: 0,
      name: '改名',
    });
    expect(byDeputy.statusCode).toBe(403);
    const mine = (await clerk.client.request('GET', '/api/v1/stations?view=mine')).json();
    expect(mine.items.map((s: { id: string }) => s.id)).toEqual([station.id]);
    const others = (await otherOffice.client.request('GET', '/api/v1/stations')).json();
    expect(others.total).toBe(0);
  });

  it('offers staff candidates of the body line only and refuses anyone else as staff', async () => {
    const { townOffice, otherOffice, countyOffice, clerk, unitUser, station } = county;
    const candidates = await townOffice.client.request(
      'GET',
      `/api/v1/stations/${station.id}/staff-candidates`,
    );
    expect(candidates.statusCode).toBe(200);
    const ids = candidates.json().map((c: { userId: string }) => c.userId);
    expect(ids).toEqual(expect.arrayContaining([clerk.user.id, townOffice.user.id, countyOffice.user.id]));
    expect(ids).not.toContain(otherOffice.user.id);
    expect(ids).not.toContain(unitUser.id);
    const searched = await townOffice.client.request(
      'GET',
      `/api/v1/stations/${station.id}/staff-candidates?q=${encodeURIComponent(clerk.user.username)}`,
    );
    expect(searched.json().map((c: { userId: string }) => c.userId)).toEqual([clerk.user.id]);

    const refused = await townOffice.client.request('PUT', `/api/v1/stations/${station.id}/staff`, {
      userIds: [clerk.user.id, otherOffice.user.id],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('staff_not_eligible');
    const detail = (await townOffice.client.request('GET', `/api/v1/stations/${station.id}`)).json();
    expect(detail.staff.map((s: { userId: string }) => s.userId)).toEqual([clerk.user.id]);
    expect(
      (await otherOffice.client.request('GET', `/api/v1/stations/${station.id}/staff-candidates`)).statusCode,
    ).toBe(404);
  });

  it('stores a photo checked by its bytes and shows it on the public page', async () => {
    const { townOffice, station } = county;
    const fake = multipartFile('photo.png', Buffer.from('<svg onload=alert(1)>'), 'image/png');
    const refused = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/stations/${station.id}/photo`,
      headers: {
        ...fake.headers,
        cookie: townOffice.client.cookie,
        'x-csrf-token': townOffice.client.csrfToken,
      },
      payload: fake.payload,
    });
    expect(refused.statusCode).toBe(400);
    const photo = multipartFile('站.png', pngBytes(), 'image/png');
    const stored = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/stations/${station.id}/photo`,
      headers: {
        ...photo.headers,
        cookie: townOffice.client.cookie,
        'x-csrf-token': townOffice.client.csrfToken,
      },
      payload: photo.payload,
    });
    expect(stored.statusCode).toBe(200);
    expect(stored.json().hasPhoto).toBe(true);
    const image = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/stations/${station.publicCode}/photo`,
    });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
  });
});

describe('QR codes', () => {
  it('holds a stable public address with a random code, never personal data', async () => {
    const { townOffice, townDeputies } = county;
    const deputy = townDeputies[0];
    if (!deputy) throw new Error('fixture');
    const info = (await deputy.client.request('GET', `/api/v1/deputies/${deputy.deputy.id}/qr`)).json();
    expect(info.url).toMatch(/^http:\/\/localhost(:\d+)?\/m\/d\/[2-9A-Z]{8}$/);
    expect(info.url).not.toContain(deputy.deputy.id);
    expect(info.url).not.toContain('13900001111');
    // The same code every time (it is printed on walls).
    const again = (await townOffice.client.request('GET', `/api/v1/deputies/${deputy.deputy.id}/qr`)).json();
    expect(again.code).toBe(info.code);
    const png = await deputy.client.request('GET', `/api/v1/deputies/${deputy.deputy.id}/qr.png`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const svg = await deputy.client.request('GET', `/api/v1/deputies/${deputy.deputy.id}/qr.svg`);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('<svg');
    expect(svg.body).not.toContain('<script');
    const publicSvg = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/deputies/${info.code}/qr.svg`,
    });
    expect(publicSvg.body).toBe(svg.body);
  });

  it('uses the configured site address when there is one', async () => {
    const { station, townOffice, make, county: body } = county;
    const admin = await actorOfUser(
      t.services,
      (await make.user({ roles: [{ role: 'admin', bodyId: body.id }] })).id,
    );
    const channels = t.services.notificationChannels;
    await channels.update(admin, {
      ...(await channels.view(admin)),
      siteUrl: 'https://minyi.example.gov.cn',
    });
    const info = (await townOffice.client.request('GET', `/api/v1/stations/${station.id}/qr`)).json();
    expect(info.url).toBe(`https://minyi.example.gov.cn/m/s/${station.publicCode}`);
    expect(info.posterUrl).toBe(`/m/s/${station.publicCode}/poster`);
  });

  it('is refused for a deputy the reader may not see', async () => {
    const { otherOffice, townDeputies } = county;
    const deputy = townDeputies[1];
    if (!deputy) throw new Error('fixture');
    expect(
      (await otherOffice.client.request('GET', `/api/v1/deputies/${deputy.deputy.id}/qr`)).statusCode,
    ).toBe(404);
  });
});

describe('public pages', () => {
  it('shows a deputy profile without private contacts', async () => {
    const { townDeputies, station, codeOf } = county;
    const deputy = townDeputies[0];
    if (!deputy) throw new Error('fixture');
    const code = await codeOf(deputy.deputy.id);
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/public/deputies/${code}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('application/json');
    const profile = page.json();
    expect(profile).toMatchObject({ name: '镇代表一', seats: [{ level: 'township' }] });
    expect(profile.stations).toEqual([
      { code: station.publicCode, name: '测试镇人大代表联络站', address: '测试镇人民路 8 号' },
    ]);
    for (const secret of ['13900001111', 'deputy@example.com', '人民路 1 号'])
      expect(page.body).not.toContain(secret);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/deputies/ZZZZZZZZ' })).statusCode).toBe(
      404,
    );
  });

  it('lists stations with labels as the body set them', async () => {
    const { townOffice, township } = county;
    const settings = await townOffice.client.request('PUT', `/api/v1/stations/settings/${township.id}`, {
      labelScheme: 'both',
      rule: { kind: 'day_of_month', dayOfMonth: 20 },
    });
    expect(settings.statusCode).toBe(200);
    expect(settings.json().rule.description).toContain('每月20日');
    const list = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/stations?bodyId=${township.id}` })
    ).json();
    expect(list.items[0]).toMatchObject({
      labelScheme: 'both',
      starRating: 4,
      demonstration: true,
      deputyCount: 4,
    });
  });
});
