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
    await expect.poll(() => revenueInput.inputValue()).not.toBe('0');
    expect(Number((await revenueInput.inputValue()).replaceAll(',', ''))).toBeCloseTo(Number(revenue) / 10_000, 2);
    await page.getByRole('button', { name: /测\s*算/ }).click();
    const results = page.getByTestId('evaluation-results');
    await results.waitFor();
    for (const title of ['创新型中小企业', '专精特新中小企业', '专精特新"小巨人"'])
      expect(await results.getByText(title, { exact: true }).count()).toBe(1);
    // What if there were no R&D at all: the answer says how much is missing.
    await page.getByLabel('研发费用（万元）-0').fill('0');
    await page.getByRole('button', { name: /测\s*算/ }).click();
    await expect.poll(() => results.getByText(/研发费用还差 .* 万元/).count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/self-assessment.png', fullPage: true });
    await page.close();
  });

  it('is open without a login as a public calculator', async () => {
    const page = await web.browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${web.baseUrl}/calculator`);
    await page.getByRole('button', { name: /测\s*算/ }).click();
    await page.getByTestId('evaluation-results').waitFor();
    expect(await page.getByText('不符合').count()).toBeGreaterThan(0);
    await page.close();
  });
});
