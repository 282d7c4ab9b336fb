import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoPassword, launchBrowser, screenshot, startDemoServer } from './harness.js';
import type { RunningServer } from './harness.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const phone = { width: 375, height: 812 };
/** A real 8×8 PNG (red), so the upload's preview and the server's byte check both see an image. */
const photo = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4pqGBFTEMLQkAT91FgbR57YsAAAAASUVORK5CYII=',
  'base64',
);
const matter =
  '青禾镇东街菜市场门口的下水道堵塞一周了，污水漫到路面，附近居民和摊贩出行都很不方便，希望尽快疏通。';

/** The demo deputy's QR code, as printed on the wall: a stable address with a random code. */
async function deputyQrUrl(): Promise<string> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'deputy', password: demoPassword }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const me = (await (await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie } })).json()) as {
    deputyId: string;
  };
  const qr = (await (
    await fetch(`${server.url}/api/v1/deputies/${me.deputyId}/qr`, { headers: { cookie } })
  ).json()) as {
    url: string;
  };
  return qr.url;
}

async function solveChallenge(page: Page): Promise<void> {
  const question = (await page.getByTestId('challenge-question').innerText()).trim();
  const match = /^(\d+) ([+-]) (\d+)/.exec(question);
  if (!match) throw new Error(`unexpected question ${question}`);
  const answer = match[2] === '+' ? Number(match[1]) + Number(match[3]) : Number(match[1]) - Number(match[3]);
  await page.getByPlaceholder('填写答案').fill(String(answer));
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(1);
}

describe('a citizen reaches their deputy through the QR code', () => {
  it('leaves a message with a photo, the deputy answers and drafts a suggestion, the citizen reads the answer', async () => {
    const qrUrl = await deputyQrUrl();
    expect(qrUrl).toMatch(/\/m\/d\/[2-9A-Z]{8}$/);
    const photoFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-photo-')), '下水道.png');
    fs.writeFileSync(photoFile, photo);

    // 1. The citizen scans the code on the wall: the deputy's public page, phone-sized, no sign-in.
    const citizen = await browser.newPage({ viewport: phone, locale: 'zh-CN' });
    await citizen.goto(qrUrl);
    const name = await citizen.getByTestId('deputy-name').innerText();
    expect(name.length).toBeGreaterThan(1);
    expect(await citizen.locator('body').innerText()).not.toMatch(/1[3-9]\d{9}/);
    await noSidewaysScroll(citizen);
    await screenshot(citizen, 'citizen-1-deputy-page');

    // 2. Leaves a message with a photo and gets a tracking code.
    await citizen.getByRole('button', { name: '给代表留言' }).click();
    await citizen.getByLabel('反映的问题').fill(matter);
    await citizen.locator('input[type=file]').setInputFiles(photoFile);
    await citizen.locator('.ant-upload-list-item').first().waitFor();
    await citizen.getByLabel('联系方式').fill('13912345678');
    await solveChallenge(citizen);
    await noSidewaysScroll(citizen);
    await screenshot(citizen, 'citizen-2-message-form');
    await citizen.getByRole('button', { name: /提交留言/ }).click();
    const codeText = await citizen.getByTestId('tracking-code').innerText();
    const trackingCode = codeText.replace(/[^0-9A-Z]/g, '');
    expect(trackingCode).toMatch(/^M[2-9A-Z]{11}$/);
    expect(await citizen.locator('body').innerText()).toContain('已附 1 张照片');
    await screenshot(citizen, 'citizen-3-tracking-code');

    // 3. The deputy signs in (on a phone too), finds the message with its photo and answers.
    const deputy = await browser.newPage({ viewport: phone, locale: 'zh-CN' });
    await deputy.goto(`${server.url}/stations/receptions`);
    await deputy.getByLabel('用户名').fill('deputy');
    await deputy.getByLabel('密码').fill(demoPassword);
    await deputy.getByRole('button', { name: /登\s*录/ }).click();
    await deputy.waitForURL((url) => !url.pathname.startsWith('/login'));
    await deputy.goto(`${server.url}/stations/receptions`);
    await deputy.getByText(matter.slice(0, 12)).first().click();
    await deputy.getByTestId('reception-matter').waitFor();
    expect(await deputy.getByTestId('reception-matter').innerText()).toBe(matter);
    expect(await deputy.locator('.ant-image img').count()).toBe(1);
    await screenshot(deputy, 'citizen-4-deputy-sees-message');
    await deputy.getByRole('button', { name: '答复群众' }).click();
    const answer = '已联系镇城管所，明天上午安排疏通，我也会就排水管网改造提出代表建议。';
    await deputy.getByLabel('答复内容').fill(answer);
    await deputy.locator('.ant-modal').getByRole('button', { name: '答复群众' }).click();
    await deputy.getByText('已答复').first().waitFor();

    // 4. …and turns it into a draft of their own suggestion, prefilled with the matter.
    await deputy.getByRole('button', { name: '转为代表建议' }).click();
    await deputy.locator('.ant-modal').getByRole('button', { name: '转为代表建议' }).click();
    await deputy.waitForURL(/\/suggestions\/[0-9A-Z]+\/edit$/);
    const suggestionId = /\/suggestions\/([0-9A-Z]+)\/edit$/.exec(deputy.url())?.[1] ?? '';
    const draft = (await deputy.evaluate(async (id) => {
      const response = await fetch(`/api/v1/suggestions/${id}`);
      return response.json();
    }, suggestionId)) as {
      status: string;
      title: string;
      grounds: string;
      timeline: { action: string; note: string | null }[];
    };
    expect(draft.status).toBe('draft');
    expect(draft.grounds).toContain(matter);
    expect(draft.grounds).toContain(trackingCode);
    expect(draft.title).toContain('下水道堵塞');
    expect(draft.timeline.some((event) => event.action === 'from_reception')).toBe(true);
    await deputy.waitForLoadState('networkidle');
    await screenshot(deputy, 'citizen-5-suggestion-draft');

    // 5. The citizen comes back with the tracking code and reads the answer.
    await citizen.getByRole('button', { name: '查看办理进度' }).click();
    await citizen.getByTestId('tracked-answer').waitFor();
    expect(await citizen.getByTestId('tracked-status').innerText()).toBe('已答复');
    expect(await citizen.getByTestId('tracked-answer').innerText()).toBe(answer);
    const page = await citizen.locator('body').innerText();
    expect(page).toContain('转为代表建议');
    expect(page).not.toContain('13912345678');
    await noSidewaysScroll(citizen);
    await screenshot(citizen, 'citizen-6-answer');
    await citizen.close();
    await deputy.close();
  });
});
