import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvaluation } from '../support/evaluation.js';
import { startWeb, type WebHarness } from '../support/web.js';

describe('the rule sets and their correction in a real browser', () => {
  let web: WebHarness;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(() => web?.close());

  it('lets the city administrator preview a corrected parameter against the stored results, then publish it', async () => {
    const { h } = web;
    // Stored results to preview against: a batch run over the city.
    await runEvaluation(h, await h.login('city.admin'));

    const page = await web.logIn('city.admin');
    await page.getByRole('menu').getByText('评价规则').click();
    await page.getByText('创新型中小企业评价标准（2022）').first().click();
    // Parameters are named in Chinese, band by band.
    await page.getByText('研发费用占营业收入比重 第 2 档 门槛（%）').waitFor();
    await page.getByLabel('评价得分及格线（分）').fill('95');
    await page.getByRole('button', { name: /预览影响/ }).click();
    const stored = await h.count("select count(*) as n from evaluation_results where tier = 'innovative'");
    await page.getByText(new RegExp(`已存储的 ${stored} 条评价结果中，\\d+ 条的结论将因本次修正而改变`)).waitFor();
    await page.getByRole('columnheader', { name: '层级' }).waitFor();
    await page.screenshot({ path: 'test-results/rule-set-correction.png', fullPage: true });

    await page.getByPlaceholder('修正说明（依据文件、原因）').fill('测试：提高及格线');
    await page.getByRole('button', { name: /发布新版本/ }).click();
    // A city-wide change is confirmed with its effect in front of the administrator; cancelling publishes nothing.
    const confirm = page.getByRole('dialog').filter({ hasText: '确认发布修正版本？' });
    await confirm
      .getByText(new RegExp(`已存储的 ${stored.toLocaleString('zh-CN')} 条评价结果中，\\d+ 条的结论将改变`))
      .waitFor({ timeout: 5_000 });
    expect(await confirm.getByText(/· 创新型中小企业：变为符合 \d+，变为不符合 \d+/).count()).toBeGreaterThan(0);
    await confirm.getByRole('button', { name: /^取\s*消$/ }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await h.count("select count(*) as n from audit_log where action = 'ruleset.publish'")).toBe(0);
    await page.getByRole('button', { name: /发布新版本/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认发布' }).click();
    await page.getByText('已发布第 2 版').waitFor();
    await page.getByText('已修正：第 2 版').first().waitFor();
    await expect.poll(() => page.getByText('总分 ≥95', { exact: false }).count()).toBeGreaterThan(0);
    expect(await h.count("select count(*) as n from audit_log where action = 'ruleset.publish'")).toBe(1);
    await page.close();
    // A batch run, two previews and a publication: 10 s alone, three times that beside other test files on two cores.
  }, 90_000);

  it('names rule sets and parameters in words, and amounts in 万元', async () => {
    const page = await web.logIn('city.admin');
    await page.getByRole('menu').getByText('评价规则').click();
    await page.getByRole('tab', { name: '专精特新中小企业认定标准（2022）' }).click();
    const panel = page.getByRole('tabpanel');
    await panel.getByText('研发机构得分：无').waitFor();
    // An amount parameter is read and edited in 万元 (100 万元, kept as 1,000,000 yuan).
    await expect.poll(() => panel.getByLabel('研发费用下限（万元）').inputValue()).toBe('100');
    const text = (await panel.textContent()) ?? '';
    expect(text).not.toMatch(/passScore|rdInstitutionPoints|\bnone\b|criteria\.md|srdi-2022|决定 2|（元）/);
    await page.getByRole('tab', { name: '创新型中小企业认定条件（2026）' }).click();
    expect((await page.getByRole('tabpanel').textContent()) ?? '').not.toMatch(/bottom-2026|科技和创新型/);
    expect(await page.getByRole('tab', { name: /科技和创新型/ }).count()).toBe(0);
    await page.close();
  });

  it('shows a district officer the tables but no correction', async () => {
    const page = await web.logIn('rongchang.admin');
    await page.getByRole('menu').getByText('评价规则').click();
    await page.getByText('上年研发费用占营业收入比重（20 分）').first().waitFor();
    expect(await page.getByRole('button', { name: /预览影响/ }).count()).toBe(0);
    await page.close();
  });
});
