// `npm run bench -- dashboard` (issue 12, "Speed"). Each figure beside a reference measured in the same run:
// - PostgreSQL (ZJTX_BENCH_DATABASE_URL; a fresh database, dropped at the end): 1,000,000 enterprises with
//   their titles, and monitoring reports by COPY (ZJTX_BENCH_DASHBOARD_MONTHS months of 1M rows each,
//   default 24 = the issue's 24M; the cockpit reads the aggregates, never the rows). A real server process
//   (`npm start`) reads the figures from the hot standby when ZJTX_BENCH_READ_DATABASE_URL names one
//   (a streaming replica of the same server: the database appears there by replication).
//   GET /api/dashboard with 8 clients (city and a district) beside GET /api/auth/me; the 通报 draft for the
//   41 units (GET /api/bulletins/draft), timed one at a time. Goals: dashboard p95 ≤ 300 ms; draft ≤ 2 s.
// - PGlite at city scale (30,000 enterprises): GET /api/dashboard p95 ≤ 500 ms with 8 clients.
// ZJTX_BENCH_KINDS=postgres (or pglite) runs one; ZJTX_BENCH_DASHBOARD_ENTERPRISES sets the PostgreSQL count;
// ZJTX_BENCH_KEEP_DATABASE=1 keeps the PostgreSQL database (its URL is printed) for EXPLAIN.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { seedDemo } from '../src/cli/demo-data.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { todayInShanghai } from '../src/domain/dates.js';
import { rebuildAggregates } from '../src/modules/monitoring/keep-aggregates.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { freshPostgres } from './databases.js';
import { CONCURRENCY, httpLoad, latencyText, logIn, ms, n, SECONDS, timed, verdict } from './http-load.js';
import { ENTERPRISE_COLUMNS, Population, periodsUpTo, REPORT_COLUMNS, SAMPLE_COLUMNS, TITLE_COLUMNS } from './monitoring-data.js';
import { copyPglite, copyPostgres } from './monitoring-load.js';
import { startServer } from './server-process.js';

const PG_ENTERPRISES = Number(process.env.ZJTX_BENCH_DASHBOARD_ENTERPRISES ?? 1_000_000);
const PGLITE_ENTERPRISES = 30_000;
const MONTHS = Number(process.env.ZJTX_BENCH_DASHBOARD_MONTHS ?? 24);
const DASHBOARD_GOAL_PG = 300;
const DASHBOARD_GOAL_PGLITE = 500;
const DRAFT_GOAL_SECONDS = 2;

const summary: { what: string; figure: string; reference: string; goal: string }[] = [];

/** The month before this one: the latest a 通报 can cover in full. */
function lastMonth(today: string): string {
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

async function measureDashboard(label: string, baseUrl: string, cookies: { city: string; district: string }, goal: number): Promise<void> {
  const probe = await fetch(`${baseUrl}/api/dashboard`, { headers: { cookie: cookies.city } });
  const body = await probe.text();
  if (!probe.ok) {
    console.log(`  [${label}] GET /api/dashboard not measured: HTTP ${probe.status} ${body.slice(0, 200)}`);
    summary.push({ what: `${label} dashboard`, figure: `HTTP ${probe.status}`, reference: '', goal: `≤ ${goal} ms` });
    return;
  }
  const figures = (JSON.parse(body) as { figures: { key: string; value: number }[] }).figures;
  const reference = await httpLoad(baseUrl, cookies.city, ['/api/auth/me']);
  const city = await httpLoad(baseUrl, cookies.city, ['/api/dashboard']);
  const district = await httpLoad(baseUrl, cookies.district, ['/api/dashboard']);
  const ok = city.p95 <= goal && district.p95 <= goal && city.failures + district.failures === 0;
  console.log(
    `  [${label}] reference GET /api/auth/me, ${CONCURRENCY} clients: ${latencyText(reference)}; GET /api/dashboard (${figures.length} figures, e.g. ${figures
      .slice(0, 4)
      .map((f) => `${f.key} ${n(f.value)}`)
      .join(
        ', ',
      )}), ${CONCURRENCY} clients, ${SECONDS} s: city ${latencyText(city)}; district (荣昌区) ${latencyText(district)}  [goal p95 ≤ ${goal} ms: ${verdict(ok)}]`,
  );
  summary.push({
    what: `${label} GET /api/dashboard p95, ${CONCURRENCY} clients`,
    figure: `city ${ms(city.p95)}, district ${ms(district.p95)}`,
    reference: `/api/auth/me ${ms(reference.p95)}`,
    goal: `≤ ${goal} ms: ${verdict(ok)}`,
  });
}

async function measureDraft(label: string, baseUrl: string, cookie: string, period: string): Promise<void> {
  const url = `/api/bulletins/draft?periodKind=month&period=${period}`;
  const times: number[] = [];
  let units = 0;
  let status = 0;
  for (let k = 0; k < 5; k++) {
    const { result, seconds } = await timed(async () => {
      const r = await fetch(`${baseUrl}${url}`, { headers: { cookie } });
      return { status: r.status, body: await r.text() };
    });
    status = result.status;
    if (status !== 200) {
      console.log(`  [${label}] ${url} not measured: HTTP ${status} ${result.body.slice(0, 200)}`);
      summary.push({ what: `${label} 通报 draft`, figure: `HTTP ${status}`, reference: '', goal: `≤ ${DRAFT_GOAL_SECONDS} s` });
      return;
    }
    units = ((JSON.parse(result.body) as { units?: unknown[] }).units ?? []).length;
    times.push(seconds);
  }
  const me = await timed(() => fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } }).then((r) => r.text()));
  times.sort((a, b) => a - b);
  const worst = times[times.length - 1];
  const ok = worst <= DRAFT_GOAL_SECONDS;
  console.log(
    `  [${label}] GET ${url} (${units} units), 5 in turn: median ${times[2].toFixed(2)} s, worst ${worst.toFixed(2)} s (reference /api/auth/me ${(me.seconds * 1000).toFixed(1)} ms)  [goal ≤ ${DRAFT_GOAL_SECONDS} s: ${verdict(ok)}]`,
  );
  summary.push({
    what: `${label} 通报 draft for ${units} units`,
    figure: `median ${times[2].toFixed(2)} s, worst ${worst.toFixed(2)} s`,
    reference: `/api/auth/me ${(me.seconds * 1000).toFixed(1)} ms`,
    goal: `≤ ${DRAFT_GOAL_SECONDS} s: ${verdict(ok)}`,
  });
}

