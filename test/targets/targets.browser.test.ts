// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locators, not DOM nodes: innerText is the text a person sees (no hidden option values).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeb, type WebHarness } from '../support/web.js';

/**
 * 目标考核 in a real browser: the city reads every unit's 2025 targets with their progress, opens the rows
 * behind a figure, sets a district's target by applying the suggested split; 荣昌区 sees the city's and
 * its own and changes its own; an officer records a listing stage on the enterprise page. Screenshots:
 * test-results/targets-*.png.
 */

/** What a person must never read: ids, English words, raw numbers of five digits or more. */
function oddities(text: string): string[] {
  const cleaned = text.replace(/\b[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}\b/g, ' ');
  return [
    ...cleaned.matchAll(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi),
    ...cleaned.matchAll(/\b[a-z]{2,}\b/gi),
    ...cleaned.matchAll(/(?<![\d,.-])\d{5,}(?![\d,])/g),
  ]
    .map((m) => m[0])
    .filter((f) => !/^20\d\d$/.test(f));
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  const loading = page.locator('.ant-spin-spinning, .ant-skeleton-active');
  await expect.poll(() => loading.count(), { timeout: 20_000, interval: 200 }).toBe(0);
  await page.waitForTimeout(300);
}

describe('目标考核 in a real browser', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWeb();
  }, 120_000);
  afterAll(() => web?.close());

  it('shows the city every unit’s targets with progress, the rows behind a figure, and applies a split', async () => {
    const page = await web.logIn('city.admin');
    await page.goto(`${web.baseUrl}/targets?year=2025`);
    await settle(page);
    const body = page.locator('main');
    await expect.poll(() => body.innerText()).toContain('全市（市级目标）');
    const text = await body.innerText();
    for (const words of [
      '创新型中小企业',
      '25,000',
      '渝府办发〔2022〕23号',
      '荣昌区',
      '荣昌府办规〔2022〕2号',
      '渝北区',
      '新增上市企业',
      '应完成',
    ]) {
      expect(text, words).toContain(words);
    }
    expect(oddities(text)).toEqual([]);
    await page.screenshot({ path: 'test-results/targets-city-2025.png', fullPage: true });

    // The completed count of 荣昌区's 专精特新 target opens its rows: as many as it says.
    const rongchang = page.locator('.ant-card', { hasText: '荣昌区' });
    const row = rongchang.locator('tr', { hasText: '专精特新中小企业' });
    const shown = (await row.locator('a').first().innerText()).trim();
    await row.locator('a').first().click();
    await settle(page);
    await expect.poll(() => page.locator('main').innerText(), { timeout: 15_000 }).toContain(`共 ${shown} 家`);
    await page.screenshot({ path: 'test-results/targets-rows.png', fullPage: true });

    // Split the city's 2025 专精特新 target; 城口县 gets its suggested part.
    await page.goto(`${web.baseUrl}/targets?year=2025`);
    await settle(page);
    await page.getByRole('button', { name: '分解市级目标' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('分解的指标').click();
    await page.locator('.ant-select-item-option', { hasText: '专精特新中小企业（2,500 家）' }).click();
    await settle(page);
    await expect.poll(() => dialog.innerText()).toContain('分解值合计');
    // 荣昌区 keeps its published target (100) rather than the suggestion.
    expect(await dialog.getByLabel('荣昌区分解值').inputValue()).toBe('100');
    const chengkou = dialog.getByLabel('城口县分解值');
    await chengkou.fill('7');
    await page.screenshot({ path: 'test-results/targets-split.png' });
    await dialog.getByRole('button', { name: '按此分解设置区县目标' }).click();
    await expect.poll(() => page.locator('.ant-message').innerText(), { timeout: 20_000 }).toMatch(/已为 \d+ 个区县设置分解目标/);
    await settle(page);
    const chengkouCard = page.locator('.ant-card', { hasText: '城口县' });
    await expect.poll(() => chengkouCard.innerText()).toContain('按市级目标分解');
    const saved = await web.h.database.query<{ value: number; source: string }>(
      "select value, source from targets where unit_code = '500229' and indicator = 'srdi' and year = 2025",
    );
    expect(saved).toEqual([{ value: 7, source: 'split' }]);
    const published = await web.h.database.query<{ value: number; source: string; document_no: string }>(
      "select value, source, document_no from targets where unit_code = '500153' and indicator = 'srdi' and year = 2025",
    );
    expect(published).toEqual([{ value: 100, source: 'published', document_no: '荣昌府办规〔2022〕2号' }]);
    // Every district with a part got its target; none of 0 was created.
    const parts = await web.h.database.query<{ value: number }>(
      "select value from targets where indicator = 'srdi' and year = 2025 and unit_code is not null",
    );
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.every((p) => p.value > 0)).toBe(true);
    await page.screenshot({ path: 'test-results/targets-city-after-split.png', fullPage: true });
    await page.context().close();
  }, 180_000);

  it('shows 荣昌区 the city’s targets and its own, and lets it change its own', async () => {
    const page = await web.logIn('rongchang.admin');
    await page.goto(`${web.baseUrl}/targets?year=2025`);
    await settle(page);
    const text = await page.locator('main').innerText();
    expect(text).toContain('全市（市级目标）');
    expect(text).toContain('荣昌府办规〔2022〕2号');
    expect(text).not.toContain('渝北府办发〔2022〕38号');
    expect(oddities(text)).toEqual([]);
    await page.screenshot({ path: 'test-results/targets-rongchang-2025.png', fullPage: true });
    const own = page.locator('.ant-card', { hasText: '荣昌府办规' });
    await own.locator('tr', { hasText: '高新技术企业' }).getByRole('button', { name: '修改' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('目标值（家）').fill('320');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.locator('.ant-message').innerText(), { timeout: 15_000 }).toContain('已保存');
    await settle(page);
    expect(await own.locator('tr', { hasText: '高新技术企业' }).innerText()).toContain('320');
    // The city's own rows are not editable for a district.
    expect(await page.locator('.ant-card', { hasText: '全市（市级目标）' }).getByRole('button', { name: '修改' }).count()).toBe(0);
    // An empty year says what to do.
    await page.goto(`${web.baseUrl}/targets?year=2028`);
    await settle(page);
    expect(await page.locator('main').innerText()).toContain('点击“新增目标”');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${web.baseUrl}/targets?year=2025`);
    await settle(page);
    await page.screenshot({ path: 'test-results/targets-rongchang-390.png', fullPage: true });
    await page.context().close();
  }, 120_000);

  it('records a listing stage on the enterprise page (district officer)', async () => {
    const [firm] = await web.h.database.query<{ id: string }>(
      "select id from enterprises where district_code = '500153' and established_on < '2015-01-01' and not exists (select 1 from enterprise_listings l where l.enterprise_id = enterprises.id) order by id limit 1",
    );
    const page = await web.logIn('rongchang.admin');
    await page.goto(`${web.baseUrl}/enterprises/${firm.id}?tab=listings`);
    await settle(page);
    await page.getByRole('tab', { name: '上市进程' }).click();
    expect(await page.locator('main').innerText()).toContain('尚未登记上市进程');
    await page.getByRole('button', { name: '登记阶段' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('日期').fill('2024-03-15');
    await dialog.getByLabel('日期').press('Enter');
    await dialog.getByLabel('市场（板块）').fill('重庆股份转让中心');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.locator('.ant-message').innerText(), { timeout: 15_000 }).toContain('上市进程已保存');
    await settle(page);
    const text = await page.locator('main').innerText();
    expect(text).toContain('股改');
    expect(text).toContain('2024-03-15');
    expect(text).toContain('重庆股份转让中心');
    await page.screenshot({ path: 'test-results/targets-listing.png', fullPage: true });
    expect(await web.h.count('select count(*) as n from enterprise_listings where enterprise_id = $1', [firm.id])).toBe(1);
    await page.context().close();
  }, 120_000);
});
