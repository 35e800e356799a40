// Issue 2 goals: start ≤ 5 s on an existing data dir, first start with demo data ≤ 30 s;
// GET /api/auth/me with a valid session ≥ 2,000 req/s and p99 ≤ 20 ms (autocannon, real server).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { seedDemo } from '../src/cli/demo-data.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { freshPostgres } from './databases.js';
import { startServer } from './server-process.js';

async function login(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'rongchang.admin', password: 'Zjtx-demo-2026' }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0];
}

async function loadMe(baseUrl: string, cookie: string, label: string) {
  // Warm-up, then the measured run.
  await autocannon({ url: `${baseUrl}/api/auth/me`, connections: 10, duration: 2, headers: { cookie } });
  const result = await autocannon({ url: `${baseUrl}/api/auth/me`, connections: 10, duration: 10, headers: { cookie } });
  const ok = result.non2xx === 0 && result.errors === 0;
  const rps = result.requests.average;
  const p99 = result.latency.p99;
  console.log(
    `  GET /api/auth/me (${label}, 10 connections, 10 s): ${rps.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}` +
      `  [goal ≥ 2000 req/s, p99 ≤ 20 ms: ${ok && rps >= 2000 && p99 <= 20 ? 'met' : 'NOT met'}]`,
  );
}

export async function benchFoundation(): Promise<void> {
  console.log('\n== Foundation: start-up and session check ==');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zjtx-bench-'));
  const port = 3900 + Math.floor(Math.random() * 50);
  try {
    const first = await startServer({ ZJTX_DATA_DIR: dataDir }, port);
    console.log(
      `  npm start, first start (migrate + demo data): ready in ${(first.readyMs / 1000).toFixed(2)} s  [goal ≤ 30 s: ${first.readyMs <= 30_000 ? 'met' : 'NOT met'}]`,
    );
    await first.stop();
    const again = await startServer({ ZJTX_DATA_DIR: dataDir }, port);
    console.log(
      `  npm start, existing data dir: ready in ${(again.readyMs / 1000).toFixed(2)} s  [goal ≤ 5 s: ${again.readyMs <= 5_000 ? 'met' : 'NOT met'}]`,
    );
    await loadMe(again.baseUrl, await login(again.baseUrl), 'PGlite');
    await again.stop();

    if (process.env.ZJTX_BENCH_DATABASE_URL) {
      const fresh = await freshPostgres();
      await migrateDatabase(fresh.database);
      await seedDemo(fresh.database);
      await fresh.database.close();
      const pg = await startServer({ DATABASE_URL: fresh.url }, port + 1);
      console.log(`  npm start on PostgreSQL: ready in ${(pg.readyMs / 1000).toFixed(2)} s`);
      await loadMe(pg.baseUrl, await login(pg.baseUrl), 'PostgreSQL');
      await pg.stop();
      await fresh.drop().catch(() => {});
    } else {
      console.log('  (set ZJTX_BENCH_DATABASE_URL=postgres://…/postgres, a role that may create databases, to measure on PostgreSQL too)');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
