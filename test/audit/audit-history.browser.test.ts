import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvaluation } from '../support/evaluation.js';
import { startWeb, type WebHarness } from '../support/web.js';

/** What must never be on screen: dotted or snake_case codes, field keys, UUIDs, raw JSON. */
const INTERNAL = /\b[a-z]+\.[a-z_]+\b|\b[a-z]+_[a-z_]+\b|registeredCapital|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}|[{}"]/;

describe('the audit log and an enterprise history in a real browser', () => {
  let web: WebHarness;
  let enterprise: { id: string; name: string };
  beforeAll(async () => {
    web = await startWeb();
    const { h } = web;
    const city = await h.login('city.admin');
    const [e] = await h.database.query<{ id: string; name: string; version: number }>(
      "select e.id, e.name, e.version from enterprises e join users u on u.enterprise_id = e.id where u.username = 'demo.enterprise'",
    );
    enterprise = e;
    const patch = (version: number, registeredCapital: number) =>
      h.app.inject({
        method: 'PATCH',
        url: `/api/enterprises/${e.id}`,
        headers: { cookie: city },
        payload: { version, registeredCapital },
      });
    const first = await patch(e.version, 15_000_000);
    expect(first.statusCode, first.body).toBe(200);
    expect((await patch(first.json().version, 20_000_000)).statusCode).toBe(200);
    await runEvaluation(h, city, { enterpriseId: e.id });
    const published = await h.app.inject({
      method: 'POST',
      url: '/api/evaluations/rule-sets/srdi-2022/versions',
      headers: { cookie: city },
      payload: { values: { passScore: 65 }, note: '浏览器测试修正' },
    });
    expect(published.statusCode, published.body).toBe(201);
  });
  afterAll(() => web?.close());

  it('shows actions, records and changes in Chinese, filtered by any action and by enterprise name', async () => {
    const page = await web.logIn('city.admin');
    await page.getByRole('menu').getByText('审计日志').click();
    const table = page.locator('.ant-table').first();
    await table.getByText('发布评价规则修正').first().waitFor();
    await table.getByText('评价规则：专精特新中小企业认定标准（2022）第 2 版').waitFor();
    await table.getByText(`梯度评价：${enterprise.name}`, { exact: false }).first().waitFor();
    const columns = ['操作', '对象'];
    for (const c of columns) await table.getByRole('columnheader', { name: c, exact: true }).waitFor();
    const cells = await table.locator('tbody td:nth-child(4), tbody td:nth-child(5)').allTextContents();
    expect(cells.filter((t) => INTERNAL.test(t))).toEqual([]);

    // Every action there is can be chosen by name.
    await page.getByLabel('操作', { exact: true }).click();
    for (const label of ['修改企业信息', '批量导入企业', '运行梯度评价', '发布评价规则修正'])
      await page.locator('.ant-select-dropdown').getByText(label, { exact: true }).waitFor();
    await page.locator('.ant-select-dropdown').getByText('修改企业信息', { exact: true }).click();
    await expect.poll(() => page.url()).toContain('action=enterprise.update');

    // By the enterprise's name: only its rows, and a row opens to its changed fields with units.
    const part = enterprise.name.slice(2, 6);
    await page.getByLabel('企业名称').fill(part);
    await page.getByLabel('企业名称').press('Enter');
    await expect.poll(() => page.url()).toContain('enterprise=');
    await table.getByText(`企业：${enterprise.name}`).first().waitFor();
    // The unfiltered rows may still be on screen (or the table between two answers): wait for the filtered list itself.
    const objects = () => table.locator('tbody tr.ant-table-row td:nth-child(5)').allTextContents();
    await expect.poll(async () => (await objects()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await objects()).every((o) => o.includes(part)), { timeout: 10_000 }).toBe(true);
    await table.locator('.ant-table-row-expand-icon').first().click();
    const expanded = table.locator('.ant-table-expanded-row').first();
    await expanded.getByText('注册资本（万元）').waitFor();
    await expanded.getByText('1,500.00').waitFor();
    await expanded.getByText('2,000.00').waitFor();
    expect(INTERNAL.test((await expanded.textContent()) ?? '')).toBe(false);
    await page.screenshot({ path: 'test-results/audit-log.png', fullPage: true });
    await page.close();
  });

  it('shows an enterprise its history by field name with units, amounts in 万元', async () => {
    const page = await web.logIn('city.admin');
    await page.goto(`${web.baseUrl}/enterprises/${enterprise.id}`);
    await page.getByRole('tab', { name: '变更记录' }).click();
    const history = page.getByRole('tabpanel');
    await history.getByText('注册资本（万元）：1,500.00 → 2,000.00').waitFor();
    const changes = await history.getByTestId('history-changes').allTextContents();
    expect(changes.filter((t) => INTERNAL.test(t))).toEqual([]);
    await page.close();
  });

  it('shows the enterprise itself the office that changed its record, once, and the change in words', async () => {
    const page = await web.logIn('demo.enterprise');
    await page.goto(`${web.baseUrl}/enterprises/${enterprise.id}`);
    await page.getByRole('tab', { name: '变更记录' }).click();
    const history = page.getByRole('tabpanel');
    await history.getByText('注册资本（万元）：1,500.00 → 2,000.00').waitFor();
    const text = (await history.textContent()) ?? '';
    expect(text).toContain('· 市经信委 · 修改企业信息');
    expect(text).not.toMatch(/市经信委（市经信委）|city\.admin|127\.0\.0\.1/);
    await page.close();
  });
});
