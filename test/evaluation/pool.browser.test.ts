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
    expect(rows[0]).toEqual([
      '统一社会信用代码',
      '企业名称',
      '区县',
      '行业大类',
      '目标梯度',
      '评价结论',
      '评价得分',
      '还差什么',
      '评价规则',
    ]);
    await page.close();
  });

  it('shows the running batch of the district on load, with progress, and no second start until it ends', async () => {
    const { h } = web;
    // As a run of this district would look mid-way (PGlite: sweeps happen at start only, so it stays running).
    const [{ id }] = await h.database.query<{ id: string }>(
      `insert into evaluation_runs (started_by, actor, assessment_date, status, scope_key, total, processed)
       select id, '{}'::jsonb, '2026-11-22', 'running', 'district:500153', 65534, 40000 from users where username = 'rongchang.admin'
       returning id`,
    );
    const page = await web.logIn('rongchang.admin');
    await page.getByRole('menu').getByText('后备库').click();
    await expect.poll(() => page.getByText('已处理 40,000 / 65,534 家').count(), { timeout: 10_000 }).toBe(1);
    const button = page.getByRole('button', { name: /批量评价/ });
    expect(await button.isDisabled()).toBe(true);
    // Leave and come back: still shown, read from the server.
    await page.getByRole('menu').getByText('企业库').click();
    await page.getByRole('menu').getByText('后备库').click();
    await expect.poll(() => page.getByText('已处理 40,000 / 65,534 家').count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: 'test-results/pool-running.png', fullPage: true });
    // The API refuses a second one as well.
    const refused = await page.evaluate(async () =>
      (await fetch('/api/evaluations/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json(),
    );
    expect(refused).toMatchObject({ code: 'EVALUATION_RUN_ACTIVE', details: { runId: id } });
    // Once it ends the page says so and the button is back.
    await h.database.query(
      `update evaluation_runs set status = 'done', processed = total, finished_at = now(),
         counts = '{"enterprises": 65534, "qualified": {"innovative": 1200, "srdi": 300, "little_giant": 20}, "withinReach": 5000}' where id = $1`,
      [id],
    );
    await expect.poll(() => page.getByText(/批量评价完成：65,534 家企业/).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('button', { name: /运行批量评价/ }).isDisabled()).toBe(false);
    await page.close();
  });
});
