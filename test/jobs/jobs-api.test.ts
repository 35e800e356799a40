// GET /api/jobs/:id: the one who started a job reads its progress and outcome; anyone else gets the
// 404 of an absent record, anonymous a 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

describe.each(DATABASE_KINDS)('GET /api/jobs/:id on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    h = await startHarness(kind);
    for (const u of ['yubei.admin', 'rongchang.admin', 'city.admin']) cookies[u] = await h.login(u);
  }, 120_000);
  afterAll(() => h?.close());
  const get = (user: string | null, url: string) => h.app.inject({ method: 'GET', url, headers: user ? { cookie: cookies[user] } : {} });

  it('shows the starter the progress and result of a batch evaluation, and nobody else', async () => {
    const started = await h.app.inject({
      method: 'POST',
      url: '/api/evaluations/runs',
      headers: { cookie: cookies['yubei.admin'] },
      payload: { assessmentDate: '2026-11-22' },
    });
    expect(started.statusCode, started.body).toBe(202);
    const { jobId } = started.json();
    const [{ job_id: recorded }] = await h.database.query<{ job_id: string }>('select job_id from evaluation_runs where id = $1', [
      started.json().id,
    ]);
    expect(jobId).toBe(recorded);
    let job = (await get('yubei.admin', `/api/jobs/${jobId}`)).json();
    for (let i = 0; i < 400 && job.status !== 'done'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (await get('yubei.admin', `/api/jobs/${jobId}`)).json();
    }
    expect(job).toMatchObject({ id: jobId, kind: 'evaluation.batch', label: '批量评价', status: 'done', attempts: 1, error: null });
    expect(job.result).toMatchObject({ enterprises: started.json().total });
    expect(job.finishedAt).toBeTruthy();

    const absent = await get('yubei.admin', '/api/jobs/00000000-0000-0000-0000-000000000000');
    expect(absent.statusCode).toBe(404);
    for (const other of ['rongchang.admin', 'city.admin']) {
      const refused = await get(other, `/api/jobs/${jobId}`);
      expect(refused.statusCode).toBe(404);
      expect(refused.json()).toEqual(absent.json());
    }
    expect((await get('yubei.admin', '/api/jobs/not-a-uuid')).statusCode).toBe(404);
    expect((await get(null, `/api/jobs/${jobId}`)).statusCode).toBe(401);
  });

  it('shows a failed job with its Chinese message, and a waiting retry without the error yet', async () => {
    const [{ id: userId }] = await h.database.query<{ id: string }>("select id from users where username = 'yubei.admin'");
    const [{ id: failed }] = await h.database.query<{ id: string }>(
      `insert into jobs (kind, payload, status, attempts, created_by, error)
       values ('evaluation.batch', '{}', 'failed', 3, $1, '{"code":"JOB_FAILED","message":"批量评价失败（已尝试 3 次）","detail":"Error: x"}') returning id`,
      [userId],
    );
    const job = (await get('yubei.admin', `/api/jobs/${failed}`)).json();
    expect(job).toMatchObject({ status: 'failed', error: { code: 'JOB_FAILED', message: '批量评价失败（已尝试 3 次）' } });
    expect(job.error.detail).toBeUndefined();
    const [{ id: waiting }] = await h.database.query<{ id: string }>(
      `insert into jobs (kind, payload, status, attempts, created_by, error, run_at)
       values ('test.never', '{}', 'queued', 1, $1, '{"code":"JOB_FAILED","message":"出错"}', now() + interval '1 hour') returning id`,
      [userId],
    );
    expect((await get('yubei.admin', `/api/jobs/${waiting}`)).json()).toMatchObject({ status: 'queued', label: '后台任务', error: null });
  });
});
