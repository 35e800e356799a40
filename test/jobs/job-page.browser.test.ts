// The job page in a real browser: the starter follows a batch evaluation to its Chinese result,
// can leave and come back; a failed job shows its Chinese message; someone else sees "not found".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeb, type WebHarness } from '../support/web.js';

describe('/jobs/:id in a real browser', () => {
  let web: WebHarness;
  beforeAll(async () => {
    web = await startWeb();
  }, 120_000);
  afterAll(() => web?.close());

  it('shows the starter a batch evaluation to its result in Chinese, after leaving the page and coming back', async () => {
    const page = await web.logIn('yubei.admin');
    page.setDefaultTimeout(20_000);
    const started = await page.evaluate(async () => {
      const r = await fetch('/api/evaluations/runs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ assessmentDate: '2026-11-22' }),
      });
      return (await r.json()) as { id: string; total: number };
    });
    const [{ job_id: jobId }] = await web.h.database.query<{ job_id: string }>('select job_id from evaluation_runs where id = $1', [
      started.id,
    ]);
    await page.goto(`${web.baseUrl}/jobs/${jobId}`);
    await page.getByText('批量评价', { exact: true }).waitFor();
    await page.goto(`${web.baseUrl}/`);
    await page.goto(`${web.baseUrl}/jobs/${jobId}`);
    await page.getByText(`已评价 ${started.total.toLocaleString('zh-CN')} 家企业`, { exact: false }).waitFor();
    expect(await page.getByText('已完成').count()).toBeGreaterThan(0);
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toContain(jobId);
    expect(body).not.toMatch(/evaluation\.batch|undefined|null/);

    // A failed job: its Chinese message.
    const [{ id: failed }] = await web.h.database.query<{ id: string }>(
      `insert into jobs (kind, payload, status, attempts, created_by, error, finished_at)
       select 'evaluation.batch', '{}', 'failed', 3, id, '{"code":"JOB_FAILED","message":"批量评价失败（已尝试 3 次）：处理过程中出现内部错误，请稍后重新发起或联系管理员"}', now()
       from users where username = 'yubei.admin' returning id`,
    );
    await page.goto(`${web.baseUrl}/jobs/${failed}`);
    await page.getByText('批量评价失败（已尝试 3 次）：处理过程中出现内部错误，请稍后重新发起或联系管理员').waitFor();

    // Another officer: the job does not exist for them.
    const other = await web.logIn('rongchang.admin');
    await other.goto(`${web.baseUrl}/jobs/${jobId}`);
    await other.getByText('任务不存在，或不是您发起的任务').waitFor();
    expect(await other.getByText('已评价').count()).toBe(0);
  }, 120_000);
});
