// The queue across real processes: a batch evaluation survives kill -9 and SIGTERM of the process
// running it (the restarted process on PGlite, another live one on PostgreSQL, resumes from the last
// committed chunk), and two processes on one PostgreSQL run each of N jobs exactly once.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.js';
import { DEMO_PASSWORD } from '../../src/modules/auth/passwords.js';
import { enqueue } from '../../src/server/queue.js';
import { withDatabaseName } from '../support/postgres.js';
import { repoRoot, runCli, type ServeRun, startServe, stop } from '../support/processes.js';
import { ECHO_JOB } from '../support/queue-worker.js';
import { postgresAdminUrl } from '../support/test-config.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function login(url: string): Promise<string> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'city.admin', password: DEMO_PASSWORD }),
  });
  expect(r.status).toBe(200);
  return (r.headers.get('set-cookie') ?? '').split(';')[0];
}

async function startRun(url: string, cookie: string): Promise<{ id: string; total: number }> {
  const r = await fetch(`${url}/api/evaluations/runs`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ assessmentDate: '2026-11-22' }),
  });
  expect(r.status, await r.clone().text()).toBe(202);
  return (await r.json()) as { id: string; total: number };
}

interface RunView {
  status: string;
  processed: number;
  total: number;
}
async function readRun(url: string, cookie: string, id: string): Promise<RunView> {
  return (await (await fetch(`${url}/api/evaluations/runs/${id}`, { headers: { cookie } })).json()) as RunView;
}

const instanceOf = (server: ServeRun) => Number(/"instanceId":(\d+)/.exec(server.output())?.[1]);

describe('a batch evaluation whose PGlite process is killed or stopped', () => {
  const ENTERPRISES = 4000;
  let seeded = '';
  const dirs: string[] = [];
  const servers: ServeRun[] = [];
  beforeAll(async () => {
    seeded = mkdtempSync(path.join(tmpdir(), 'zjtx-jobs-seed-'));
    const demo = runCli(['demo', '--enterprises', String(ENTERPRISES)], { ZJTX_DATA_DIR: seeded });
    expect(await demo.exited, demo.output()).toBe(0);
  }, 300_000);
  afterAll(async () => {
    for (const s of servers) await stop(s, 'SIGKILL');
    for (const d of [seeded, ...dirs]) rmSync(d, { recursive: true, force: true });
  });
  const copy = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zjtx-jobs-'));
    cpSync(seeded, dir, { recursive: true });
    dirs.push(dir);
    return dir;
  };

  async function check(dir: string, runId: string, total: number) {
    const db = await openDatabase({ dataDir: dir });
    try {
      const [job] = await db.query<{ status: string; attempts: number }>(
        'select j.status, j.attempts from jobs j join evaluation_runs r on r.job_id = j.id where r.id = $1',
        [runId],
      );
      const [{ n: history }] = await db.query<{ n: number }>('select count(*)::int as n from evaluation_history where run_id = $1', [
        runId,
      ]);
      const [{ n: results }] = await db.query<{ n: number }>('select count(*)::int as n from evaluation_results where run_id = $1', [
        runId,
      ]);
      return { job, history, results, expected: total * 3 };
    } finally {
      await db.close();
    }
  }

  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`${signal === 'SIGKILL' ? 'kill -9' : 'SIGTERM'} halfway: the restarted process resumes from the last committed chunk and finishes`, async () => {
      const dir = copy();
      const first = await startServe({ ZJTX_DATA_DIR: dir });
      servers.push(first);
      let cookie = await login(first.url);
      const run = await startRun(first.url, cookie);
      expect(run.total).toBeGreaterThanOrEqual(ENTERPRISES);
      let seen = await readRun(first.url, cookie, run.id);
      while (seen.processed < 500) {
        expect(seen.status).not.toBe('done');
        await sleep(20);
        seen = await readRun(first.url, cookie, run.id);
      }
      expect(seen.processed).toBeLessThan(run.total);
      const stoppedAt = Date.now();
      const code = await stop(first, signal);
      if (signal === 'SIGTERM') {
        // It handed the job back and exited at once (within the grace for the chunk in hand).
        expect(code).toBe(0);
        expect(Date.now() - stoppedAt).toBeLessThan(10_000);
        const db = await openDatabase({ dataDir: dir });
        const [job] = await db.query<{ status: string; locked_by: number | null; checkpoint: { after: string } | null }>(
          'select j.status, j.locked_by, j.checkpoint from jobs j join evaluation_runs r on r.job_id = j.id where r.id = $1',
          [run.id],
        );
        await db.close();
        expect(job).toMatchObject({ status: 'queued', locked_by: null });
        expect(job.checkpoint?.after).toMatch(/^[0-9a-f-]{36}$/);
      }
      const second = await startServe({ ZJTX_DATA_DIR: dir });
      servers.push(second);
      cookie = await login(second.url);
      let last = await readRun(second.url, cookie, run.id);
      for (let i = 0; i < 1200 && last.status !== 'done' && last.status !== 'failed'; i++) {
        await sleep(100);
        last = await readRun(second.url, cookie, run.id);
      }
      expect(last).toMatchObject({ status: 'done', processed: run.total });
      expect(await stop(second)).toBe(0);
      const after = await check(dir, run.id, run.total);
      // Every enterprise evaluated once: a chunk done before the stop was not done again.
      expect(after.history).toBe(after.expected);
      expect(after.results).toBe(after.expected);
      expect(after.job).toEqual({ status: 'done', attempts: signal === 'SIGKILL' ? 2 : 1 });
    }, 300_000);
  }
});

