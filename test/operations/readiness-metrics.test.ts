import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import { type Harness, openTestDatabase, startHarness } from '../support/harness.js';
import { DATABASE_KINDS, postgresAdminUrl, testConfig } from '../support/test-config.js';

describe.each(DATABASE_KINDS)('readiness on %s', (kind) => {
  it('is ready while the database and the queue answer, without logging in', async () => {
    const h = await startHarness(kind);
    try {
      const response = await h.app.inject({ method: 'GET', url: '/api/ready' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ready', database: 'ok', replica: 'not_configured', queue: 'ok' });
      // Liveness is unchanged.
      expect((await h.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok', database: kind });
    } finally {
      await h.close();
    }
  });

  it('answers 503 with a Chinese reason when the database is gone under a running app, and 200 once it is back', async () => {
    const { database, owner, drop } = await openTestDatabase(kind);
    // No worker: it would poll the missing database meanwhile.
    const app = await buildApp({ database, config: testConfig({ process: 'web' }) });
    // PGlite: closed under the app. PostgreSQL: the server refuses new connections to the database and ends
    // the app's (its instance lock's connection included: losing it must not end the process).
    const admin = kind === 'postgres' ? await openDatabase({ databaseUrl: postgresAdminUrl, poolSize: 1 }) : undefined;
    const [{ name }] = await owner.query<{ name: string }>('select current_database() as name');
    try {
      if (admin) {
        await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
        await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
      } else await database.close();
      const response = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(response.statusCode).toBe(503);
      const body = response.json();
      expect(body).toMatchObject({ status: 'not_ready', database: 'failed' });
      expect(body.reasons.database).toBe('数据库无法访问');
      expect(body.message).toMatch(/^服务暂未就绪：数据库无法访问/);
      // Nothing of the driver's error reaches the answer.
      expect(response.body).not.toMatch(/pool|closed|PGlite|Error|terminat|connection/i);
      if (admin) {
        await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
        expect((await app.inject({ method: 'GET', url: '/api/ready' })).json()).toMatchObject({ status: 'ready' });
      }
    } finally {
      await admin?.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => {});
      await admin?.close();
      await app.close().catch(() => {});
      if (kind === 'postgres') await drop();
      else await drop().catch(() => {});
    }
  });
});

describe('readiness without the queue', () => {
  it('answers 503 naming the queue when its tables do not answer', async () => {
    const h = await startHarness('pglite', { process: 'web' });
    try {
      await h.owner.query('alter table jobs rename to jobs_elsewhere');
      const response = await h.app.inject({ method: 'GET', url: '/api/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        status: 'not_ready',
        database: 'ok',
        queue: 'failed',
        reasons: { queue: '任务队列无法访问' },
        message: '服务暂未就绪：任务队列无法访问',
      });
      expect(response.json().reasons.database).toBeUndefined();
      await h.owner.query('alter table jobs_elsewhere rename to jobs');
      expect((await h.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
    } finally {
      await h.close();
    }
  });
});

describe('readiness with a stuck database (PGlite: a transaction holds its one connection)', () => {
  it('answers 503 after a short wait instead of hanging', async () => {
    const h = await startHarness('pglite');
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = h.database.db.transaction(async () => held);
    try {
      const started = performance.now();
      const response = await h.app.inject({ method: 'GET', url: '/api/ready' });
      const ms = performance.now() - started;
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: 'not_ready', database: 'timeout', reasons: { database: '数据库在 2 秒内未响应' } });
      expect(ms).toBeGreaterThanOrEqual(1_900);
      expect(ms).toBeLessThan(5_000);
    } finally {
      release();
      await transaction;
      await h.close();
    }
  });
});

describe('metrics', () => {
  let h: Harness;
  beforeAll(async () => {
    // No worker in this process: the jobs the test puts in the queue stay there.
    h = await startHarness('pglite', { process: 'web' });
  });
  afterAll(() => h.close());

  const metrics = (remoteAddress?: string, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'GET', url: '/metrics', headers, ...(remoteAddress && { remoteAddress }) });

  it('serves Prometheus text to loopback with latency by route pattern and errors by code', async () => {
    await h.app.inject({ method: 'GET', url: '/api/health' });
    const id = '2b1f0a4e-3c5d-4e6f-8a9b-0c1d2e3f4a5b';
    // Without a session: 401 AUTH_REQUIRED, on the route's pattern.
    expect((await h.app.inject({ method: 'GET', url: `/api/enterprises/${id}` })).statusCode).toBe(401);
    await h.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    // The router's own refusal (a malformed URL), answered before any route.
    expect((await h.app.inject({ method: 'GET', url: '/api/enterprises/%E0%A4%A' })).statusCode).toBe(400);

    const response = await metrics();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    expect(text).toMatch(/zjtx_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/health",status_code="200"\}/);
    expect(text).toMatch(/zjtx_http_request_duration_seconds_count\{method="GET",route="\/api\/enterprises\/:id",status_code="401"\} 1/);
    expect(text).toMatch(/zjtx_http_errors_total\{code="AUTH_REQUIRED",status_code="401"\} 1/);
    expect(text).toMatch(/zjtx_http_errors_total\{code="ROUTE_NOT_FOUND",status_code="404"\} 1/);
    expect(text).toMatch(/zjtx_http_errors_total\{code="BAD_URL",status_code="400"\} 1/);
    // Bounded labels: the raw URL is nowhere.
    expect(text).not.toContain(id);
    expect(text).not.toContain('no-such-thing');
    // Process figures too.
    expect(text).toMatch(/^zjtx_process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^zjtx_nodejs_eventloop_lag_p99_seconds /m);
  });

  it('reads the queue and the outbox at scrape time: depth by kind, oldest waiting, failed, schedule runs', async () => {
    await h.owner.query(
      `insert into jobs (kind, payload, status, run_at) values
         ('ops.alpha', '{}', 'queued', now() - interval '90 seconds'),
         ('ops.alpha', '{}', 'queued', now() - interval '10 seconds'),
         ('ops.beta', '{}', 'queued', now() + interval '1 hour'),
         ('ops.beta', '{}', 'failed', now())`,
    );
    const [job] = await h.owner.query<{ id: string }>(`select id from jobs where kind = 'ops.beta' and status = 'failed'`);
    await h.owner.query(`insert into schedule_slots (name, slot, job_id) values ('ops.nightly', '2026-01-01T01:00:00+08:00', $1)`, [
      job?.id,
    ]);
    const text = (await metrics()).body;
    expect(text).toMatch(/^zjtx_jobs_waiting\{kind="ops.alpha"\} 2$/m);
    expect(text).toMatch(/^zjtx_jobs_waiting\{kind="ops.beta"\} 1$/m);
    expect(text).toMatch(/^zjtx_jobs_failed 1$/m);
    const oldest = Number(/^zjtx_jobs_oldest_waiting_seconds (\S+)$/m.exec(text)?.[1]);
    expect(oldest).toBeGreaterThanOrEqual(89);
    expect(oldest).toBeLessThan(300);
    expect(text).toMatch(/^zjtx_schedule_runs\{schedule="ops.nightly"\} 1$/m);
    expect(text).toMatch(/^zjtx_outbox_pending 0$/m);
    expect(text).toMatch(/^zjtx_scrape_source_up\{source="queue"\} 1$/m);
    expect(text).toMatch(/^zjtx_scrape_source_up\{source="outbox"\} 1$/m);
  });

  it('is absent (404) for an address not in ZJTX_METRICS_ALLOW', async () => {
    const response = await metrics('203.0.113.7');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'ROUTE_NOT_FOUND', message: '接口不存在：GET /metrics' });
    expect(response.body).not.toContain('zjtx_');
    // IPv6 loopback and an IPv4-mapped loopback are loopback.
    expect((await metrics('::1')).statusCode).toBe(200);
    expect((await metrics('::ffff:127.0.0.1')).statusCode).toBe(200);
  });

  it('does not take a request forwarded by an untrusted proxy on this host for a local one', async () => {
    expect((await metrics('127.0.0.1', { 'x-forwarded-for': '203.0.113.8' })).statusCode).toBe(404);
    expect((await metrics('127.0.0.1', { 'x-real-ip': '203.0.113.8' })).statusCode).toBe(404);
  });
});

describe('metrics allow-list and trusted proxies', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('pglite', { metricsAllow: ['10.20.0.0/16', '192.0.2.5'], trustProxy: ['10.9.0.1'] });
  });
  afterAll(() => h.close());

  const metrics = (remoteAddress: string, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });

  it('lets in exactly the listed addresses and networks (loopback no longer)', async () => {
    expect((await metrics('10.20.3.4')).statusCode).toBe(200);
    expect((await metrics('192.0.2.5')).statusCode).toBe(200);
    expect((await metrics('192.0.2.6')).statusCode).toBe(404);
    expect((await metrics('10.21.0.1')).statusCode).toBe(404);
    expect((await metrics('127.0.0.1')).statusCode).toBe(404);
  });

  it('judges the client behind a trusted proxy by its forwarded address', async () => {
    expect((await metrics('10.9.0.1', { 'x-forwarded-for': '10.20.1.1' })).statusCode).toBe(200);
    expect((await metrics('10.9.0.1', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(404);
    // An untrusted sender's X-Forwarded-For is not believed.
    expect((await metrics('203.0.113.9', { 'x-forwarded-for': '10.20.1.1' })).statusCode).toBe(404);
  });
});
