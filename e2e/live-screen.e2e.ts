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

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(demoPassword);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

const votedOn = async (page: Page) =>
  Number((await page.getByTestId('live-voted').innerText()).split('/')[0]?.trim());

describe('the live screen of a ballot (the demo county’s livelihood-project vote)', () => {
  it('shows turnout as deputies vote and the results the moment staff close it', async () => {
    const staff = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const screen = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' });
    const phone = await browser.newPage({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
    try {
      await signIn(staff, 'office');
      await staff.goto(`${server.url}/ballots`);
      await staff.getByRole('link', { name: /民生实事项目（代表票决）/ }).click();
      await staff.waitForURL(/\/ballots\/\w+$/);
      const ballotUrl = staff.url();

      // The big display signs in on its own, as the hall's machine would.
      await signIn(screen, 'office');
      await screen.goto(`${ballotUrl}/live`);
      await screen.getByTestId('live-voted').waitFor();
      const before = await votedOn(screen);
      expect(before).toBeGreaterThan(100);
      await screenshot(screen, 'live-screen-open');

      // A deputy votes on their phone: the screen counts one more without a reload.
      await signIn(phone, 'deputy');
      await phone.goto(`${server.url}/votes`);
      await phone.getByText('待投票').first().click();
      const options = phone.locator('.minyi-vote-option input[type=checkbox]');
      for (const index of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) await options.nth(index).check();
      await phone.getByRole('button', { name: /提交选票/ }).click();
      await phone.locator('.ant-popconfirm .ant-btn-primary').click();
      await phone.getByText('投票成功').waitFor();
      await expect.poll(() => votedOn(screen), { timeout: 10_000 }).toBe(before + 1);
      await screenshot(phone, 'live-screen-voted-phone');

      // Staff close the ballot: the screen shows the counted results.
      await staff.reload();
      await staff.getByRole('button', { name: '结束投票并计票' }).click();
      await staff.locator('.ant-popconfirm .ant-btn-primary').click();
      const results = screen.getByTestId('live-results');
      await results.waitFor({ timeout: 10_000 });
      const text = await results.innerText();
      expect(text).toContain(`实投票 ${before + 1} 人`);
      expect(text).toContain('当选');
      await screenshot(screen, 'live-screen-results');
    } finally {
      await Promise.all([staff.close(), screen.close(), phone.close()]);
    }
  });
});
