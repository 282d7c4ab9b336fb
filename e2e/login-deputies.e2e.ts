import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

describe('sign in and open the deputies page', () => {
  it.each([
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 375, height: 812 }],
  ] as const)('works at %s width', async (name, viewport) => {
    const page = await browser.newPage({ viewport, locale: 'zh-CN' });
    try {
      await page.goto(`${server.url}/deputies`);
      // Not signed in: the app sends us to the login page.
      await page.getByLabel('用户名').waitFor();
      await page.getByLabel('用户名').fill('office');
      await page.getByLabel('密码').fill('wrong-password');
      await page
        .getByRole('button', { name: '登 录' })
        .or(page.getByRole('button', { name: '登录' }))
        .click();
      const alert = page.getByRole('alert').filter({ hasText: '用户名或密码错误' });
      await alert.waitFor();
      await page.getByLabel('密码').fill(demoPassword);
      await page
        .getByRole('button', { name: '登 录' })
        .or(page.getByRole('button', { name: '登录' }))
        .click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.goto(`${server.url}/deputies`);
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBeGreaterThan(5);
      expect(await page.locator('body').innerText()).toContain('青禾');
      await screenshot(page, `deputies-${name}`);
      // Nothing overflows sideways on a phone: the table scrolls inside its card.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(1);
    } finally {
      await page.close();
    }
  });
});
