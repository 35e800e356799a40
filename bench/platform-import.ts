// Issue 9 goal "Import of 100,000 rows": the commit uses the rows the preview parsed, and the whole
// preview + commit through the job queue takes ≤ 1.5 × one streaming parse of the same file.
// Both are measured in the same run, on PGlite and (with ZJTX_BENCH_DATABASE_URL) on PostgreSQL.
// ZJTX_BENCH_IMPORT_ROWS changes the 100,000.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemo } from '../src/cli/demo-data.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { findImportJob } from '../src/modules/enterprises/import/find-import-job.js';
import { parseEnterpriseFile } from '../src/modules/enterprises/import/import-enterprises.js';
import { startImport } from '../src/modules/enterprises/import/start-import.js';
import { startImportCommit } from '../src/modules/enterprises/import/start-import-commit.js';
import type { Actor } from '../src/server/access.js';
import { loadConfig } from '../src/server/config.js';
import type { AppContext } from '../src/server/context.js';
import { startInstance } from '../src/server/instance.js';
import { JOBS } from '../src/server/job-registry.js';
import { recordPhases } from '../src/server/phase-timing.js';
import { startWorker } from '../src/server/queue.js';
import { demoActor, freshPostgres } from './databases.js';
import { writeImportFile } from './registry.bench.js';

const N = Number(process.env.ZJTX_BENCH_IMPORT_ROWS ?? 100_000);
const LIMIT = 1.5;

async function untilFinished(ctx: AppContext, actor: Actor, id: string) {
  for (;;) {
    const job = await findImportJob(ctx.db, actor, id);
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function benchOn(kind: 'pglite' | 'postgres', file: string): Promise<void> {
  const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const dir = mkdtempSync(path.join(tmpdir(), 'zjtx-bench-import-'));
  let database: Database;
  let drop: () => Promise<void>;
  if (kind === 'pglite') {
    database = await openDatabase({ dataDir: dir });
    drop = () => database.close().catch(() => {});
  } else ({ database, drop } = await freshPostgres());
  try {
    await migrateDatabase(database);
    await seedDemo(database, { enterprises: 1, seed: 42 });
    const actor = await demoActor(database, 'city.admin');
    const instance = await startInstance(database, []);
    const ctx: AppContext = { database, db: database.db, config: loadConfig({}), instanceId: instance.id };
    const buffer = readFileSync(file);

    // The reference: one streaming parse of the file (read, checked row by row), nothing written.
    const cpu = () => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1e6;
    };
    const p0 = performance.now();
    const pc0 = cpu();
    const parsed = await parseEnterpriseFile(ctx, actor, { buffer, fileName: 'import.xlsx' });
    const parseSeconds = (performance.now() - p0) / 1000;
    const parseCpu = cpu() - pc0;
    const parsedRows = parsed.rows.length;
    parsed.rows = [];

    // The whole import through the queue: upload (file stored once) → preview job → commit job.
    const phases = new Map<string, { ms: number; cpu: number; n: number }>();
    const stopRecording = recordPhases((phase, ms, cpu) => {
      const p = phases.get(phase) ?? { ms: 0, cpu: 0, n: 0 };
      p.ms += ms;
      p.cpu += cpu;
      p.n++;
      phases.set(phase, p);
    });
    const worker = startWorker(ctx, JOBS, [], { instanceId: instance.id });
    const t0 = performance.now();
    const c0 = cpu();
    const { id } = await startImport(ctx, actor, 'enterprises', { buffer, fileName: 'import.xlsx' });
    const preview = await untilFinished(ctx, actor, id);
    const t1 = performance.now();
    const c1 = cpu();
    if (preview.status !== 'done') throw new Error(`preview failed: ${JSON.stringify(preview.error)}`);
    const commitJob = await startImportCommit(ctx, actor, id);
    const commit = await untilFinished(ctx, actor, commitJob.id);
    const t2 = performance.now();
    const c2 = cpu();
    // After the commit, its own job: the registry's statistics (not part of the import's time; printed apart).
    for (;;) {
      const waiting = await database.query<{ n: number }>(
        `select count(*)::int as n from jobs where kind = 'enterprises.statistics' and status in ('queued', 'running')`,
      );
      if (!waiting[0]?.n) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const t3 = performance.now();
    await worker.stop();
    stopRecording();
    await instance.release();
    if (commit.status !== 'done') throw new Error(`commit failed: ${JSON.stringify(commit.error)}`);
    const total = (t2 - t0) / 1000;
    const ratio = total / parseSeconds;
    console.log(
      `  [${label}] import of a ${N.toLocaleString('en')}-row xlsx (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB): ` +
        `one streaming parse ${parseSeconds.toFixed(1)} s (${parsedRows.toLocaleString('en')} rows); ` +
        `preview ${((t1 - t0) / 1000).toFixed(1)} s + commit ${((t2 - t1) / 1000).toFixed(1)} s = ${total.toFixed(1)} s through the queue, ` +
        `created ${commit.result?.created.toLocaleString('en')}; ratio ${ratio.toFixed(2)}×  [goal ≤ ${LIMIT}×: ${ratio <= LIMIT ? 'met' : 'NOT met'}]; ` +
        `then the statistics job ${((t3 - t2) / 1000).toFixed(1)} s. ` +
        `CPU seconds of this process (steadier on a shared machine): parse ${parseCpu.toFixed(1)}, preview ${(c1 - c0).toFixed(1)} + commit ${(c2 - c1).toFixed(1)}, ratio ${((c2 - c0) / parseCpu).toFixed(2)}×`,
    );
    console.log(
      `    phases (wall s / CPU s): ${[...phases].map(([name, p]) => `${name} ${(p.ms / 1000).toFixed(2)}/${(p.cpu / 1000).toFixed(2)}${p.n > 1 ? ` (${p.n}×)` : ''}`).join('; ')}`,
    );
  } finally {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchPlatformImport(): Promise<void> {
  console.log('\n== Platform: import of 100,000 rows through the job queue ==');
  const dir = mkdtempSync(path.join(tmpdir(), 'zjtx-bench-import-file-'));
  const file = path.join(dir, 'import.xlsx');
  try {
    await writeImportFile(file, N);
    const kinds = (process.env.ZJTX_BENCH_KINDS ?? 'pglite,postgres').split(',');
    if (kinds.includes('pglite')) await benchOn('pglite', file);
    if (process.env.ZJTX_BENCH_DATABASE_URL && kinds.includes('postgres')) await benchOn('postgres', file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPlatformImport();