/** Waits until the standby has the bench database with every enterprise (replication of the load). */
async function caughtUp(replicaUrl: string, primary: Database, timeoutMs = 600_000): Promise<number> {
  const started = performance.now();
  const [{ want }] = await primary.query<{ want: number }>('select count(*)::int as want from enterprises');
  while (performance.now() - started < timeoutMs) {
    try {
      const replica = await openDatabase({ databaseUrl: replicaUrl, poolSize: 1 });
      try {
        const [{ have }] = await replica.query<{ have: number }>('select count(*)::int as have from enterprises');
        if (have === want) return (performance.now() - started) / 1000;
      } finally {
        await replica.close();
      }
    } catch {
      // the database is not there yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the standby did not catch up');
}

async function benchPostgres(): Promise<void> {
  const label = 'PostgreSQL';
  const today = todayInShanghai();
  const fresh = await freshPostgres();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zjtx-bench-dashboard-'));
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const { database, url } = fresh;
    await migrateDatabase(database);
    await seedDemo(database, { enterprises: 1, seed: 42 });
    const population = new Population(PG_ENTERPRISES, today);
    const enterprises = await copyPostgres(url, 'enterprises', ENTERPRISE_COLUMNS, population.enterpriseLines());
    await copyPostgres(url, 'enterprise_titles', TITLE_COLUMNS, population.titleLines());
    await copyPostgres(url, 'monitoring_sample', SAMPLE_COLUMNS, population.sampleLines());
    let rows = 0;
    let seconds = 0;
    for (const p of periodsUpTo(today, MONTHS)) {
      const r = await copyPostgres(url, 'monitoring_reports', REPORT_COLUMNS, population.reportLines(p));
      rows += r.rows;
      seconds += r.seconds;
    }
    await database.maintain(['enterprises', 'enterprise_titles', 'monitoring_sample', 'monitoring_reports'], { vacuum: false });
    const rebuild = await timed(async () => {
      for (const year of [...new Set(periodsUpTo(today, MONTHS).map((p) => p.year))])
        await rebuildAggregates(database.db, { years: [year] });
    });
    await database.maintain(['monitoring_aggregates']);
    console.log(
      `  [${label}] COPY ${n(enterprises.rows)} enterprises ${enterprises.seconds.toFixed(1)} s; ${n(rows)} monitoring rows ${seconds.toFixed(1)} s; aggregates ${rebuild.seconds.toFixed(1)} s`,
    );

    const readAdmin = process.env.ZJTX_BENCH_READ_DATABASE_URL;
    let readUrl: string | undefined;
    if (readAdmin) {
      const u = new URL(readAdmin);
      u.pathname = new URL(url).pathname;
      readUrl = u.toString();
      const wait = await caughtUp(readUrl, database);
      console.log(`  [${label}] the standby had the loaded database ${wait.toFixed(1)} s after the load ended`);
    } else console.log(`  [${label}] (no ZJTX_BENCH_READ_DATABASE_URL: the figures are read from the primary)`);

    server = await startServer(
      {
        DATABASE_URL: url,
        ...(readUrl ? { DATABASE_READ_URL: readUrl } : {}),
        ZJTX_DATA_DIR: dataDir,
        ZJTX_PROCESS: 'web',
        ZJTX_LOGIN_RATE_LIMIT: '1000',
      },
      Number(process.env.ZJTX_BENCH_PORT ?? 3932),
      600_000,
    );
    const ready = await (await fetch(`${server.baseUrl}/api/ready`)).json();
    console.log(`  [${label}] server ready: ${JSON.stringify(ready)}`);
    const cookies = { city: await logIn(server.baseUrl, 'city.admin'), district: await logIn(server.baseUrl, 'rongchang.admin') };
    const where = readUrl ? 'on the standby' : 'on the primary';
    await measureDashboard(
      `${label}, ${n(PG_ENTERPRISES)} enterprises, ${n(rows)} monitoring rows, ${where}`,
      server.baseUrl,
      cookies,
      DASHBOARD_GOAL_PG,
    );
    await measureDraft(`${label}, ${n(PG_ENTERPRISES)} enterprises, ${where}`, server.baseUrl, cookies.city, lastMonth(today));
  } finally {
    await server?.stop().catch(() => {});
    if (process.env.ZJTX_BENCH_KEEP_DATABASE === '1') console.log(`  (kept the bench database: ${fresh.url})`);
    else await fresh.drop().catch((e) => console.log(`  (could not drop the bench database: ${(e as Error).message})`));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchPglite(): Promise<void> {
  const label = `PGlite, ${n(PGLITE_ENTERPRISES)} enterprises`;
  const today = todayInShanghai();
  const dir = mkdtempSync(path.join(tmpdir(), 'zjtx-bench-dashboard-pglite-'));
  try {
    {
      const database = await openDatabase({ dataDir: dir });
      await migrateDatabase(database);
      await seedDemo(database, { enterprises: 1, seed: 42 });
      await database.close();
    }
    const population = new Population(PGLITE_ENTERPRISES, today);
    {
      const raw = await PGlite.create({ dataDir: path.join(dir, 'pglite') });
      try {
        await copyPglite(raw, 'enterprises', ENTERPRISE_COLUMNS, population.enterpriseLines());
        await copyPglite(raw, 'enterprise_titles', TITLE_COLUMNS, population.titleLines());
        await copyPglite(raw, 'monitoring_sample', SAMPLE_COLUMNS, population.sampleLines());
        for (const p of periodsUpTo(today, 13)) await copyPglite(raw, 'monitoring_reports', REPORT_COLUMNS, population.reportLines(p));
      } finally {
        await raw.close();
      }
    }
    const database = await openDatabase({ dataDir: dir });
    try {
      await database.maintain(['enterprises', 'enterprise_titles', 'monitoring_sample', 'monitoring_reports']);
      await rebuildAggregates(database.db);
      await database.maintain(['monitoring_aggregates']);
      const app = await buildApp({ database, config: { ...loadConfig({}), loginRateLimitPerMinute: 1000, dataDir: dir } });
      await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
        const cookies = { city: await logIn(baseUrl, 'city.admin'), district: await logIn(baseUrl, 'rongchang.admin') };
        await measureDashboard(label, baseUrl, cookies, DASHBOARD_GOAL_PGLITE);
        await measureDraft(label, baseUrl, cookies.city, lastMonth(today));
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchDashboard(): Promise<void> {
  console.log('\n== Dashboard (数据驾驶舱) and the 通报 draft ==');
  const kinds = (process.env.ZJTX_BENCH_KINDS ?? 'pglite,postgres').split(',');
  if (process.env.ZJTX_BENCH_DATABASE_URL && kinds.includes('postgres')) await benchPostgres();
  else if (!process.env.ZJTX_BENCH_DATABASE_URL)
    console.log(
      '  (set ZJTX_BENCH_DATABASE_URL=postgres://…/postgres, and ZJTX_BENCH_READ_DATABASE_URL for its standby, to measure on PostgreSQL)',
    );
  if (kinds.includes('pglite')) await benchPglite();
  console.log('\n  Summary (dashboard):');
  for (const s of summary) console.log(`  - ${s.what}: ${s.figure}${s.reference ? `  | reference: ${s.reference}` : ''}  | goal ${s.goal}`);
}
