import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.js';
import { makeUscc } from '../../src/domain/uscc.js';
import { buildApp } from '../../src/server/app.js';
import { openTestDatabase } from '../support/harness.js';
import { testConfig } from '../support/test-config.js';

// The cockpit reads from a streaming replica (DATABASE_READ_URL); writes and reads of one's own writes
// stay on the primary, and a replica lagging beyond the setting is left for the primary. .ci/run starts
// the hot standby (pg_basebackup -R) and sets ZJTX_TEST_READ_DATABASE_URL; without one this file skips.
// Proof that the dashboard ran on the standby: with the standby's replay paused, a new enterprise is
// on the primary (the API reads it back) but not in the dashboard's count — until replay resumes, or
// until the lag setting sends the reads to the primary.

const standbyAdminUrl = process.env.ZJTX_TEST_READ_DATABASE_URL;

/** The same database and credentials as `url`, on the standby's host and port. */
function onStandby(url: string, standby: string): string {
  const u = new URL(url);
  const s = new URL(standby);
  u.host = s.host;
  return u.toString();
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

describe.skipIf(!standbyAdminUrl)('dashboard on a PostgreSQL hot standby', () => {
  let test: Awaited<ReturnType<typeof openTestDatabase>>;
  let standbyAdmin: Database;
  const apps: FastifyInstance[] = [];

  const appWith = async (readMaxLagSeconds: number) => {
    const config = testConfig({
      databaseUrl: test.url,
      databaseReadUrl: onStandby(test.url as string, standbyAdminUrl as string),
      readMaxLagSeconds,
    });
    const app = await buildApp({ database: test.database, config });
    apps.push(app);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'city.admin', password: 'Zjtx-demo-2026' },
    });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = `zjtx_session=${login.cookies.find((c) => c.name === 'zjtx_session')?.value}`;
    const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
    const total = async () => {
      const res = await get('/api/dashboard');
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { figures: { key: string; value: number }[] }).figures.find((f) => f.key === 'enterprises.total')?.value;
    };
    return { app, cookie, get, total };
  };

  beforeAll(async () => {
    test = await openTestDatabase('postgres');
    // The standby has the new database once it has replayed its creation and the copy of the template.
    const name = new URL(test.url as string).pathname.slice(1);
    standbyAdmin = await until('the test database on the standby', async () => {
      const db = await openDatabase({ databaseUrl: onStandby(test.ownerUrl as string, standbyAdminUrl as string), poolSize: 1 });
      const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from enterprises');
      const [{ m }] = await test.database.query<{ m: number }>('select count(*)::int as m from enterprises');
      if (n === m && n > 0) return db;
      await db.close();
      return undefined;
    });
    expect((await standbyAdmin.query<{ r: boolean }>('select pg_is_in_recovery() as r'))[0].r, name).toBe(true);
  });

  afterAll(async () => {
    await standbyAdmin?.query('select pg_wal_replay_resume()').catch(() => {});
    for (const app of apps) await app.close();
    await standbyAdmin?.close();
    await test?.drop();
  });

  it('reads the cockpit from the standby, a just-made change from the primary, and the primary once the standby lags too far', async () => {
    const replicaReader = await appWith(3600);
    const before = await replicaReader.total();
    expect(before).toBe(await test.database.query<{ n: number }>('select count(*)::int as n from enterprises').then((r) => r[0].n));
    expect((await replicaReader.get('/api/ready')).json()).toMatchObject({ status: 'ready', replica: 'ok' });

    await standbyAdmin.query('select pg_wal_replay_pause()');
    try {
      const created = await replicaReader.app.inject({
        method: 'POST',
        url: '/api/enterprises',
        headers: { cookie: replicaReader.cookie },
        payload: {
          uscc: makeUscc('500153', 'RPL12345'),
          name: '副本测试企业',
          districtCode: '500153',
          industryCode: '35',
          establishedOn: '2012-03-01',
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = (created.json() as { id: string }).id;
      // The writer reads its own write back: the primary.
      const own = await replicaReader.get(`/api/enterprises/${id}`);
      expect(own.statusCode, own.body).toBe(200);
      expect((own.json() as { name: string }).name).toBe('副本测试企业');
      expect((await replicaReader.get('/api/enterprises?pageSize=1')).json().total).toBe((before as number) + 1);

      // The cockpit does not see it: its query ran on the paused standby (lag within 3600 s).
      await new Promise((r) => setTimeout(r, 1100));
      expect(await replicaReader.total()).toBe(before);

      // Allowed no lag at all, the cockpit reads the primary.
      const strict = await appWith(0);
      expect(await strict.total()).toBe((before as number) + 1);
    } finally {
      await standbyAdmin.query('select pg_wal_replay_resume()');
    }
    // Replayed, the standby has it too.
    await until('the standby to catch up', async () => ((await replicaReader.total()) === (before as number) + 1 ? true : undefined));
  });
});
