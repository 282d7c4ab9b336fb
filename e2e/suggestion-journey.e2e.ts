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
const desktop = { width: 1280, height: 860 };
const title = '关于在青禾镇中心小学门口增设交通信号灯的建议';

/** antd puts a space between two Chinese characters on a button ("登 录"): match with or without. */
const buttonName = (text: string) => new RegExp(`^${text.split('').join('\\s?')}$`);

/** A fresh browser context signed in as `username`. */
async function signIn(username: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(demoPassword);
  await page.getByRole('button', { name: buttonName('登录') }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

async function signOut(page: Page): Promise<void> {
  await page.context().close();
}

/** Passes the item's current review tier from its detail page; returns the tier's name. */
async function passReview(page: Page, id: string): Promise<string> {
  await page.goto(`${server.url}/suggestions/${id}`);
  const bar = page.getByTestId('action-bar');
  await bar.waitFor();
  expect(await page.getByTestId('suggestion-title').textContent()).toContain(title);
  const tier = (await page.getByTestId('review-tier').textContent()) ?? '';
  await bar.getByRole('button', { name: '审查通过' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  // Click once the opening animation is over (a click during it can be lost on a busy machine).
  await page.waitForFunction(() => document.querySelector('.ant-zoom-appear, .ant-zoom-enter') === null);
  await dialog.getByRole('button', { name: '审查通过' }).click();
  await dialog.waitFor({ state: 'detached' }).catch(async (error: unknown) => {
    await screenshot(page, 'journey-review-dialog-stuck');
    throw error;
  });
  return tier;
}

describe('a suggestion from draft to the handling unit', () => {
  it('is drafted on a phone, reviewed in three tiers, assigned at a meeting and received by the unit', async () => {
    // 提: the deputy drafts and submits on a phone.
    const deputy = await signIn('deputy', phone);
    await deputy.goto(`${server.url}/suggestions/mine`);
    await deputy.getByRole('button', { name: '起草建议' }).click();
    await deputy.waitForURL('**/suggestions/new');
    await deputy.getByLabel('分类').click();
    await deputy.getByTitle('教育', { exact: true }).click();
    await deputy.getByLabel('案由').fill(title);
    await deputy
      .getByRole('textbox', { name: '案据', exact: true })
      .fill('青禾镇中心小学紧邻县道，上下学时段车流量大，学生横穿马路缺少信号灯和减速设施，家长反映强烈。');
    await deputy
      .getByRole('textbox', { name: '建议', exact: true })
      .fill('在学校门口增设人行横道信号灯和减速带，上下学时段安排交警或志愿者值守。');
    await deputy.getByRole('button', { name: '保存草稿' }).click();
    await deputy.waitForURL('**/suggestions/*/edit');
    const id = new URL(deputy.url()).pathname.split('/')[2] ?? '';
    expect(id).not.toBe('');
    await deputy.getByTestId('submit-checks').getByText('已满足提交条件').waitFor();
    const overflow = await deputy.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(deputy, 'journey-1-draft-phone');
    await deputy.getByRole('button', { name: '提交' }).click();
    await deputy
      .locator('.ant-popconfirm')
      .getByRole('button', { name: buttonName('提交') })
      .click();
    await deputy.waitForURL(`**/suggestions/${id}`);
    await expect.poll(() => deputy.getByTestId('suggestion-status').first().textContent()).toBe('审查中');
    await signOut(deputy);

    // 审: the office passes the first two tiers, the leader the third.
    const office = await signIn('office', desktop);
    expect(await passReview(office, id)).toBe('代表团初审');
    expect(await passReview(office, id)).toBe('代表工委审查');
    await signOut(office);
    const leader = await signIn('leader', desktop);
    expect(await passReview(leader, id)).toBe('议案组审定');
    await expect.poll(() => leader.getByTestId('suggestion-status').first().textContent()).toBe('已立案');
    const serial = (await leader.getByTestId('serial-label').textContent()) ?? '';
    expect(serial).toMatch(/^第\d{4}号$/);
    await screenshot(leader, 'journey-2-accepted');
    await signOut(leader);

    // 交: the office assigns it at a meeting from the workbench, to the category's usual unit.
    const workbench = await signIn('office', desktop);
    await workbench.goto(`${server.url}/suggestions/assign`);
    const row = workbench.getByRole('row').filter({ hasText: title });
    await row.waitFor();
    // The unit's name shows once the unit list has loaded (until then the select holds its id).
    await row.getByTestId('lead-unit').filter({ hasText: '县教育局' }).waitFor();
    await row.getByRole('checkbox').check();
    const preview = workbench.getByTestId('deadline-preview');
    await preview.waitFor();
    const due = /\d{4}-\d{2}-\d{2}/.exec((await preview.textContent()) ?? '')?.[0] ?? '';
    expect(due).not.toBe('');
    await workbench.getByRole('button', { name: /批量交办/ }).click();
    const dialog = workbench.getByRole('dialog');
    await dialog.getByLabel('交办会名称').waitFor();
    await dialog.getByRole('button', { name: buttonName('交办') }).click();
    const result = workbench.getByTestId('batch-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('已交办 1 件');
    await screenshot(workbench, 'journey-3-assigned');
    await signOut(workbench);

    // 办: the education bureau finds it in its inbox with the reply deadline, and receives it.
    const unit = await signIn('edu_handler', desktop);
    await unit.goto(`${server.url}/inbox`);
    const item = unit.getByRole('row').filter({ hasText: title });
    await item.waitFor();
    expect(await item.getByTestId('reply-due').textContent()).toBe(due);
    expect(await item.textContent()).toContain('待签收');
    expect(await item.getByTestId('days-left').textContent()).toMatch(/^剩 \d+ 天$/);
    await item.getByRole('button', { name: buttonName('签收') }).click();
    await unit
      .locator('.ant-popconfirm')
      .getByRole('button', { name: buttonName('签收') })
      .click();
    await expect.poll(() => item.textContent()).toContain('办理中');
    await screenshot(unit, 'journey-4-inbox');
    await signOut(unit);
  });
});
