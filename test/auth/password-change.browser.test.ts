import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-data.js';
import { startWeb, type WebHarness } from '../support/web.js';

describe('password changes in a real browser', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWeb();
    const admin = await web.h.login('city.admin');
    const created = await web.h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: {
        username: 'nanan.admin',
        displayName: '南岸区经信委',
        role: 'district_admin',
        districtCode: '500108',
        password: 'Nanan-start-2026',
      },
    });
    expect(created.statusCode).toBe(201);
  });
  afterAll(() => web?.close());

  async function open(username: string, password: string): Promise<Page> {
    const context = await web.browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(web.baseUrl);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    return page;
  }

  it('shows a user whose password the administrator set nothing but the change-password page until it is changed', async () => {
    const page = await open('nanan.admin', 'Nanan-start-2026');
    await page.getByRole('heading', { name: '请先修改密码' }).waitFor();
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await page.getByTestId('current-user').count()).toBe(0);
    // A typed URL shows the same page.
    await page.goto(`${web.baseUrl}/enterprises`);
    await page.getByRole('heading', { name: '请先修改密码' }).waitFor();
    expect(await page.getByRole('menu').count()).toBe(0);

    await page.getByLabel('当前密码').fill('Nanan-start-2026');
    await page.getByLabel('新密码', { exact: true }).fill('Password123');
    await page.getByLabel('再次输入新密码').fill('Password123');
    await page.getByRole('button', { name: '修改密码' }).click();
    // The server's rule shows next to the field.
    await expect.poll(() => page.getByText('该密码过于常见，容易被猜中，请换一个').count()).toBe(1);
    await page.screenshot({ path: 'test-results/password-forced-change.png', fullPage: true });

    await page.getByLabel('新密码', { exact: true }).fill('Nanan-own-pass-2026');
    await page.getByLabel('再次输入新密码').fill('Nanan-own-pass-2026');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('南岸区经信委');
    expect(await page.getByRole('menu').getByText('企业库').count()).toBe(1);
    await page.reload();
    await page.getByTestId('current-user').waitFor();
    expect(await web.h.count("select count(*) as n from users where username = 'nanan.admin' and password_set_by = 'self'")).toBe(1);
    await page.context().close();
  });

  it('offers 修改密码 to every user in the header', async () => {
    const page = await open('yubei.admin', DEMO_PASSWORD);
    await page.getByTestId('current-user').getByRole('button', { name: '修改密码' }).click();
    await page.waitForURL(/\/account\/password$/);
    await page.getByLabel('当前密码').fill('Not-the-password-1');
    await page.getByLabel('新密码', { exact: true }).fill('Yubei-own-pass-2026');
    await page.getByLabel('再次输入新密码').fill('Yubei-own-pass-2026');
    await page.getByRole('main').getByRole('button', { name: '修改密码' }).click();
    await expect.poll(() => page.getByText('当前密码不正确，还可尝试 4 次').count()).toBe(1);
    await page.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await page.getByRole('main').getByRole('button', { name: '修改密码' }).click();
    await page.waitForURL(`${web.baseUrl}/`);
    await expect.poll(() => page.getByText('密码已修改').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('tells the owner at login about failed attempts since the last login', async () => {
    for (let i = 0; i < 3; i++) {
      await web.h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.20.0.1',
        payload: { username: 'rongchang.admin', password: `Wrong-${i}` },
      });
    }
    const page = await open('rongchang.admin', DEMO_PASSWORD);
    await page.getByTestId('current-user').waitFor();
    await expect.poll(() => page.getByText(/期间有 3 次失败登录/).count()).toBe(1);
    await page.context().close();
  });
});
