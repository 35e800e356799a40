// `npm run bench -- monitoring` (issue 11, "Scale and speed"). Each figure is printed beside a
// reference measured in the same run (the machine is shared and noisy):
// - PostgreSQL (ZJTX_BENCH_DATABASE_URL, a role that may create databases; a fresh database, dropped at
//   the end): 1,000,000 enterprises, then monthly reports loaded with COPY in three stages to 1M, 4M and
//   24M rows (each COPY's time and rows/s), the aggregates rebuilt after each stage (timed), then
//   GET /api/monitoring/stats for several periods × groupBy with 8 concurrent clients over HTTP against
//   a real server process (`npm start`), beside GET /api/auth/me (a session lookup) over the same HTTP
//   and the bare aggregate SELECT in-process — at every stage: it must not grow with the total. Then
//   single report submissions (PUT with its checks, on enterprises with 23 months of history) with 1 and
//   8 clients beside a bare UPDATE of one report row. Goals: stats p95 ≤ 300 ms, PUT p95 ≤ 20 ms.
// - PGlite (embedded), 30,000 enterprises × 36 months: stats p95 ≤ 500 ms beside the bare SELECT; a
//   month's xlsx import of 30,000 reports ≤ 60 s beside reading the same file with exceljs alone.
// ZJTX_BENCH_MONITORING_SCALE=small: 20,000 × 24 on PostgreSQL, 3,000 × 36 on PGlite (development);
// ZJTX_BENCH_MONITORING_ENTERPRISES / ZJTX_BENCH_MONITORING_PGLITE_ENTERPRISES set the two counts outright.
// ZJTX_BENCH_KEEP_DATABASE=1 keeps the PostgreSQL bench database (its URL is printed) for EXPLAIN.
// ZJTX_BENCH_KINDS=postgres (or pglite) runs one of the two; ZJTX_BENCH_SECONDS the length of each load run (10).
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { seedDemo } from '../src/cli/demo-data.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { todayInShanghai } from '../src/domain/dates.js';
import {
  AGGREGATE_SUMS,
  type AggregateRow,
  aggregateRowKey,
  computeAggregateRows,
  selectAggregateSums,
  selectStoredAggregateRows,
} from '../src/modules/monitoring/aggregates.repo.js';
import { rebuildAggregates } from '../src/modules/monitoring/keep-aggregates.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { freshPostgres } from './databases.js';
import { CONCURRENCY, httpLoad, type Latency, latencyText, logIn, ms, n, pool, requestLoad, SECONDS, timed, verdict } from './http-load.js';
import {
  ENTERPRISE_COLUMNS,
  type Period,
  Population,
  periodsUpTo,
  periodText,
  REPORT_COLUMNS,
  SAMPLE_COLUMNS,
  TITLE_COLUMNS,
} from './monitoring-data.js';
import { benchMonitoringImport } from './monitoring-import.js';
import { type CopyResult, copyPglite, copyPostgres } from './monitoring-load.js';
import { startServer } from './server-process.js';

const SMALL = process.env.ZJTX_BENCH_MONITORING_SCALE === 'small';
const PG_ENTERPRISES = Number(process.env.ZJTX_BENCH_MONITORING_ENTERPRISES ?? (SMALL ? 20_000 : 1_000_000));
const PGLITE_ENTERPRISES = Number(process.env.ZJTX_BENCH_MONITORING_PGLITE_ENTERPRISES ?? (SMALL ? 3_000 : 30_000));
const ROWS_GOAL_PG = 300;
const ROWS_GOAL_PGLITE = 500;
const PUT_GOAL = 20;

const copyText = (what: string, r: CopyResult) =>
  `${what}: ${n(r.rows)} rows in ${r.seconds.toFixed(1)} s (${n(Math.round(r.rowsPerSecond))} rows/s)`;

/** What the summary table at the end shows. */
const summary: { what: string; figure: string; reference: string; goal: string }[] = [];

