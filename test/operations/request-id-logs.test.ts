import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-data.js';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import { openTestDatabase } from '../support/harness.js';
import { testConfig } from '../support/test-config.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PROXY = '10.9.0.1';

/** An app with its JSON log lines captured, behind a trusted proxy at PROXY. */
describe('request ids and structured logs', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  const lines: string[] = [];

  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase('pglite'));
    app = await buildApp({
      database,
      config: testConfig({ trustProxy: [PROXY] }),
      logger: { stream: { write: (line: string) => void lines.push(line) } },
    });
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

  async function login(username: string, password: string, headers: Record<string, string> = {}) {
    return app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: PROXY, headers, payload: { username, password } });
  }

  it('gives every answer an X-Request-Id, a new UUID unless a trusted proxy sent a sane one', async () => {
    const a = await app.inject({ method: 'GET', url: '/api/health' });
    const b = await app.inject({ method: 'GET', url: '/api/health' });
    expect(a.headers['x-request-id']).toMatch(UUID);
    expect(b.headers['x-request-id']).toMatch(UUID);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);

    const fromProxy = await app.inject({
      method: 'GET',
      url: '/api/health',
      remoteAddress: PROXY,
      headers: { 'x-request-id': 'lb-7f3a.01:x_9' },
    });
    expect(fromProxy.headers['x-request-id']).toBe('lb-7f3a.01:x_9');
    // Errors and unknown routes carry it too.
    const missing = await app.inject({ method: 'GET', url: '/api/nothing', remoteAddress: PROXY, headers: { 'x-request-id': 'lb-404' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['x-request-id']).toBe('lb-404');
    // Even the router's own refusals (a malformed URL).
    const bad = await app.inject({
      method: 'GET',
      url: '/api/enterprises/%E0%A4%A',
      remoteAddress: PROXY,
      headers: { 'x-request-id': 'lb-bad-url' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['x-request-id']).toBe('lb-bad-url');
  });

  it('does not take an X-Request-Id from a client that is not a trusted proxy', async () => {
    const direct = await app.inject({
      method: 'GET',
      url: '/api/health',
      remoteAddress: '203.0.113.4',
      headers: { 'x-request-id': 'chosen-by-client' },
    });
    expect(direct.headers['x-request-id']).toMatch(UUID);
  });

  it('replaces an insane incoming X-Request-Id (too long, control characters, spaces, odd characters)', async () => {
    for (const id of ['a'.repeat(101), 'abc\tdef', 'abc\u0001def', 'two words', '../../etc/passwd', '<script>', 'id;drop', '']) {
      const response = await app.inject({ method: 'GET', url: '/api/health', remoteAddress: PROXY, headers: { 'x-request-id': id } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-request-id'], JSON.stringify(id)).toMatch(UUID);
    }
    const longest = 'b'.repeat(100);
    const kept = await app.inject({ method: 'GET', url: '/api/health', remoteAddress: PROXY, headers: { 'x-request-id': longest } });
    expect(kept.headers['x-request-id']).toBe(longest);
  });

  it('stores the request id in the audit rows a request writes: with an actor and without (a failed login)', async () => {
    const failed = await login('city.admin', 'Not-the-password-1', { 'x-request-id': 'req-failed-login' });
    expect(failed.statusCode).toBe(401);
    const ok = await login('city.admin', DEMO_PASSWORD, { 'x-request-id': 'req-login' });
    expect(ok.statusCode).toBe(200);
    const cookie = `zjtx_session=${ok.cookies.find((c) => c.name === 'zjtx_session')?.value}`;

    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      remoteAddress: PROXY,
      headers: { cookie, 'x-request-id': 'req-create-user-42' },
      payload: {
        username: 'ops.reqid',
        displayName: '请求编号测试',
        role: 'district_admin',
        districtCode: '500102',
        password: 'Ops-reqid-2026',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['x-request-id']).toBe('req-create-user-42');

    const rows = await database.query<{ action: string; request_id: string | null }>(
      `select action, request_id from audit_log where request_id in ('req-failed-login', 'req-login', 'req-create-user-42') order by id`,
    );
    expect(rows).toEqual([
      { action: 'auth.login_failed', request_id: 'req-failed-login' },
      { action: 'auth.login', request_id: 'req-login' },
      { action: 'user.create', request_id: 'req-create-user-42' },
    ]);
    // A request without an incoming id: its generated id, as echoed, is in the row.
    const logout = await app.inject({ method: 'POST', url: '/api/auth/logout', remoteAddress: PROXY, headers: { cookie } });
    expect(logout.statusCode).toBeLessThan(300);
    const [row] = await database.query<{ request_id: string }>(
      `select request_id from audit_log where action = 'auth.logout' order by id desc limit 1`,
    );
    expect(row?.request_id).toBe(logout.headers['x-request-id']);
  });

  it('follows one action from the request to the job it started: the same id on the audit row and the job', async () => {
    const ok = await login('rongchang.admin', DEMO_PASSWORD);
    const cookie = `zjtx_session=${ok.cookies.find((c) => c.name === 'zjtx_session')?.value}`;
    const run = await app.inject({
      method: 'POST',
      url: '/api/evaluations/runs',
      remoteAddress: PROXY,
      headers: { cookie, 'x-request-id': 'req-batch-run-7' },
      payload: { assessmentDate: '2026-11-22' },
    });
    expect(run.statusCode).toBe(202);
    const [job] = await database.query<{ kind: string; request_id: string | null }>(
      `select j.kind, j.request_id from jobs j join evaluation_runs r on r.job_id = j.id where r.id = $1`,
      [run.json().id],
    );
    expect(job).toEqual({ kind: 'evaluation.batch', request_id: 'req-batch-run-7' });
    const [audit] = await database.query<{ action: string }>(`select action from audit_log where request_id = 'req-batch-run-7'`);
    expect(audit?.action).toBe('evaluation.run');
  });

  it('logs one JSON line per request with its reqId, route pattern, status and time', async () => {
    lines.length = 0;
    await app.inject({
      method: 'GET',
      url: '/api/enterprises/2b1f0a4e-3c5d-4e6f-8a9b-0c1d2e3f4a5b?q=张三',
      remoteAddress: PROXY,
      headers: { 'x-request-id': 'req-log-line' },
    });
    const entries = logged().filter((e) => e.reqId === 'req-log-line');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      level: 30,
      msg: 'request',
      method: 'GET',
      route: '/api/enterprises/:id',
      path: '/api/enterprises/2b1f0a4e-3c5d-4e6f-8a9b-0c1d2e3f4a5b',
      statusCode: 401,
      ip: PROXY,
    });
    expect(entries[0]?.ms).toEqual(expect.any(Number));
    expect(entries[0]?.time).toEqual(expect.any(Number));
    // The query (a search term may be a name) is not logged.
    expect(lines.join('')).not.toContain('张三');
    // Successful probes are not logged at info (LOG_LEVEL=info): a load balancer asks every few seconds.
    await app.inject({ method: 'GET', url: '/api/health', remoteAddress: PROXY, headers: { 'x-request-id': 'req-probe' } });
    await app.inject({ method: 'GET', url: '/api/ready', remoteAddress: PROXY, headers: { 'x-request-id': 'req-probe' } });
    expect(logged().filter((e) => e.reqId === 'req-probe')).toEqual([]);
  });

  it('logs the user of a request, and no password, cookie or session token', async () => {
    lines.length = 0;
    const wrong = 'Wrong-Secret-Pass-77';
    await login('rongchang.admin', wrong, { 'x-request-id': 'req-login-wrong' });
    const ok = await login('rongchang.admin', DEMO_PASSWORD, { 'x-request-id': 'req-login-right' });
    const token = ok.cookies.find((c) => c.name === 'zjtx_session')?.value ?? '';
    expect(token.length).toBeGreaterThan(10);
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      remoteAddress: PROXY,
      headers: { cookie: `zjtx_session=${token}`, 'x-request-id': 'req-me' },
    });
    expect(me.statusCode).toBe(200);

    const all = lines.join('\n');
    expect(logged().map((e) => e.reqId)).toEqual(expect.arrayContaining(['req-login-wrong', 'req-login-right', 'req-me']));
    expect(logged().find((e) => e.reqId === 'req-login-wrong')).toMatchObject({ route: '/api/auth/login', statusCode: 401 });
    expect(logged().find((e) => e.reqId === 'req-me')).toMatchObject({ role: 'district_admin', userId: expect.any(String) });
    expect(all).not.toContain(wrong);
    expect(all).not.toContain(DEMO_PASSWORD);
    expect(all).not.toContain(token);
    expect(all).not.toContain('zjtx_session');
  });

  it('censors secrets whatever logs them, and the parameters of a failed query', async () => {
    lines.length = 0;
    app.log.info({ password: 'p-1', body: { password: 'p-2', newPassword: 'p-3' }, user: { passwordHash: 'h-1', token: 't-1' } }, 'probe');
    app.log.info({ req: { headers: { cookie: 'zjtx_session=c-1', authorization: 'Bearer a-1' } } }, 'probe');
    app.log.error({ err: new Error('Failed query: insert into sessions values ($1)\nparams: s-1,s-2') }, 'probe');
    const all = lines.join('\n');
    for (const secret of ['p-1', 'p-2', 'p-3', 'h-1', 't-1', 'c-1', 'a-1', 's-1']) expect(all).not.toContain(secret);
    expect(all).toContain('[已隐去]');
    expect(all).toContain('Failed query: insert into sessions');
  });
});