describe.runIf(postgresAdminUrl)('processes on one PostgreSQL', () => {
  const ENTERPRISES = 6000;
  const name = `zjtx_test_jobs_${randomBytes(4).toString('hex')}`;
  let url = '';
  let admin: Database;
  let db: Database;
  const servers: ServeRun[] = [];
  beforeAll(async () => {
    admin = await openDatabase({ databaseUrl: postgresAdminUrl, poolSize: 1 });
    await admin.query(`CREATE DATABASE ${name}`);
    url = withDatabaseName(postgresAdminUrl as string, name);
    const demo = runCli(['demo', '--enterprises', String(ENTERPRISES)], { DATABASE_URL: url });
    expect(await demo.exited, demo.output()).toBe(0);
    db = await openDatabase({ databaseUrl: url, poolSize: 2 });
  }, 300_000);
  afterAll(async () => {
    for (const s of servers) await stop(s, 'SIGKILL');
    await db?.close();
    await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.close();
  });

  const jobOfRun = async (runId: string) =>
    (
      await db.query<{ status: string; attempts: number; locked_by: number | null }>(
        'select j.status, j.attempts, j.locked_by from jobs j join evaluation_runs r on r.job_id = j.id where r.id = $1',
        [runId],
      )
    )[0];

  async function runHalfwayThen(signal: 'SIGKILL' | 'SIGTERM', web: ServeRun, workers: ServeRun[]) {
    const cookie = await login(web.url);
    const run = await startRun(web.url, cookie);
    let job = await jobOfRun(run.id);
    let processed = 0;
    // Halfway, and held by one of the workers (a loaded machine may be between a chunk and the next claim).
    while (processed < 1000 || !workers.some((w) => instanceOf(w) === job.locked_by)) {
      await sleep(10);
      job = await jobOfRun(run.id);
      processed = (await readRun(web.url, cookie, run.id)).processed;
    }
    expect(processed).toBeLessThan(run.total);
    const owner = workers.find((w) => instanceOf(w) === job.locked_by) as ServeRun;
    const other = workers.find((w) => w !== owner) as ServeRun;
    expect(owner).toBeDefined();
    const stoppedAt = Date.now();
    const code = await stop(owner, signal);
    if (signal === 'SIGTERM') expect(code).toBe(0);
    let last = await readRun(web.url, cookie, run.id);
    let tookOverMs = 0;
    for (let i = 0; i < 1200 && last.status !== 'done' && last.status !== 'failed'; i++) {
      await sleep(50);
      if (!tookOverMs && (await jobOfRun(run.id)).locked_by === instanceOf(other)) tookOverMs = Date.now() - stoppedAt;
      last = await readRun(web.url, cookie, run.id);
    }
    expect(last).toMatchObject({ status: 'done', processed: run.total });
    expect((await jobOfRun(run.id)).locked_by).toBe(instanceOf(other));
    const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from evaluation_history where run_id = $1', [run.id]);
    expect(n).toBe(run.total * 3);
    expect((await jobOfRun(run.id)).attempts).toBe(signal === 'SIGKILL' ? 2 : 1);
    return { tookOverMs, other };
  }

  it('kill -9 of the worker running a batch evaluation: another live process takes it over and finishes it from its checkpoint', async () => {
    const web = await startServe({ DATABASE_URL: url, ZJTX_PROCESS: 'web' });
    const a = await startServe({ DATABASE_URL: url, ZJTX_PROCESS: 'worker' });
    const b = await startServe({ DATABASE_URL: url, ZJTX_PROCESS: 'worker' });
    servers.push(web, a, b);
    expect(web.output()).not.toContain('"instanceId"');
    const { tookOverMs } = await runHalfwayThen('SIGKILL', web, [a, b]);
    // Its instance's lock died with it: no need to wait for the 30 s lease.
    expect(tookOverMs).toBeLessThan(30_000);
  }, 300_000);

  it('SIGTERM of the worker running a batch evaluation: it hands the job back at once and another process finishes it', async () => {
    const [web, survivor] = servers.filter((s) => s.child.exitCode === null && s.child.signalCode === null);
    const fresh = await startServe({ DATABASE_URL: url, ZJTX_PROCESS: 'worker' });
    servers.push(fresh);
    const { tookOverMs } = await runHalfwayThen('SIGTERM', web, [survivor, fresh]);
    expect(tookOverMs).toBeLessThan(5_000);
  }, 300_000);

  it('two worker processes share a queue of N jobs and run each exactly once', async () => {
    const N = 400;
    const workers = [0, 1].map(() => {
      // 25 ms a job: one worker alone needs seconds for the queue, so the other (polling every 100 ms)
      // takes part even when the machine is loaded.
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/support/queue-worker.ts'), '4', '25'], {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: url, QUEUE_POLL_MS: '100' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.stderr.on('data', (d) => {
        out += d;
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      return { child, out: () => out, exited };
    });
    for (const w of workers) while (!w.out().includes('ready')) await sleep(50);
    const ids = await db.db.transaction(async (tx) => {
      const out: string[] = [];
      for (let i = 0; i < N; i++) out.push((await enqueue(tx, ECHO_JOB, { n: i })).id);
      return out;
    });
    for (let i = 0; i < 600; i++) {
      const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from jobs where kind = 'test.echo' and status = 'done'`);
      if (n === N) break;
      await sleep(100);
    }
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    const ran = workers.map((w) => [...w.out().matchAll(/^ran (\S+)$/gm)].map((m) => m[1]));
    const all = ran.flat();
    expect(all).toHaveLength(N);
    expect(new Set(all)).toEqual(new Set(ids));
    // Both took part, and neither ran more than its limit of 4 at once (a claim of 4 once took 400).
    for (const r of ran) expect(r.length).toBeGreaterThan(0);
    for (const w of workers) expect(Number(/^max (\d+)$/m.exec(w.out())?.[1])).toBeLessThanOrEqual(4);
    const [{ n: done }] = await db.query<{ n: number }>(
      `select count(*)::int as n from jobs where kind = 'test.echo' and status = 'done' and attempts = 1`,
    );
    expect(done).toBe(N);
  }, 120_000);
});
