import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-data.js';
import { makeUscc } from '../../src/domain/uscc.js';
import { launchBrowser } from '../support/browser.js';
import { type Harness, startHarness } from '../support/harness.js';

const SCREENSHOTS = 'test-results';

describe('the shell in a real browser', () => {
  let h: Harness;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    h = await startHarness('pglite');
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function logIn(page: Page, username: string, password = DEMO_PASSWORD) {
    await page.goto(baseUrl);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
  }

  it('logs in as rongchang.admin, shows the Chinese shell scoped to 荣昌区, and logs out', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    await logIn(page, 'rongchang.admin');
    const header = page.getByTestId('current-user');
    await expect.poll(() => header.textContent()).toContain('荣昌区经信委');
    expect(await header.textContent()).toContain('区县经信委');
    const menu = page.getByRole('menu');
    expect(await menu.getByText('企业库').count()).toBe(1);
    expect(await menu.getByText('用户管理').count()).toBe(0);
    expect(await menu.getByText('审计日志').count()).toBe(0);
    await expect.poll(() => page.getByText('数据范围内的企业').count()).toBe(1);

    await menu.getByText('企业库').click();
    await page.waitForURL(/\/enterprises/);
    await expect.poll(() => page.getByText(/共 \d+ 家/).textContent()).toMatch(/共 \d+ 家/);
    const districtsShown = await page.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(districtsShown.length).toBeGreaterThan(0);
    expect(new Set(districtsShown)).toEqual(new Set(['荣昌区']));
    await page.screenshot({ path: `${SCREENSHOTS}/shell-rongchang.png`, fullPage: true });

    await page.getByRole('button', { name: /退出登录/ }).click();
    // At once, without a reload: the login form is there and the officer's name and menu are gone.
    // (The button's exact name: a loose /登\s*录/ also matches 退出登录.)
    await page.getByLabel('用户名').waitFor({ timeout: 5_000 });
    expect(await page.getByRole('button', { name: /^登\s*录$/ }).count()).toBe(1);
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await page.getByTestId('current-user').count()).toBe(0);
    expect(await page.getByText('荣昌区经信委').count()).toBe(0);
    // The session is gone on the server too: reloading does not bring the shell back.
    await page.reload();
    await expect.poll(() => page.getByLabel('用户名').count()).toBe(1);
    await page.close();
  });

  it('shows an enterprise user 无权访问 and the way back on every officer page opened by URL', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    await logIn(page, 'demo.enterprise');
    await page.getByTestId('current-user').waitFor();
    for (const path of ['/evaluations/pool', '/admin/users', '/admin/audit', '/enterprises/import', '/evaluations/rules', '/reference']) {
      await page.goto(baseUrl + path);
      await page.getByText('无权访问', { exact: true }).waitFor({ timeout: 5_000 });
      // None of the officer page came up (its title, its buttons).
      expect(await page.getByRole('button', { name: /运行批量评价|新建用户|下载模板|预览/ }).count()).toBe(0);
      expect(await page.getByRole('table').count()).toBe(0);
    }
    await page.screenshot({ path: `${SCREENSHOTS}/forbidden-enterprise.png`, fullPage: true });
    await page.getByRole('button', { name: '返回工作台' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await page.close();
  });

  it('keeps the menu highlight on a detail page', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    await logIn(page, 'rongchang.admin');
    await page.getByRole('menu').getByText('企业库').click();
    await page.locator('tbody tr a').first().click();
    await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('.ant-menu-item-selected').textContent()).toBe('企业库');
    await page.close();
  });

  it('offers a district officer only their own district for a new enterprise, chosen already', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await logIn(page, 'rongchang.admin');
    await page.getByRole('menu').getByText('企业库').click();
    await page.getByRole('button', { name: /新增企业/ }).click();
    const dialog = page.getByRole('dialog');
    const district = dialog.locator('.ant-form-item').filter({ hasText: '所属区县' });
    await expect.poll(() => district.locator('.ant-select').textContent()).toBe('荣昌区');
    // Locked to it: nothing else to pick.
    expect(await district.locator('.ant-select-disabled').count()).toBe(1);
    const uscc = makeUscc('500153', 'RC260001');
    await dialog.getByLabel('统一社会信用代码').fill(uscc);
    await dialog.getByLabel('企业名称').fill('重庆荣昌表单测试有限公司');
    await dialog.getByLabel('行业（国民经济行业大类）').fill('39');
    await page.getByTitle('39 计算机、通信和其他电子设备制造业', { exact: true }).click();
    await dialog.getByLabel('成立日期').fill('2015-03-01');
    await dialog.getByLabel('成立日期').press('Enter');
    await dialog.getByLabel('注册资本（万元）').fill('1500');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/);
    expect(
      await h.count('select count(*) as n from enterprises where uscc = $1 and district_code = $2 and registered_capital = 15000000', [
        uscc,
        '500153',
      ]),
    ).toBe(1);
    // Shown as officers read amounts.
    await page.getByText('1,500.00 万元').waitFor();
    await page.close();
  });

  it('says what to do when a list is empty: run the batch evaluation first, or clear the filters', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    await logIn(page, 'rongchang.admin');
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${baseUrl}/evaluations/pool`);
    await page.getByText(/尚未运行批量评价，请先点击右上角“对本区县企业运行批量评价”/).waitFor();

    await page.goto(`${baseUrl}/enterprises?q=${encodeURIComponent('没有这样的企业名称')}`);
    await page.getByText('没有符合筛选条件的企业。').waitFor();
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => page.locator('tbody tr a').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getByPlaceholder('企业名称（任意部分）或信用代码').inputValue()).toBe('');
    await page.close();
  });

  it('shows a wrong password as a Chinese error', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await logIn(page, 'yubei.admin', 'Not-the-password-1');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    await page.close();
  });

  it('lets the city administrator create a user and find it in the audit log', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await logIn(page, 'city.admin');
    const menu = page.getByRole('menu');
    await menu.getByText('用户管理').click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('wanzhou.admin');
    await dialog.getByLabel('姓名').fill('万州区经信委');
    await dialog.getByLabel('角色').click();
    await page.getByTitle('区县经信委', { exact: true }).click();
    await dialog.getByLabel('所属区县 / 功能区').fill('万州');
    await page.getByTitle('万州区', { exact: true }).click();
    await dialog.getByLabel('初始密码').fill('weak');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    // The server's password rule shows next to the field.
    await expect.poll(() => dialog.getByText(/密码须为 10～128 个字符/).count()).toBeGreaterThan(0);
    await dialog.getByLabel('初始密码').fill('Wanzhou-pass-2026');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByText('用户已创建').count()).toBeGreaterThan(0);
    // The demo's 114 expert accounts fill the first pages: find the new user by name.
    await page.getByPlaceholder('用户名、姓名或单位').fill('wanzhou');
    await page.getByPlaceholder('用户名、姓名或单位').press('Enter');
    await expect.poll(() => page.getByRole('cell', { name: 'wanzhou.admin' }).count()).toBe(1);
    expect(await h.count("select count(*) as n from users where username = 'wanzhou.admin' and district_code = '500101'")).toBe(1);

    await menu.getByText('审计日志').click();
    await expect.poll(() => page.getByRole('cell', { name: '新建用户' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/audit-log.png`, fullPage: true });
    await page.close();
  });
});
