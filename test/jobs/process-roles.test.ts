// ZJTX_PROCESS: a web process enqueues but runs no job, a worker process runs them without an HTTP
// listener, a wrong value stops the start with a Chinese message; the hourly clean-up runs as a
// scheduled job of the queue.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { DEMO_PASSWORD } from '../../src/modules/auth/passwords.js';
import { loadConfig } from '../../src/server/config.js';
import { enqueue } from '../../src/server/queue.js';
import { HOURLY_CLEANUP, HOURLY_CLEANUP_JOB } from '../../src/server/sweeps.js';
import { startHarness } from '../support/harness.js';
import { runCli, type ServeRun, seededDataDir, startServe, stop } from '../support/processes.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ZJTX_PROCESS', () => {
  const servers: ServeRun[] = [];
  let dir = '';
  afterAll(async () => {
    for (const s of servers) await stop(s, 'SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an unknown value with a Chinese message, at start', async () => {
    expect(loadConfig({}).process).toBe('all');
    expect(loadConfig({ ZJTX_PROCESS: 'Worker' }).process).toBe('worker');
    expect(() => loadConfig({ ZJTX_PROCESS: 'both' })).toThrow(
      '环境变量 ZJTX_PROCESS 只能是 web（只处理网页请求）、worker（只运行后台任务）或 all（两者），当前为 "both"',
    );
    const run = runCli(['serve'], { ZJTX_PROCESS: 'both', ZJTX_DATA_DIR: '/nonexistent/zjtx' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('环境变量 ZJTX_PROCESS 只能是');
  });

  it('web enqueues and runs nothing; worker runs the job and listens on no port', async () => {
    dir = await seededDataDir('zjtx-roles-');
    const web = await startServe({ ZJTX_DATA_DIR: dir, ZJTX_PROCESS: 'web' });
    servers.push(web);
    expect(web.output()).toContain('网页进程：不运行后台任务');
    const login = await fetch(`${web.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'city.admin', password: DEMO_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const started = await fetch(`${web.url}/api/evaluations/runs`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ assessmentDate: '2026-11-22' }),
    });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    await sleep(2000);
    const run = async () => (await (await fetch(`${web.url}/api/evaluations/runs/${id}`, { headers: { cookie } })).json()).status;
    expect(await run()).toBe('queued');
    expect(await stop(web)).toBe(0);

    const worker = await startServe({ ZJTX_DATA_DIR: dir, ZJTX_PROCESS: 'worker' });
    servers.push(worker);
    expect(worker.output()).toContain('工作进程，运行后台任务和定时任务，不接收网页请求');
    await expect(fetch(`${worker.url}/api/health`)).rejects.toThrow();
    await sleep(4000);
    expect(await stop(worker)).toBe(0);
    const db = await openDatabase({ dataDir: dir });
    const [row] = await db.query<{ status: string; processed: number; total: number }>(
      'select status, processed, total from evaluation_runs where id = $1',
      [id],
    );
    await db.close();
    expect(row.status).toBe('done');
    expect(row.processed).toBe(row.total);
  }, 180_000);
});

describe('the hourly clean-up on the queue', () => {
  it('deletes expired sessions as a job of the cleanup.hourly schedule', async () => {
    const h = await startHarness('pglite');
    try {
      expect(HOURLY_CLEANUP).toMatchObject({ name: 'cleanup.hourly', cron: '0 * * * *' });
      await h.database.query(
        `insert into sessions (token_hash, user_id, expires_at) select 'expired-token', id, now() - interval '1 minute' from users where username = 'city.admin'`,
      );
      await h.login('city.admin'); // a live session stays
      const { id } = await enqueue(h.database.db, HOURLY_CLEANUP_JOB, { slot: '2026-12-01T10:00:00+08:00' });
      for (let i = 0; i < 200 && (await h.count("select count(*) as n from jobs where id = $1 and status = 'done'", [id])) === 0; i++)
        await sleep(50);
      expect(await h.count("select count(*) as n from jobs where id = $1 and status = 'done'", [id])).toBe(1);
      expect(await h.count("select count(*) as n from sessions where token_hash = 'expired-token'")).toBe(0);
      expect(await h.count('select count(*) as n from sessions')).toBeGreaterThan(0);
    } finally {
      await h.close();
    }
  }, 120_000);
});
