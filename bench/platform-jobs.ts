// Issue 9 goals for the job queue (src/server/queue.ts):
// - 10,000 small jobs enqueued and completed by 2 worker processes on PostgreSQL in ≤ 20 s, each exactly once;
// - after kill -9 of the process holding a job, another process has it again within ≤ 2 × the lease;
// - a batch evaluation of 100,000 enterprises through the queue (results and explanations stored)
//   in ≤ 2 × the time to COPY the same 300,000 result rows into the same table, on PostgreSQL and PGlite.
// PostgreSQL parts need ZJTX_BENCH_DATABASE_URL (a superuser: the reference COPY reads a server-side file).
// ZJTX_BENCH_ENTERPRISES changes the 100,000.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { seedDemo } from '../src/cli/demo-data.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { BATCH_EVALUATION } from '../src/modules/evaluation/evaluation.jobs.js';
import { selectRun } from '../src/modules/evaluation/evaluation.repo.js';
import { startBatchEvaluation } from '../src/modules/evaluation/start-batch-evaluation.js';
import { loadConfig } from '../src/server/config.js';
import { startInstance } from '../src/server/instance.js';
import { enqueue, enqueueMany, startWorker } from '../src/server/queue.js';
import { ECHO_JOB } from '../test/support/queue-worker.js';
import { demoActor, freshPostgres } from './databases.js';

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

interface WorkerProcess {
  child: ChildProcess;
  out(): string;
  exited: Promise<unknown>;
}
function workerProcess(url: string, args: string[], env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/support/queue-worker.ts'), ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  return { child, out: () => out, exited: new Promise((resolve) => child.once('exit', resolve)) };
}
async function ready(w: WorkerProcess) {
  while (!/worker \d+ ready/.test(w.out())) await sleep(50);
  return Number(/worker (\d+) ready/.exec(w.out())?.[1]);
}

async function smallJobs(): Promise<void> {
  const N = 10_000;
  const { url, database, drop } = await freshPostgres();
  try {
    await migrateDatabase(database);
    const workers = [workerProcess(url, ['8', '0']), workerProcess(url, ['8', '0'])];
    await Promise.all(workers.map(ready));
    const started = performance.now();
    // In one transaction, as a fan-out would (enqueueMany: one statement per thousand).
    await database.db.transaction((tx) =>
      enqueueMany(
        tx,
        ECHO_JOB,
        Array.from({ length: N }, (_, n) => ({ n })),
      ),
    );
    const enqueued = (performance.now() - started) / 1000;
    for (;;) {
      const [{ n }] = await database.query<{ n: number }>(`select count(*)::int as n from jobs where status = 'done'`);
      if (n >= N) break;
      await sleep(20);
    }
    const seconds = (performance.now() - started) / 1000;
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    const ran = workers.map((w) => [...w.out().matchAll(/^ran (\S+)$/gm)].length);
    const ids = new Set(workers.flatMap((w) => [...w.out().matchAll(/^ran (\S+)$/gm)].map((m) => m[1])));
    const once = ids.size === N && ran[0] + ran[1] === N;
    console.log(
      `  [PostgreSQL] ${N.toLocaleString('en')} small jobs enqueued (${enqueued.toFixed(1)} s) and completed by 2 worker processes: ${seconds.toFixed(1)} s; ` +
        `runs ${(ran[0] + ran[1]).toLocaleString('en')} (${ran[0]} + ${ran[1]}), distinct jobs ${ids.size.toLocaleString('en')}, each exactly once: ${once ? 'yes' : 'NO'}  [goal ≤ 20 s, each once: ${verdict(seconds <= 20 && once)}]`,
    );
  } finally {
    await drop();
  }
}

