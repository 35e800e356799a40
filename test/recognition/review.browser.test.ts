import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/domain/dates.js';
import { startWeb, type WebHarness } from '../support/web.js';

const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * 初审 and 复审 in a real browser: a district officer filters the list, opens an application,
 * sees what changed in the registry since submission, returns it with a reason (the reason is
 * mandatory); after the enterprise resubmits, the district approves it in a batch, the city
 * approves it and starts the 公示 on the round's page.
 */
describe('the officers’ review pages in a real browser', () => {
  let web: WebHarness;
  const cookies: Record<string, string> = {};
  let demoId: string;
  let demoName: string;
  let roundId: string;
  let appId: string;
  const today = todayInShanghai();

  const as = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    web.h.app.inject({ method, url, headers: { cookie: cookies[user] }, ...(payload ? { payload } : {}) });
  const statusOf = async () =>
    (await web.h.owner.query<{ status: string }>('select status from recognition_applications where id = $1', [appId]))[0]?.status;
  const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/recognition-review-${name}.png`, fullPage: true });

  beforeAll(async () => {
    web = await startWeb();
    const { h } = web;
    for (const u of ['city.admin', 'demo.enterprise']) cookies[u] = await h.login(u);
    [{ id: demoId, name: demoName }] = await h.owner.query<{ id: string; name: string }>(
      "select e.id, e.name from enterprises e join users u on u.enterprise_id = e.id where u.username = 'demo.enterprise'",
    );
    // The demo enterprise: small, in 荣昌区, holding a valid 创新型 title only (so it may apply for 专精特新).
    await h.owner.query('delete from enterprise_titles where enterprise_id = $1', [demoId]);
    await h.owner.query(
      `insert into enterprise_titles (enterprise_id, tier, level, recognised_on, valid_until, status)
       values ($1, 'innovative', 'municipal', $2, $3, 'valid')`,
      [demoId, shift(today, -400), shift(today, 700)],
    );
    await h.owner.query("update enterprises set size_class = 'small', district_code = '500153', zone_code = null where id = $1", [demoId]);

    const round = await as('city.admin', 'POST', '/api/recognition/rounds', {
      tier: 'srdi',
      type: 'new',
      year: Number(today.slice(0, 4)),
      opensOn: shift(today, -10),
      closesOn: shift(today, 10),
      expertReview: false,
      publicityDays: 5,
      name: '浏览器测试专精特新批次',
    });
    expect(round.statusCode, round.body).toBe(201);
    roundId = round.json().id;
    const created = await as('demo.enterprise', 'POST', '/api/recognition/applications', { roundId });
    expect(created.statusCode, created.body).toBe(201);
    appId = created.json().id;
    const submitted = await as('demo.enterprise', 'POST', `/api/recognition/applications/${appId}/actions`, {
      action: 'submit',
      pledge: true,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // The registry changes after submission: the latest year's revenue (the frozen application keeps the old figure).
    await h.owner.query(
      `update enterprise_years set revenue = revenue + 1234567800 where enterprise_id = $1
       and year = (select max(year) from enterprise_years where enterprise_id = $1)`,
      [demoId],
    );
  }, 180_000);
  afterAll(() => web?.close());

  it('district: filters, opens, sees the differences, returns with a mandatory reason; then approves the resubmission in a batch', async () => {
    const page = await web.logIn('rongchang.admin');
    await page.getByRole('menuitem', { name: '申报审核' }).click();
    await page.getByRole('heading', { name: '申报审核' }).waitFor();
    // Filter by status: 待区县初审.
    await page.getByRole('combobox', { name: '状态' }).click();
    await page.getByTitle('待区县初审', { exact: true }).click();
    await page.waitForURL(/status=submitted/);
    const row = page.getByRole('row', { name: new RegExp(demoName) });
    await row.waitFor();
    await expect.poll(() => row.getByText('待区县初审').count()).toBe(1);
    // The rows are drawn where the reader looks: the table scrolls over its columns' widths, and the
    // enterprise's name starts inside the window (a fixed table under max-content once grew to 10⁶ px).
    const table = await page.getByRole('region', { name: '申报列表' }).locator('table').boundingBox();
    expect(table?.width ?? 0).toBeLessThan(2000);
    const name = await row.getByRole('link', { name: demoName }).boundingBox();
    expect(name?.x ?? Number.POSITIVE_INFINITY).toBeLessThan(page.viewportSize()?.width ?? 0);
    // A filter that leaves nothing says so and offers to clear it.
    await page.getByRole('combobox', { name: '状态' }).click();
    await page.getByTitle('复审通过', { exact: true }).click();
    await page.getByText('没有符合筛选条件的申报').waitFor();
    await page.getByRole('button', { name: '清除筛选' }).click();
    await row.waitFor();
    await shot(page, '1-district-list');

    await row.getByRole('link', { name: demoName }).click();
    await page.getByRole('heading', { name: demoName }).waitFor();
    // The diff: the changed revenue is marked, the rest is the same.
    await page.getByText(/提交后企业库中有 \d+ 项数据发生变化/).waitFor();
    const changed = page.locator('tr[data-changed="true"]');
    await expect.poll(() => changed.count()).toBeGreaterThan(0);
    expect((await changed.first().textContent()) ?? '').toMatch(/营业收入（万元）/);
    expect(await changed.first().getByText('有变化').count()).toBe(1);
    await shot(page, '2-district-diff');
    // Only the district's actions are offered.
    for (const label of ['初审通过', '退回企业', '初审不通过']) await page.getByRole('button', { name: label }).waitFor();
    expect(await page.getByRole('button', { name: '复审通过' }).count()).toBe(0);

    // Return: without a reason the dialog refuses, nothing is sent.
    await page.getByRole('button', { name: '退回企业' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '退回企业' }).click();
    await dialog.getByText('请选择原因类别').waitFor();
    await dialog.getByText('请填写具体原因').waitFor();
    expect(await statusOf()).toBe('submitted');
    await dialog.getByRole('combobox', { name: '原因类别' }).click();
    await page.getByTitle('佐证不足', { exact: true }).click();
    await dialog.getByLabel('具体原因').fill('请补充近两年的研发费用专项审计报告');
    await shot(page, '3-district-return-dialog');
    await dialog.getByRole('button', { name: '退回企业' }).click();
    await page.getByText('已退回企业').first().waitFor();
    await page.getByText('最近一次退回：佐证不足').waitFor();
    expect(await statusOf()).toBe('returned');
    const [stored] = await web.h.owner.query<{ code: string; reason: string }>(
      'select return_reason_code as code, return_reason as reason from recognition_applications where id = $1',
      [appId],
    );
    expect(stored).toEqual({ code: 'weak_evidence', reason: '请补充近两年的研发费用专项审计报告' });
    await page.getByRole('tab', { name: '办理记录' }).click();
    await page.getByText('原因：请补充近两年的研发费用专项审计报告').waitFor();
    await shot(page, '4-district-returned');

    // The enterprise resubmits; the district approves it from the list in a batch.
    const again = await as('demo.enterprise', 'POST', `/api/recognition/applications/${appId}/actions`, { action: 'submit', pledge: true });
    expect(again.statusCode, again.body).toBe(200);
    await page.goto(`${web.baseUrl}/recognition/applications`);
    await page.getByRole('checkbox', { name: `选择${demoName}` }).check();
    await page.getByRole('button', { name: /批量初审通过（1）/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认通过' }).click();
    await page.getByText('已初审通过 1 件申报').waitFor();
    expect(await statusOf()).toBe('district_approved');
    await page.context().close();
  }, 180_000);

  it('city: approves the application and starts the 公示 on the round page', async () => {
    const page = await web.logIn('city.admin');
    await page.goto(`${web.baseUrl}/recognition/applications/${appId}`);
    await page.getByRole('heading', { name: demoName }).waitFor();
    await page.getByRole('button', { name: '复审通过' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('审核意见（可不填）').fill('材料齐全，同意');
    await dialog.getByRole('button', { name: '复审通过' }).click();
    await page.getByText('已复审通过').waitFor();
    expect(await statusOf()).toBe('city_approved');
    await shot(page, '5-city-approved');

    await page.goto(`${web.baseUrl}/recognition/rounds/${roundId}`);
    await page.getByRole('heading', { name: '浏览器测试专精特新批次' }).waitFor();
    await page.getByRole('checkbox', { name: `公示${demoName}` }).waitFor();
    expect(await page.getByRole('checkbox', { name: `公示${demoName}` }).isChecked()).toBe(true);
    await shot(page, '6-city-round-before-publicity');
    await page.getByRole('button', { name: /开始公示（1 家）/ }).click();
    await page.getByText(/公示已开始，1 家企业，公示期至 \d{4}-\d{2}-\d{2}/).waitFor();
    expect(await statusOf()).toBe('in_publicity');
    // The list as published: the enterprise with its district, no objection yet; print view and export offered.
    const listed = page.getByRole('row', { name: new RegExp(demoName) });
    await listed.waitFor();
    expect((await listed.textContent()) ?? '').toMatch(/荣昌区/);
    await page.getByRole('button', { name: /打印公示名单/ }).click();
    await page
      .getByRole('dialog')
      .getByText(/拟认定名单公示/)
      .waitFor();
    await shot(page, '7-city-publicity-print');
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 xlsx/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await shot(page, '8-city-publicity');
    await page.context().close();
  }, 180_000);
});
