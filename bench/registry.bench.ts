// Issue 3 goals, on PGlite and (with ZJTX_BENCH_DATABASE_URL) on PostgreSQL:
// demo data for 100,000 enterprises ≤ 60 s; filtered list and Chinese name search p95 ≤ 50 ms
// on PostgreSQL (≤ 200 ms on PGlite) through HTTP under concurrent load; export of 100,000 rows
// ≤ 30 s with memory that does not grow with the rows; import of a 100,000-row xlsx, preview plus
// commit, ≤ 60 s on PostgreSQL (≤ 120 s on PGlite) with peak memory ≤ 1 GB.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEMO_PASSWORD, seedDemo } from '../src/cli/demo-data.js';
import { generateDemoEnterprises } from '../src/cli/demo-enterprises.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { formatWan } from '../src/domain/amounts.js';
import { makeUscc } from '../src/domain/uscc.js';
import { IMPORT_COLUMNS } from '../src/modules/enterprises/import/columns.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import ExcelJS from '../src/server/exceljs.js';
import { freshPostgres } from './databases.js';

const N = Number(process.env.ZJTX_BENCH_ENTERPRISES ?? 100_000);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** Samples the resident memory of this process while fn runs (the database runs in it too, for PGlite). */
async function withPeakMemory<T>(fn: () => Promise<T>): Promise<{ result: T; peak: number; before: number; seconds: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  try {
    const result = await fn();
    return { result, peak: Math.max(peak, process.memoryUsage().rss), before, seconds: (performance.now() - started) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

/** An xlsx of n new enterprises in the import layout, written with the streaming writer. */
export async function writeImportFile(file: string, n: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = workbook.addWorksheet('企业信息');
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.header)).commit();
  let i = 0;
  for (const e of generateDemoEnterprises(n + 1, 777)) {
    if (i++ === 0) continue; // the first is always the demo enterprise
    const y = e.years[e.years.length - 1];
    const uscc = makeUscc(e.districtCode, `MF${String(i).padStart(6, '0')}`);
    sheet
      .addRow([
        uscc,
        `${e.name.replace(/有限.*公司$/, '')}${i}号有限公司`,
        e.districtCode,
        null,
        e.industryCode,
        null,
        e.establishedOn,
        Number(formatWan(e.registeredCapital)),
        e.legalRepresentative,
        e.address,
        e.mainProduct,
        e.nicheMarket,
        e.nicheEntryYear,
        '未上市',
        e.contactName,
        e.contactPhone,
        y?.year ?? null,
        ...(y
          ? [y.revenue, y.mainRevenue, y.totalProfit, y.netProfit, y.totalAssets, y.totalLiabilities, y.rdExpense].map((v) =>
              Number(formatWan(v)),
            )
          : Array(7).fill(null)),
        y?.employees,
        y?.rdStaff,
        ...(y ? [y.exports, y.taxesPaid, y.equityFinancing].map((v) => Number(formatWan(v))) : [null, null, null]),
        // The assessed scores, where the demo enterprise has them (about a third do).
        (e.facts as { developmentScore?: number }).developmentScore ?? null,
        (e.facts as { featuredScore?: number }).featuredScore ?? null,
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

async function openFresh(
  kind: 'pglite' | 'postgres',
  dir: string,
): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir: dir });
    // The import step closes it early; closing twice is harmless.
    return { database, drop: () => database.close().catch(() => {}) };
  }
  return freshPostgres();
}

async function benchOn(kind: 'pglite' | 'postgres'): Promise<void> {
  const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const dir = mkdtempSync(path.join(tmpdir(), 'zjtx-bench-registry-'));
  const { database, url: dbUrl, drop } = await openFresh(kind, dir);
  try {
    await migrateDatabase(database);
    const demo = await withPeakMemory(() => seedDemo(database, { enterprises: N, seed: 42 }));
    console.log(
      `  [${label}] demo data, ${N.toLocaleString('en')} enterprises × 3 years (+ titles, honours): ${demo.seconds.toFixed(1)} s  [goal ≤ 60 s: ${verdict(demo.seconds <= 60)}]`,
    );
    if (kind === 'postgres') await database.query('analyze');

    const config = { ...loadConfig({}), loginRateLimitPerMinute: 1000 };
    const app = await buildApp({ database, config });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'city.admin', password: DEMO_PASSWORD },
    });
    const cookie = `zjtx_session=${login.cookies.find((c) => c.name === 'zjtx_session')?.value}`;

    // A realistic mix: Chinese name fragments, USCC prefixes, filters, sorts, later pages.
    const names = await database.query<{ name: string; uscc: string }>('select name, uscc from enterprises order by uscc limit 400');
    const urls: string[] = [];
    names.forEach(({ name, uscc }, i) => {
      const fragment = name.slice(2, 2 + 2 + (i % 3));
      urls.push(`/api/enterprises?q=${encodeURIComponent(fragment)}`);
      if (i % 4 === 0) urls.push(`/api/enterprises?q=${uscc.slice(0, 10)}`);
    });
    for (const d of ['500112', '500153', '500107', '500229'])
      urls.push(`/api/enterprises?district=${d}`, `/api/enterprises?district=${d}&tier=srdi&sort=-revenue`);
    for (const t of ['innovative', 'srdi', 'little_giant']) urls.push(`/api/enterprises?tier=${t}`, `/api/enterprises?tier=${t}&page=5`);
    for (const i of ['C', '39', '36', 'I'])
      urls.push(`/api/enterprises?industry=${i}&size=small`, `/api/enterprises?industry=${i}&sort=-established`);
    urls.push(
      '/api/enterprises?cluster=L01',
      '/api/enterprises?establishedFrom=2010&establishedTo=2015',
      '/api/enterprises?sort=-revenue&page=3',
    );
    urls.sort(() => Math.random() - 0.5);
    // Asynchronously: the server answering the load runs in this process.
    const { stdout: output } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'bench/load-client.ts', JSON.stringify({ baseUrl, cookie, urls, concurrency: 8, seconds: 15 })],
      { encoding: 'utf8' },
    );
    const load = JSON.parse(output.trim().split('\n').pop() as string);
    const goal = kind === 'postgres' ? 50 : 200;
    console.log(
      `  [${label}] list + Chinese name search over HTTP, 8 concurrent clients, 15 s: ${load.requests} requests (${load.perSecond.toFixed(0)}/s), p50 ${load.p50.toFixed(1)} ms, p95 ${load.p95.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms, failures ${load.failures}  [goal p95 ≤ ${goal} ms: ${verdict(load.p95 <= goal && load.failures === 0)}]`,
    );

    const exportRun = async (query: string) => {
      const response = await fetch(`${baseUrl}/api/enterprises/export${query}`, { headers: { cookie } });
      let bytes = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
      return bytes;
    };
    const small = await withPeakMemory(() => exportRun('?district=500153'));
    const full = await withPeakMemory(() => exportRun(''));
    console.log(
      `  [${label}] export: ${N.toLocaleString('en')} rows in ${full.seconds.toFixed(1)} s (${mb(full.result)} xlsx), memory +${mb(full.peak - full.before)}; one district (${mb(small.result)}) +${mb(small.peak - small.before)}  [goal ≤ 30 s: ${verdict(full.seconds <= 30)}]`,
    );
    await app.close();

    const file = path.join(dir, 'import-100k.xlsx');
    await writeImportFile(file, N);
    // In a process of its own, with the heap limit `npm start` gives the server, so its peak memory is the import's.
    const target = kind === 'pglite' ? { dataDir: dir } : { databaseUrl: dbUrl };
    if (kind === 'pglite') await database.close(); // one process at a time on a PGlite data dir
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--max-old-space-size=1024', '--import', 'tsx', 'bench/import-run.ts', JSON.stringify(target), file],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    const run = JSON.parse(stdout.trim().split('\n').pop() as string);
    const seconds = run.previewSeconds + run.commitSeconds;
    const limit = kind === 'postgres' ? 60 : 120;
    console.log(
      `  [${label}] import of a ${N.toLocaleString('en')}-row xlsx (${mb(statSync(file).size)}): preview ${run.previewSeconds.toFixed(1)} s + commit ${run.commitSeconds.toFixed(1)} s = ${seconds.toFixed(1)} s, created ${run.created}, errors ${run.errors}, peak memory ${mb(run.peakBytes)}${kind === 'pglite' ? ' (the embedded database included)' : ''}  [goal ≤ ${limit} s, ≤ 1 GB: ${verdict(seconds <= limit && run.peakBytes <= 1024 ** 3 && run.created === N)}]`,
    );
  } finally {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchRegistry(): Promise<void> {
  console.log('\n== Registry: demo data, list and search, export, import ==');
  // ZJTX_BENCH_KINDS=postgres (or pglite) runs one of the two.
  const kinds = (process.env.ZJTX_BENCH_KINDS ?? 'pglite,postgres').split(',');
  if (kinds.includes('pglite')) await benchOn('pglite');
  if (process.env.ZJTX_BENCH_DATABASE_URL && kinds.includes('postgres')) await benchOn('postgres');
  else if (!process.env.ZJTX_BENCH_DATABASE_URL)
    console.log('  (set ZJTX_BENCH_DATABASE_URL=postgres://…/postgres, a role that may create databases, to measure on PostgreSQL too)');
}