async function leaseRecovery(): Promise<void> {
  const lease = 10;
  const { url, database, drop } = await freshPostgres();
  try {
    await migrateDatabase(database);
    const env = { QUEUE_LEASE_S: String(lease), QUEUE_POLL_MS: '200' };
    const a = workerProcess(url, ['1', '0'], env);
    const aId = await ready(a);
    const { id } = await enqueue(database.db, ECHO_JOB, { n: 1, sleepMs: 600_000 });
    for (;;) {
      const [row] = await database.query<{ locked_by: number | null }>('select locked_by from jobs where id = $1', [id]);
      if (row.locked_by === aId) break;
      await sleep(20);
    }
    const b = workerProcess(url, ['1', '0'], env);
    const bId = await ready(b);
    const killed = performance.now();
    a.child.kill('SIGKILL');
    await a.exited;
    let recovered = 0;
    for (;;) {
      const [row] = await database.query<{ locked_by: number | null; status: string }>('select locked_by, status from jobs where id = $1', [
        id,
      ]);
      if (row.locked_by === bId) {
        recovered = (performance.now() - killed) / 1000;
        break;
      }
      if (performance.now() - killed > 4 * lease * 1000) break;
      await sleep(20);
    }
    b.child.kill('SIGTERM');
    await b.exited;
    console.log(
      `  [PostgreSQL] kill -9 of the process holding a job (lease ${lease} s): taken over by the other process after ${recovered ? `${recovered.toFixed(2)} s` : 'never'}  [goal ≤ ${2 * lease} s: ${verdict(recovered > 0 && recovered <= 2 * lease)}]`,
    );
  } finally {
    await drop();
  }
}

async function runThroughQueue(database: Database, n: number): Promise<number> {
  await migrateDatabase(database);
  await seedDemo(database, { enterprises: n, seed: 42 });
  const actor = await demoActor(database, 'city.admin');
  const instance = await startInstance(database, []);
  const ctx = { database, db: database.db, config: loadConfig({}), instanceId: instance.id };
  const started = performance.now();
  const run = await startBatchEvaluation(ctx, actor, '2026-11-22');
  const worker = startWorker(ctx, [BATCH_EVALUATION], [], { instanceId: instance.id, pollMs: 100 });
  for (;;) {
    const row = await selectRun(database.db, run.id);
    if (row?.status === 'done' || row?.status === 'failed') break;
    await sleep(100);
  }
  const seconds = (performance.now() - started) / 1000;
  await worker.stop();
  await instance.release();
  return seconds;
}

async function batchVersusCopy(kind: 'pglite' | 'postgres', n: number): Promise<void> {
  const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  let queueSeconds: number;
  let copySeconds: number;
  let rows: number;
  if (kind === 'postgres') {
    const { database, drop } = await freshPostgres();
    try {
      queueSeconds = await runThroughQueue(database, n);
      const file = path.join(tmpdir(), `zjtx-bench-results-${process.pid}.bin`);
      await database.query(`copy evaluation_results to '${file}' (format binary)`);
      [{ n: rows }] = await database.query<{ n: number }>('select count(*)::int as n from evaluation_results');
      await database.query('truncate evaluation_results');
      const t = performance.now();
      await database.query(`copy evaluation_results from '${file}' (format binary)`);
      copySeconds = (performance.now() - t) / 1000;
      await database.query(`copy (select 1) to '${file}'`);
    } finally {
      await drop();
    }
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'zjtx-bench-jobs-'));
    try {
      const database = await openDatabase({ dataDir: dir });
      queueSeconds = await runThroughQueue(database, n);
      await database.close();
      const pg = await PGlite.create({ dataDir: path.join(dir, 'pglite') });
      const dump = await pg.query("copy evaluation_results to '/dev/blob' (format binary)");
      rows = Number((await pg.query<{ n: number }>('select count(*)::int as n from evaluation_results')).rows[0].n);
      await pg.query('truncate evaluation_results');
      const t = performance.now();
      await pg.query("copy evaluation_results from '/dev/blob' (format binary)", [], { blob: dump.blob });
      copySeconds = (performance.now() - t) / 1000;
      await pg.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const ratio = queueSeconds / copySeconds;
  console.log(
    `  [${label}] batch evaluation of ${n.toLocaleString('en')} enterprises through the queue (results + explanations + history stored): ${queueSeconds.toFixed(1)} s; ` +
      `COPY of the same ${rows.toLocaleString('en')} result rows into evaluation_results: ${copySeconds.toFixed(1)} s; ratio ${ratio.toFixed(1)}×  [goal ≤ 2×: ${verdict(ratio <= 2)}]`,
  );
}

export async function benchPlatformJobs(): Promise<void> {
  console.log('Job queue (issue 9 §1):');
  const n = Number(process.env.ZJTX_BENCH_ENTERPRISES ?? 100_000);
  if (process.env.ZJTX_BENCH_DATABASE_URL) {
    await smallJobs();
    await leaseRecovery();
    await batchVersusCopy('postgres', n);
  } else console.log('  (PostgreSQL parts skipped: set ZJTX_BENCH_DATABASE_URL)');
  await batchVersusCopy('pglite', n);
}

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) await benchPlatformJobs();
