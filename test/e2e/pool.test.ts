import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../support/files.js';
import { startWeb, type WebHarness } from '../support/web.js';

describe('the pipeline pool in a real browser', () => {
  let web: WebHarness;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(() => web?.close());

  it('runs the batch evaluation of the district, lists the pool and exports it', async () => {
    const { h } = web;
    const page = await web.logIn('rongchang.admin');
    await page.getByRole('menu').getByText('后备库').click();
    await page.getByRole('button', { name: /运行批量评价/ }).click();
    await expect.poll(() => page.getByText(/批量评价完成/).count(), { timeout: 20_000 }).toBe(1);
    await page.getByText('创新型中小企业', { exact: true }).click();
    const total = await h.count(
      "select count(*) as n from evaluation_results r join enterprises e on e.id = r.enterprise_id where r.tier = 'innovative' and r.within_reach and e.current_tier is null",
    );
    await expect.poll(() => page.getByText(`共 ${total.toLocaleString('zh-CN')} 家`).count()).toBe(1);
    await page.screenshot({ path: 'test-results/pool.png', fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导\s*出/ }).click()]);
    await download.saveAs('test-results/pool.xlsx');
    const rows = await readXlsx(readFileSync('test-results/pool.xlsx'));
    expect(rows.length - 1).toBe(total);
    expect(rows[0]).toEqual(['统一社会信用代码', '企业名称', '区县', '行业大类', '目标梯度', '评价结论', '评价得分', '还差什么', '规则']);
    await page.close();
  });
});
