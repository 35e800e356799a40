import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeb, type WebHarness } from '../support/web.js';

describe('the self-assessment in a real browser', () => {
  let web: WebHarness;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(() => web?.close());

  it('pre-fills the form from the registry for an enterprise user and answers for each tier with what is missing', async () => {
    const { h } = web;
    const page = await web.logIn('demo.enterprise', { height: 1000 });
    await page.getByRole('menu').getByText('自评测算').click();
    // The registry's 2025 revenue of the demo enterprise, in 万元.
    const [{ revenue }] = await h.database.query<{ revenue: string }>(
      "select y.revenue::text from enterprise_years y join users u on u.enterprise_id = y.enterprise_id where u.username = 'demo.enterprise' and y.year = 2025",
    );
    const revenueInput = page.getByLabel('营业收入（万元）-0');
    // The calculator starts empty: wait for the registry's figure to arrive, not just for "not 0".
    await expect
      .poll(async () => Number((await revenueInput.inputValue()).replaceAll(',', '')), { timeout: 15_000 })
      .toBeCloseTo(Number(revenue) / 10_000, 2);
    await page.getByRole('button', { name: /测\s*算/ }).click();
    const results = page.getByTestId('evaluation-results');
    await results.waitFor();
    // One name per tier, the same as the rule tabs; rule sets by name, never by id.
    for (const title of ['创新型中小企业', '专精特新中小企业', '专精特新“小巨人”企业'])
      expect(await results.getByText(title, { exact: true }).count()).toBe(1);
    expect(await results.getByText('规则：创新型中小企业认定条件（2026）').count()).toBe(1);
    expect(await results.textContent()).not.toMatch(/bottom-2026|srdi-2026|little-giant|[a-z]+-\d{4}/);
    // What if there were no R&D at all: the answer says how much is missing.
    await page.getByLabel('研发费用（万元）-0').fill('0');
    await page.getByRole('button', { name: /测\s*算/ }).click();
    await expect.poll(() => results.getByText(/研发费用还差 .* 万元/).count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/self-assessment.png', fullPage: true });
    await page.close();
  });

  it('is open without a login as a public calculator that asks for figures instead of computing gaps from nothing', async () => {
    const page = await web.browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    await page.goto(`${web.baseUrl}/calculator`);
    const priorYear = new Date().getFullYear() - 1;
    // Empty: what to fill in, no "还差 0 万元", no band read from a missing debt ratio.
    await page.getByRole('button', { name: /测\s*算/ }).click();
    const problems = page.getByTestId('input-problems');
    await problems.getByText(`请填写 ${priorYear} 年度数据`, { exact: false }).waitFor();
    expect(await page.getByText(/还差 0 万元|>75%/).count()).toBe(0);
    // A year filled in part names the figures still missing.
    await page.getByLabel('营业收入（万元）-0').fill('1000');
    await page.getByRole('button', { name: /测\s*算/ }).click();
    await problems.getByText(`${priorYear} 年：请填写主营业务收入、净利润、资产总额、负债总额、研发费用、从业人员、研发人员`).waitFor();

    // A small tech firm: the 科技型 standard is met, the 创新型 one (three years) is not.
    const fill = async (label: string, value: string) => page.getByLabel(`${label}-0`).fill(value);
    await fill('主营业务收入（万元）', '900');
    await fill('净利润（万元）', '50');
    await fill('资产总额（万元）', '1000');
    await fill('负债总额（万元）', '400');
    await fill('研发费用（万元）', '80');
    await fill('从业人员（人）', '100');
    await fill('研发人员（人）', '35');
    await page.getByRole('button', { name: /测\s*算/ }).click();
    const results = page.getByTestId('evaluation-results');
    await results.waitFor();
    // The heading says what was met and by which path, like the line below it.
    await results.getByText('符合（科技型评价路径 70 分）').waitFor();
    await results.getByText(/科技型评价 70 分（符合）/).waitFor();
    expect(await results.getByText(/还差 0 万元/).count()).toBe(0);
    await page.screenshot({ path: 'test-results/calculator.png', fullPage: true });

    // The year rows are the three years before the assessment date and move with it.
    const rows = page.locator('.ant-table-tbody').first();
    await rows.getByText(`${priorYear} 年`, { exact: true }).waitFor();
    const date = page.getByLabel('评价日期');
    await date.click();
    await date.fill('2024-06-01');
    await date.press('Enter');
    for (const y of [2023, 2022, 2021]) await rows.getByText(`${y} 年`, { exact: true }).waitFor();
    expect(await rows.getByText(`${priorYear} 年`, { exact: true }).count()).toBe(0);
    await page.close();
  });
});
