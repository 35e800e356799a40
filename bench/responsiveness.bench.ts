// Issue 8 item 12: the server keeps answering during heavy work on PGlite. With a registry of
// ZJTX_BENCH_ENTERPRISES (default 65,000) enterprises, a client in another process polls
// /api/health every 50 ms while the server is idle (the reference), during a city-wide batch
// evaluation, and during the preview and the commit of a ZJTX_BENCH_IMPORT_ROWS-row (default
// 60,000) import, all started over HTTP as a user would. Goal: health p99 ≤ 500 ms during each.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD, seedDemo } from '../src/cli/demo-data.js';
import { openDatabase } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { writeImportFile } from './registry.bench.js';

const N = Number(process.env.ZJTX_BENCH_ENTERPRISES ?? 65_000);
const ROWS = Number(process.env.ZJTX_BENCH_IMPORT_ROWS ?? 60_000);
const GOAL_MS = 500;

interface Latency {
  requests: number;
  failures: number;
  p50: number;
  p99: number;
  max: number;
}

/** Starts the poller; stop() ends it and returns its figures. */
function startPoller(baseUrl: string, args: string[] = []): { stop: () => Promise<Latency> } {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/health-poller.ts', baseUrl, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  return {
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve(JSON.parse(out.trim().split('\n').pop() as string)));
        child.stdin?.end();
      }),
  };
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const line = (what: string, l: Latency, seconds: number, idle?: Latency, requests = 'health requests') =>
  `  [PGlite] ${what} (${seconds.toFixed(1)} s, ${l.requests} ${requests}): p50 ${ms(l.p50)}, p99 ${ms(l.p99)}, max ${ms(l.max)}${
    idle ? ` — idle p50 ${ms(idle.p50)}, p99 ${ms(idle.p99)}, max ${ms(idle.max)}` : ''
  }${l.failures ? `, ${l.failures} failed` : ''}${idle ? `  [goal p99 ≤ ${GOAL_MS} ms: ${l.p99 <= GOAL_MS && !l.failures ? 'met' : 'NOT met'}]` : ''}`;

export async function benchResponsiveness(): Promise<void> {
  console.log(`\n== Responsiveness: /api/health every 50 ms during heavy work (PGlite, ${N.toLocaleString('en')} enterprises) ==`);
  const dir = mkdtempSync(path.join(tmpdir(), 'zjtx-bench-responsive-'));
  const database = await openDatabase({ dataDir: dir });
  try {
    await migrateDatabase(database);
    await seedDemo(database, { enterprises: N, seed: 42 });
    const file = path.join(dir, 'import.xlsx');
    await writeImportFile(file, ROWS);

    const app = await buildApp({ database, config: { ...loadConfig({}), loginRateLimitPerMinute: 1000 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'city.admin', password: DEMO_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const call = async (url: string, init: RequestInit = {}) => {
      const response = await fetch(`${baseUrl}${url}`, { ...init, headers: { cookie, origin: baseUrl, ...init.headers } });
      const body = await response.json();
      if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`);
      return body;
    };
    /** Polls a job's status every 500 ms until it has ended; returns it. */
    const waitFor = async (url: string) => {
      for (;;) {
        const body = await call(url);
        if (!['queued', 'running'].includes(body.status)) return body;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };
    // Beside health, a read that needs the database: the first page of the registry, as an officer
    // browsing meanwhile would ask for it (on PGlite it waits whenever a write holds the database).
    const LIST = '/api/enterprises?pageSize=20';
    const measure = async (fn: () => Promise<unknown>) => {
      const poller = startPoller(baseUrl);
      const lister = startPoller(baseUrl, [LIST, cookie]);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the pollers' processes are up
      const started = performance.now();
      const result = await fn();
      const seconds = (performance.now() - started) / 1000;
      return { latency: await poller.stop(), list: await lister.stop(), seconds, result };
    };
    let idleList: Latency | undefined;
    const listLine = (what: string, m: { list: Latency; seconds: number }) =>
      console.log(line(`${what}: registry list page`, m.list, m.seconds, idleList, 'list requests').replace(/\s+\[goal.*$/, ''));

    const idle = await measure(() => new Promise((resolve) => setTimeout(resolve, 5000)));
    console.log(line('idle server (reference)', idle.latency, idle.seconds));
    listLine('idle server (reference)', idle);
    idleList = idle.list;

    const batch = await measure(async () => {
      const run = await call('/api/evaluations/runs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({}),
      });
      return waitFor(`/api/evaluations/runs/${run.id}`);
    });
    const runDone = batch.result as { status: string; processed: number };
    console.log(
      line(
        `during a city batch evaluation of ${runDone.processed.toLocaleString('en')} enterprises (${runDone.status})`,
        batch.latency,
        batch.seconds,
        idle.latency,
      ),
    );
    listLine('during the batch evaluation', batch);

    const upload = () => {
      const form = new FormData();
      form.append('file', new Blob([readFileSync(file)]), 'import.xlsx');
      return call('/api/enterprises/import-jobs', { method: 'POST', body: form });
    };
    const preview = await measure(async () => waitFor(`/api/enterprises/import-jobs/${(await upload()).id}`));
    const previewJob = preview.result as { id: string; status: string; result: { created: number } | null };
    console.log(
      line(
        `during the preview of a ${ROWS.toLocaleString('en')}-row import (${previewJob.status})`,
        preview.latency,
        preview.seconds,
        idle.latency,
      ),
    );
    listLine('during the import preview', preview);
    const commit = await measure(async () => {
      const job = await call(`/api/enterprises/import-jobs/${previewJob.id}/commit`, { method: 'POST' });
      return waitFor(`/api/enterprises/import-jobs/${job.id}`);
    });
    const commitJob = commit.result as { status: string; result: { created: number } | null };
    console.log(
      line(
        `during the commit of a ${ROWS.toLocaleString('en')}-row import (${commitJob.status}, ${commitJob.result?.created ?? 0} created)`,
        commit.latency,
        commit.seconds,
        idle.latency,
      ),
    );
    listLine('during the import commit', commit);
    await app.close();
  } finally {
    await database.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}
