import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/domain/dates.js';
import { startWeb, type WebHarness } from '../support/web.js';

/**
 * 定期通报 in a real browser: the city reads the draft of last month with the figures behind a score,
 * sees the weights' live sum, publishes with a 文号 and downloads the Word file and the xlsx; 荣昌区's
 * officer finds it in the published list with its own row highlighted. Screenshots in
 * test-results/bulletins-*.png (1440 and 390 px).
 */

const today = todayInShanghai();
const [year, month] = today.split('-').map(Number);
const period = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
const [pYear, pMonth] = period.split('-').map(Number);

/** What a person must never read: ids, English words, raw numbers of more than four digits. */
function oddities(text: string): string[] {
  const found = [
    ...text.matchAll(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi),
    ...text.matchAll(/\b[a-z]{2,}\b/gi),
    ...text.matchAll(/(?<![\d,.])\d{5,}(?![\d,])/g),
  ].map((m) => m[0]);
  return found.filter((f) => !/^20\d\d$/.test(f));
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  const loading = page.locator('.ant-spin-spinning, .ant-skeleton-active');
  await expect.poll(() => loading.count(), { timeout: 30_000, interval: 200 }).toBe(0);
  await page.waitForTimeout(400);
}

describe('定期通报 in a real browser', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWeb();
    // Targets of this year for a few units (the published ones are of 2025 and 2027), so that the
    // draft has target completions to show besides the rates.
    for (const [unit, indicator, value] of [
      ['500153', 'srdi', 60],
      ['500153', 'innovative', 200],
      ['500112', 'srdi', 90],
      ['500105', 'srdi', 40],
      ['500106', 'innovative', 120],
    ] as const)
      await web.h.owner.query(
        `insert into targets (level, unit_code, indicator, measure, year, baseline_on, value, source)
          values ('district', $1, $2, 'stock', $3, $4, $5, 'manual') on conflict do nothing`,
        [unit, indicator, year, `${year}-01-01`, value],
      );
  }, 180_000);
  afterAll(() => web?.close());

  it('the city reads the draft and its figures, sees the weights sum live, publishes and downloads the files', async () => {
    const page = await web.logIn('city.admin');
    await page.getByRole('menuitem', { name: '定期通报', exact: true }).click();
    await page.getByRole('heading', { name: '定期通报' }).waitFor();
    await settle(page);
    await page.getByText(`草稿数据截至`).waitFor();
    const rongchang = page.getByRole('row').filter({ hasText: '荣昌区' }).first();
    await rongchang.waitFor();
    expect(await page.locator('.ant-table-tbody > tr.ant-table-row').count()).toBe(41);
    // The figures behind 荣昌区's scores, each linking to its rows where there is a list.
    await rongchang.getByRole('button', { name: /展开行|Expand row/ }).click();
    await page.getByText('专精特新中小企业培育（20分').first().waitFor();
    await page.getByRole('link', { name: /家$/ }).first().waitFor();
    await page.screenshot({ path: 'test-results/bulletins-draft-city.png', fullPage: true });
    // biome-ignore lint/performance/useDomNodeTextContent: what a person sees is the point.
    expect(oddities(await page.locator('main').innerText())).toEqual([]);

    // Settings: the sum follows the typing; saving is off until it is 100.
    await page.getByRole('tab', { name: '指标与权重' }).click();
    const weight = page.getByLabel('创新型中小企业培育权重');
    await weight.fill('20');
    await expect.poll(() => page.getByTestId('weight-sum').textContent()).toBe('105');
    expect(await page.getByRole('button', { name: '保存设置' }).isDisabled()).toBe(true);
    await page.getByText('权重合计应为 100，当前为 105').waitFor();
    await page.screenshot({ path: 'test-results/bulletins-settings-city.png', fullPage: true });
    await weight.fill('15');
    await expect.poll(() => page.getByTestId('weight-sum').textContent()).toBe('100');

    // Publish last month's 通报 with a 文号.
    await page.getByRole('tab', { name: '通报草稿' }).click();
    await page.getByRole('button', { name: '发布通报' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('文号').fill(`渝经信中小〔${pYear}〕${pMonth}号`);
    expect(await dialog.getByLabel('标题').inputValue()).toBe(`关于${pYear}年${pMonth}月全市专精特新企业培育工作情况的通报`);
    await dialog.getByRole('button', { name: '确认发布' }).click();
    await page.getByText('通报已发布，各区县已收到消息').waitFor();
    await page.getByRole('heading', { name: `关于${pYear}年${pMonth}月全市专精特新企业培育工作情况的通报` }).waitFor();
    await settle(page);
    await page.screenshot({ path: 'test-results/bulletins-published-city.png', fullPage: true });
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载通报正文/ }).click()]);
    expect(docx.suggestedFilename()).toBe(`关于${pYear}年${pMonth}月全市专精特新企业培育工作情况的通报.docx`);
    expect((await docx.failure()) ?? null).toBeNull();
    await docx.saveAs('test-results/bulletins-published.docx');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载排名表/ }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/（排名）\.xlsx$/);
    await page.context().close();
  }, 180_000);

  it('荣昌区 finds the published 通报, its own place and row highlighted, on a desktop and a phone', async () => {
    for (const width of [1440, 390]) {
      const page = await web.logIn('rongchang.admin', { width, height: width > 800 ? 900 : 844 });
      await page.goto(`${web.baseUrl}/bulletins`);
      await page.getByRole('heading', { name: '定期通报' }).waitFor();
      await settle(page);
      expect(await page.getByRole('tab', { name: '通报草稿' }).count()).toBe(0);
      const link = page.getByRole('link', { name: `关于${pYear}年${pMonth}月全市专精特新企业培育工作情况的通报`, exact: true });
      await link.waitFor();
      await page
        .getByText(/第 \d+ 名（/)
        .first()
        .waitFor();
      await page.screenshot({ path: `test-results/bulletins-list-rongchang-${width}.png`, fullPage: true });
      await link.click();
      await page.getByText(/本区县排名第 \d+ 名/).waitFor();
      await settle(page);
      const own = page.locator('tr[data-own="true"]');
      await own.waitFor();
      expect((await own.textContent()) ?? '').toContain('荣昌区（本区县）');
      await page.screenshot({ path: `test-results/bulletins-detail-rongchang-${width}.png`, fullPage: true });
      // biome-ignore lint/performance/useDomNodeTextContent: what a person sees is the point.
      expect(oddities(await page.locator('main').innerText())).toEqual([]);
      await page.context().close();
    }
    // The officer's message with its link.
    const [m] = await web.h.database.query<{ link: string; title: string }>(
      `select m.link, m.title from messages m join users u on u.id = m.user_id where u.username = 'rongchang.admin' and m.category = 'bulletin'`,
    );
    expect(m.title).toContain('定期通报');
    expect(m.link).toMatch(/^\/bulletins\/[0-9a-f-]{36}$/);
  }, 180_000);
});
