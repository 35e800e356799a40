import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeb, type WebHarness } from '../support/web.js';

describe('工作日历 on the 参考数据 page in a real browser', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(() => web?.close());

  async function chooseYear(page: Page, year: number) {
    await page.getByLabel('年度').click();
    await page.locator(`.ant-select-item-option[title="${year} 年"]`).click();
  }

  async function addDay(page: Page, date: string, kind: '休（放假）' | '班（调休上班）', name: string) {
    await page.getByLabel('日期', { exact: true }).click();
    await page.getByLabel('日期', { exact: true }).fill(date);
    await page.getByLabel('类别').click();
    await page.locator(`.ant-select-item-option[title="${kind}"]`).click();
    await page.getByLabel('节日').fill(name);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^添\s*加$/ }).click();
    await page.getByRole('cell', { name: date }).waitFor();
    // On a loaded machine a click on a dropdown still opening can miss: the row must have the kind chosen.
    expect(await page.getByRole('row', { name: new RegExp(date) }).textContent()).toContain(kind.slice(0, 1));
  }

  it('shows the shipped 2026 arrangement, lets the city administrator maintain 2027, and others read it', async () => {
    const page = await web.logIn('city.admin');
    page.setDefaultTimeout(15_000);

    await page.goto(`${web.baseUrl}/reference?tab=calendar`);
    await chooseYear(page, 2026);
    // The shipped year: 国庆节 off, Saturday 10 October a make-up working day.
    await expect.poll(() => page.locator('[data-date="2026-10-01"]').textContent()).toContain('休');
    expect(await page.locator('[data-date="2026-10-10"]').textContent()).toContain('班');
    expect(await page.getByText('依据国办发明电〔2025〕7号').count()).toBe(1);

    await chooseYear(page, 2027);
    await page.getByText('2027 年的节假日安排尚未维护').waitFor();
    await page.getByText('本年度尚未列出放假日或调休上班日，请在上方添加后保存').waitFor();

    // A make-up working day on a Friday: the server refuses it in Chinese, nothing is saved.
    await addDay(page, '2027-10-08', '班（调休上班）', '国庆节');
    await page.getByRole('button', { name: /保存 2027 年工作日历/ }).click();
    await page.getByText('2027-10-08 是周一至周五，本来就是工作日；调休上班日应为周六或周日').waitFor();
    expect(await web.h.count('select count(*) as n from calendar_years where year = 2027')).toBe(0);

    // On the same page: delete the refused day, add the real days, save again.
    await page
      .getByRole('row', { name: /2027-10-08/ })
      .getByRole('button', { name: /^删\s*除$/ })
      .click();
    await page.getByText('本年度尚未列出放假日或调休上班日，请在上方添加后保存').waitFor();
    await addDay(page, '2027-10-01', '休（放假）', '国庆节');
    await addDay(page, '2027-10-09', '班（调休上班）', '国庆节');
    await page.getByLabel('通知文号').fill('测试通知〔2026〕1号');
    await page.getByRole('button', { name: /保存 2027 年工作日历/ }).click();
    await page
      .getByText('2027 年工作日历已保存')
      .waitFor({ timeout: 45_000 })
      .catch(async (error) => {
        await page.screenshot({ path: 'test-results/calendar-save-failed.png', fullPage: true });
        throw error;
      });
    await page.screenshot({ path: 'test-results/calendar-maintained.png', fullPage: true });

    // Stored: after a reload the days are there, and the computations use them.
    await page.reload();
    await chooseYear(page, 2027);
    await expect.poll(() => page.locator('[data-date="2027-10-01"]').textContent()).toContain('休');
    expect(await page.locator('[data-date="2027-10-09"]').textContent()).toContain('班');
    expect(await page.getByText('2027 年的节假日安排尚未维护').count()).toBe(0);
    const cookie = await web.h.login('rongchang.admin');
    const r = await web.h.app.inject({ method: 'GET', url: '/api/calendar/add-working-days?from=2027-09-30&days=1', headers: { cookie } });
    expect(r.json()).toStrictEqual({ date: '2027-10-04', unmaintainedYears: [] });

    // A district officer sees the same arrangement, without the controls to change it.
    const officer = await web.logIn('rongchang.admin');
    officer.setDefaultTimeout(15_000);
    await officer.goto(`${web.baseUrl}/reference?tab=calendar`);
    await chooseYear(officer, 2027);
    await expect.poll(() => officer.locator('[data-date="2027-10-01"]').textContent()).toContain('休');
    expect(await officer.getByRole('button', { name: /^添\s*加$/ }).count()).toBe(0);
    expect(await officer.getByRole('button', { name: /保存/ }).count()).toBe(0);
    expect(await officer.getByRole('button', { name: /^删\s*除$/ }).count()).toBe(0);
  }, 120_000);
});
