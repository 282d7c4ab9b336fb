import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import { seedDemo } from '../demo/demo.seed.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services);
});
afterAll(async () => t.close());

describe('demo stations', () => {
  it('has about 30 stations with deputies, reception days, and a QR code for the demo deputy', async () => {
    const office = await signIn(t.app, 'office', 'Demo-Minyi-2025');
    const stations = (await office.request('GET', '/api/v1/stations?pageSize=100')).json();
    expect(stations.total).toBe(30);
    expect(stations.items.every((s: { deputyCount: number }) => s.deputyCount > 0)).toBe(true);
    const deputy = await signIn(t.app, 'deputy', 'Demo-Minyi-2025');
    const me = (await deputy.request('GET', '/api/v1/auth/me')).json();
    const qr = (await deputy.request('GET', `/api/v1/deputies/${me.deputyId}/qr`)).json();
    expect(qr.url).toMatch(/\/m\/d\/[2-9A-Z]{8}$/);
    const page = (await t.app.inject({ method: 'GET', url: `/api/v1/public/deputies/${qr.code}` })).json();
    expect(page.stations.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['青禾县人大代表之家', '青禾镇人大代表联络站']),
    );
    const inbox = (await deputy.request('GET', '/api/v1/receptions?view=mine')).json();
    expect(inbox.total).toBe(5);
    const mine = (await deputy.request('GET', '/api/v1/stations/duties/mine')).json();
    expect(mine.length).toBeGreaterThan(0);
    expect((await t.services.audit.verify()).ok).toBe(true);
  });
});