/** The stats URLs of the given periods × the three groupings of the issue's contract. */
const statsUrls = (periods: Period[]) =>
  periods.flatMap((p) => ['tier', 'district', 'industry'].map((g) => `/api/monitoring/stats?period=${periodText(p)}&groupBy=${g}`));

async function measureStats(
  label: string,
  stage: string,
  database: Database,
  baseUrl: string,
  cookies: { city: string; district: string },
  periods: Period[],
  goal: number,
): Promise<Latency | null> {
  const urls = statsUrls(periods);
  // Is the route there (and answering 200)? Otherwise say so instead of timing errors.
  const probe = await fetch(`${baseUrl}${urls[0]}`, { headers: { cookie: cookies.city } });
  const probeBody = await probe.text();
  const reference = await httpLoad(baseUrl, cookies.city, ['/api/auth/me']);
  // The route's own read of monitoring_aggregates (A's selectAggregateSums), without HTTP, session or labels.
  const dims = ['tier', 'district', 'industry'] as const;
  const bare = await pool((i) => {
    const p = periods[Math.floor(i / 3) % periods.length];
    return selectAggregateSums(database.db, { periods: [p], dims: [dims[i % 3], 'all'], unit: { kind: 'city' } });
  });
  console.log(
    `  [${label}, ${stage}] reference: GET /api/auth/me over HTTP (session lookup), ${CONCURRENCY} clients: ${latencyText(reference)}; the bare aggregate SELECT (selectAggregateSums) in-process, ${CONCURRENCY} concurrent: ${latencyText(bare)}`,
  );
  if (!probe.ok) {
    console.log(`  [${label}, ${stage}] GET /api/monitoring/stats not measured: HTTP ${probe.status} ${probeBody.slice(0, 200)}`);
    summary.push({
      what: `${label} stats, ${stage}`,
      figure: `HTTP ${probe.status}`,
      reference: `me p95 ${ms(reference.p95)}`,
      goal: `≤ ${goal} ms`,
    });
    return null;
  }
  const groups = (JSON.parse(probeBody) as { groups?: unknown[] }).groups?.length ?? 0;
  const city = await httpLoad(baseUrl, cookies.city, urls);
  const district = await httpLoad(baseUrl, cookies.district, urls);
  const ok = city.p95 <= goal && district.p95 <= goal && city.failures + district.failures === 0;
  console.log(
    `  [${label}, ${stage}] GET /api/monitoring/stats, ${periods.map(periodText).join(' ')} × tier|district|industry (${groups} groups by tier in ${periodText(periods[0])}), ${CONCURRENCY} clients, ${SECONDS} s: city ${latencyText(city)}; district (荣昌区) ${latencyText(district)}  [goal p95 ≤ ${goal} ms: ${verdict(ok)}]`,
  );
  summary.push({
    what: `${label} stats p95, ${stage}`,
    figure: `city ${ms(city.p95)}, district ${ms(district.p95)}`,
    reference: `/api/auth/me ${ms(reference.p95)}; bare SELECT ${ms(bare.p95)}`,
    goal: `≤ ${goal} ms: ${verdict(ok)}`,
  });
  return city;
}

/**
 * The database's block reads and hits so far (pg_stat_database; a backend reports its counts within
 * about a second, so a PUT run's figure is approximate). Reads that miss shared_buffers are the cold
 * pages a PUT pays for: they say whether a run measured the code or the disk.
 */
async function blockCounts(database: Database): Promise<{ read: number; hit: number }> {
  await new Promise((r) => setTimeout(r, 1100));
  const [row] = await database.query<{ read: string; hit: string }>(
    'select blks_read as read, blks_hit as hit from pg_stat_database where datname = current_database()',
  );
  return { read: Number(row.read), hit: Number(row.hit) };
}

function perRequest(before: { read: number; hit: number }, after: { read: number; hit: number }, requests: number) {
  const each = (n: number) => (requests > 0 ? (n / requests).toFixed(1) : '–');
  return { read: each(after.read - before.read), hit: each(after.hit - before.hit) };
}

async function aggregateCells(database: Database): Promise<number> {
  const [{ count }] = await database.query<{ count: number }>('select count(*)::int as count from monitoring_aggregates');
  return count;
}

/** The PUT body of enterprise i for period p: the loaded report with the month's revenue changed by `bump`. */
function putBody(population: Population, i: number, p: Period, bump: number) {
  const { industrial, outputYtd, ...values } = population.values(i, p, bump);
  return industrial ? { ...values, outputYtd } : values;
}

async function benchPostgres(): Promise<void> {
  const label = 'PostgreSQL';
  const today = todayInShanghai();
  const periods = periodsUpTo(today, 24);
  const fresh = await freshPostgres();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zjtx-bench-monitoring-'));
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const { database, url } = fresh;
    await migrateDatabase(database);
    await seedDemo(database, { enterprises: 1, seed: 42 });
    const population = new Population(PG_ENTERPRISES, today);
    const enterprises = await copyPostgres(url, 'enterprises', ENTERPRISE_COLUMNS, population.enterpriseLines());
    const titles = await copyPostgres(url, 'enterprise_titles', TITLE_COLUMNS, population.titleLines());
    const sample = await copyPostgres(url, 'monitoring_sample', SAMPLE_COLUMNS, population.sampleLines());
    await database.maintain(['enterprises', 'enterprise_titles', 'monitoring_sample'], { vacuum: false });
    console.log(
      `  [${label}] ${copyText(`COPY enterprises`, enterprises)}; ${copyText('titles', titles)}; ${copyText('sample rows (firms without a title)', sample)}`,
    );

    server = await startServer(
      { DATABASE_URL: url, ZJTX_DATA_DIR: dataDir, ZJTX_PROCESS: 'web', ZJTX_LOGIN_RATE_LIMIT: '1000' },
      Number(process.env.ZJTX_BENCH_PORT ?? 3931),
      // `npm start` may rebuild web/dist first (scripts/ensure-web-build.mjs): slow on a busy machine.
      600_000,
    );
    const baseUrl = server.baseUrl;
    const cookies = { city: await logIn(baseUrl, 'city.admin'), district: await logIn(baseUrl, 'rongchang.admin') };

    // Stage 1: the oldest month for all; stage 2: its next month and the same two months a year later
    // (matched samples); stage 3: the other 20 months.
    const stages: { name: string; periods: Period[]; stats: Period[] }[] = [
      { name: '1M rows', periods: [periods[0]], stats: [periods[0]] },
      { name: '4M rows', periods: [periods[12], periods[1], periods[13]], stats: [periods[0], periods[12], periods[13]] },
      {
        name: '24M rows',
        periods: periods.filter((_, k) => ![0, 1, 12, 13].includes(k)),
        stats: [periods[0], periods[12], periods[13], periods[17], periods[22]],
      },
    ];
    let total = 0;
    const sameStats: string[] = [];
    for (const stage of stages) {
      let stageRows = 0;
      let stageSeconds = 0;
      for (const p of stage.periods) {
        const r = await copyPostgres(url, 'monitoring_reports', REPORT_COLUMNS, population.reportLines(p));
        total += r.rows;
        stageRows += r.rows;
        stageSeconds += r.seconds;
        console.log(`  [${label}] ${copyText(`COPY reports of ${periodText(p)}`, r)}; ${n(total)} rows in all`);
      }
      stage.name = `${n(total)} rows`;
      const analyze = await timed(() => database.query('analyze monitoring_reports'));
      // Year by year (the same result as all at once: a year's matched sample reads the year before
      // from the whole table), so that the sorts of one call spill half as much to disk.
      const years = [...new Set(periods.map((p) => p.year))];
      const perYear: string[] = [];
      const rebuild = await timed(async () => {
        for (const year of years) {
          const one = await timed(() => rebuildAggregates(database.db, { years: [year] }));
          perYear.push(`${year} ${one.seconds.toFixed(1)} s`);
        }
      });
      await database.maintain(['monitoring_aggregates']);
      console.log(
        `  [${label}, ${stage.name}] analyze ${analyze.seconds.toFixed(1)} s; rebuildAggregates over ${n(total)} rows: ${rebuild.seconds.toFixed(1)} s (${perYear.join(', ')}) → ${n(await aggregateCells(database))} aggregate cells`,
      );
      summary.push({
        what: `${label} load to ${stage.name}`,
        figure: `COPY of ${n(stageRows)} rows ${stageSeconds.toFixed(1)} s (${n(Math.round(stageRows / stageSeconds))} rows/s); rebuildAggregates ${rebuild.seconds.toFixed(1)} s`,
        reference: '',
        goal: 'minutes allowed (printed)',
      });
      const city = await measureStats(label, stage.name, database, baseUrl, cookies, stage.stats, ROWS_GOAL_PG);
      // The same requests at every stage (the oldest month, city-wide): the cost must not follow the total.
      const same = stage.stats.length === 1 || !city ? city : await httpLoad(baseUrl, cookies.city, statsUrls([periods[0]]));
      if (same) {
        sameStats.push(`${stage.name}: p50 ${ms(same.p50)}, p95 ${ms(same.p95)}`);
        console.log(
          `  [${label}, ${stage.name}] the same requests at every stage (${periodText(periods[0])} × 3, city): ${latencyText(same)}`,
        );
      }
    }

    summary.push({
      what: `${label} stats of ${periodText(periods[0])} (city, 3 groupings) as the rows grow`,
      figure: sameStats.join('; '),
      reference: '',
      goal: 'flat',
    });

    // Single submissions: PUT the current month again (a revision with its checks, keepAggregates) for
    // firms that have 23 months of history before it, entered by their district (荣昌区, 渝北区). One
    // district's writers share its aggregate cells (the worst case); two districts share none.
    const current = periods[periods.length - 1];
    const yubei = await logIn(baseUrl, 'yubei.admin');
    const all = Array.from({ length: population.n }, (_, i) => i);
    const rongchangFirms = all.filter((i) => population.district(i) === '500153').map((i) => ({ i, cookie: cookies.district }));
    const yubeiFirms = all.filter((i) => population.district(i) === '500112').map((i) => ({ i, cookie: yubei }));
    const bothDistricts = rongchangFirms.flatMap((f, k) => (k < yubeiFirms.length ? [f, yubeiFirms[k]] : [f]));
    const others = all.filter((i) => !['500153', '500112'].includes(population.district(i)));
    // The writes a run sends, in turn (more than it can send in its seconds): each pass over the
    // targets changes the month's revenue by another bump, so every PUT is a real revision.
    const submissions = (targets: { i: number; cookie: string }[]) =>
      Array.from({ length: Math.min(targets.length * 3, SECONDS * 600) }, (_, k) => {
        const { i, cookie } = targets[k % targets.length];
        const bump = 1 + 0.01 * (1 + ((round + Math.floor(k / targets.length)) % 9));
        return {
          method: 'PUT',
          path: `/api/monitoring/reports/${population.ids[i]}/${periodText(current)}`,
          cookie,
          body: putBody(population, i, current, bump),
        };
      });
    let round = 0;
    const bareUpdate = (k: number) => {
      const i = others[k % others.length];
      return database.query(
        'update monitoring_reports set submitted_at = now(), version = version + 1 where enterprise_id = $1 and year = $2 and month = $3',
        [population.ids[i], current.year, current.month],
      );
    };
    // Issue 11's goal is for a single submission (one writer); the concurrent runs show what queueing costs.
    const runs = [
      { clients: 1, targets: rongchangFirms, what: `荣昌区, ${n(rongchangFirms.length)} firms` },
      { clients: CONCURRENCY, targets: rongchangFirms, what: `荣昌区 only, ${n(rongchangFirms.length)} firms` },
      { clients: CONCURRENCY, targets: bothDistricts, what: `荣昌区 and 渝北区 in turn, ${n(bothDistricts.length)} firms` },
    ];
    for (const run of runs) {
      const { clients } = run;
      const bare = await pool(bareUpdate, SECONDS, clients);
      // The PUT client runs in a process of its own, as the GET loads do: sharing the server's event
      // loop, its own HTTP work was timed as the server's.
      const blocksBefore = await blockCounts(database);
      const puts = await requestLoad(baseUrl, submissions(run.targets), clients, SECONDS);
      const blocks = perRequest(blocksBefore, await blockCounts(database), puts.requests);
      round += 3;
      const ok = puts.p95 <= PUT_GOAL && puts.failures === 0;
      const goal =
        clients === 1
          ? `p95 ≤ ${PUT_GOAL} ms: ${verdict(ok)}`
          : `none for ${clients} writers at once (p95 ≤ ${PUT_GOAL} ms ${ok ? 'reached' : 'not reached'})`;
      const who = `${clients} client${clients > 1 ? 's' : ''}, ${run.what}`;
      console.log(
        `  [${label}, ${who}] reference: bare UPDATE of one report row in-process ${latencyText(bare)}; PUT /api/monitoring/reports/:id/${periodText(current)} (checks + version + keepAggregates, with history): ${latencyText(puts)}; outcomes ${JSON.stringify(puts.outcomes)}; pages per PUT (all statements of the database): ≈ ${blocks.read} read from outside shared_buffers (the OS cache or the disk), ${blocks.hit} hit${puts.firstError ? `; first error: ${puts.firstError}` : ''}  [goal ${goal}]`,
      );
      summary.push({
        what: `${label} PUT p95, ${who}`,
        figure: ms(puts.p95),
        reference: `bare UPDATE ${ms(bare.p95)}`,
        goal,
      });
    }
    // The aggregates the submissions kept must equal what the rows say (no drift).
    const check = await timed(async () => {
      const years = [current.year, current.year + 1];
      const stored = new Map((await selectStoredAggregateRows(database.db, years)).map((r) => [aggregateRowKey(r), r]));
      let differ = 0;
      const examples: string[] = [];
      const note = (key: string, kept: AggregateRow['sums'] | undefined, rows: AggregateRow['sums'] | undefined) => {
        differ++;
        if (examples.length >= 3) return;
        const fields = AGGREGATE_SUMS.filter((k) => (kept?.[k] ?? 0) !== (rows?.[k] ?? 0));
        examples.push(`${key}: ${fields.map((k) => `${k} kept ${kept?.[k] ?? 0} rows ${rows?.[k] ?? 0}`).join(', ')}`);
      };
      const computed = await computeAggregateRows(database.db, years);
      for (const r of computed) {
        const key = aggregateRowKey(r);
        const s = stored.get(key);
        stored.delete(key);
        if (!s || AGGREGATE_SUMS.some((k) => s.sums[k] !== r.sums[k])) note(key, s?.sums, r.sums);
      }
      for (const [key, s] of stored) if (AGGREGATE_SUMS.some((k) => s.sums[k] !== 0)) note(key, s.sums, undefined);
      return { differ, cells: computed.length, examples };
    });
    console.log(
      `  [${label}] drift check after the submissions: ${n(check.result.cells)} cells of ${current.year} recomputed from the rows, ${check.result.differ} differ from the kept aggregates (${check.seconds.toFixed(1)} s)${check.result.examples.length ? `, e.g. ${check.result.examples.join('; ')}` : ''}`,
    );
    summary.push({
      what: `${label} aggregates after the submissions`,
      figure: `${check.result.differ} cells drifted`,
      reference: '',
      goal: '0',
    });
  } finally {
    await server?.stop().catch(() => {});
    if (process.env.ZJTX_BENCH_KEEP_DATABASE === '1') {
      await fresh.database.close();
      console.log(`  (kept the bench database: ${fresh.url})`);
    } else await fresh.drop().catch((e) => console.log(`  (could not drop the bench database: ${(e as Error).message})`));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchPglite(): Promise<void> {
  const label = 'PGlite';
  const today = todayInShanghai();
  const periods = periodsUpTo(today, 36);
  const dir = mkdtempSync(path.join(tmpdir(), 'zjtx-bench-monitoring-pglite-'));
  try {
    {
      const database = await openDatabase({ dataDir: dir });
      await migrateDatabase(database);
      await seedDemo(database, { enterprises: 1, seed: 42 });
      await database.close();
    }
    const population = new Population(PGLITE_ENTERPRISES, today);
    // Every month but the current one by COPY; the current month comes in through the xlsx import.
    const loaded = periods.slice(0, -1);
    {
      const raw = await PGlite.create({ dataDir: path.join(dir, 'pglite') });
      try {
        const enterprises = await copyPglite(raw, 'enterprises', ENTERPRISE_COLUMNS, population.enterpriseLines());
        await copyPglite(raw, 'enterprise_titles', TITLE_COLUMNS, population.titleLines());
        await copyPglite(raw, 'monitoring_sample', SAMPLE_COLUMNS, population.sampleLines());
        let rows = 0;
        let seconds = 0;
        for (const p of loaded) {
          const r = await copyPglite(raw, 'monitoring_reports', REPORT_COLUMNS, population.reportLines(p));
          rows += r.rows;
          seconds += r.seconds;
        }
        console.log(
          `  [${label}] ${copyText('COPY enterprises', enterprises)}; COPY reports of ${periodText(loaded[0])}…${periodText(loaded[loaded.length - 1])}: ${n(rows)} rows in ${seconds.toFixed(1)} s (${n(Math.round(rows / seconds))} rows/s)`,
        );
      } finally {
        await raw.close();
      }
    }
    const database = await openDatabase({ dataDir: dir });
    try {
      await database.maintain(['enterprises', 'enterprise_titles', 'monitoring_sample', 'monitoring_reports']);
      const rebuild = await timed(() => rebuildAggregates(database.db));
      await database.maintain(['monitoring_aggregates']);
      console.log(`  [${label}] rebuildAggregates: ${rebuild.seconds.toFixed(1)} s → ${n(await aggregateCells(database))} aggregate cells`);
      const config = { ...loadConfig({}), loginRateLimitPerMinute: 1000, dataDir: dir };
      const app = await buildApp({ database, config });
      await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
        const cookies = { city: await logIn(baseUrl, 'city.admin'), district: await logIn(baseUrl, 'rongchang.admin') };
        const last = loaded.length - 1;
        await measureStats(
          label,
          `${n(loaded.length * population.n)} rows`,
          database,
          baseUrl,
          cookies,
          [loaded[last], loaded[last - 1], loaded[last - 6], loaded[last - 12]],
          ROWS_GOAL_PGLITE,
        );
        const imported = await benchMonitoringImport({ database, population, period: periods[periods.length - 1], dir, label });
        if (imported) summary.push(imported);
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

export async function benchMonitoring(): Promise<void> {
  console.log(
    `\n== Monitoring: COPY of monthly reports, aggregates, stats under load, submissions, import (${SMALL ? 'small scale' : 'full scale'}) ==`,
  );
  const kinds = (process.env.ZJTX_BENCH_KINDS ?? 'pglite,postgres').split(',');
  if (process.env.ZJTX_BENCH_DATABASE_URL && kinds.includes('postgres')) await benchPostgres();
  else if (!process.env.ZJTX_BENCH_DATABASE_URL)
    console.log('  (set ZJTX_BENCH_DATABASE_URL=postgres://…/postgres, a role that may create databases, to measure on PostgreSQL too)');
  if (kinds.includes('pglite')) await benchPglite();
  console.log('\n  Summary (monitoring):');
  for (const s of summary) console.log(`  - ${s.what}: ${s.figure}${s.reference ? `  | reference: ${s.reference}` : ''}  | goal ${s.goal}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchMonitoring();
