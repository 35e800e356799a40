// Issue 4 goals: the pure engine ≥ 1,000,000 three-tier evaluations per second with scores only and
// ≥ 100,000 with full explanations (one core); json-rules-engine on the same profiles for the 2022
// innovative rule, ratio ≥ 20× with identical outcomes; batch evaluation of 100,000 registry
// enterprises with results and explanations stored ≤ 20 s on PostgreSQL, ≤ 60 s on PGlite.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { seedDemo } from '../src/cli/demo-data.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { contextOf } from '../src/domain/evaluation/context.js';
import { evaluateInnovative2022 } from '../src/domain/evaluation/innovative-2022.js';
import { insertRun } from '../src/modules/evaluation/evaluation.repo.js';
import { listPipelinePool } from '../src/modules/evaluation/list-pipeline-pool.js';
import { previewImpact } from '../src/modules/evaluation/preview-correction-impact.js';
import { executeRun } from '../src/modules/evaluation/run-batch-evaluation.js';
import { loadConfig } from '../src/server/config.js';
import { demoActor, freshPostgres } from './databases.js';
import { type EngineMode, profiles } from './engine-worker.js';
import { factsOf, jsonRulesEngine, outcomeWithJsonRules } from './json-rules-innovative.js';

const run = promisify(execFile);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** One engine measurement in a fresh Node process (see engine-worker.ts). */
async function inWorker(mode: EngineMode, applicationType: 'new' | 'review' = 'review'): Promise<number> {
  const script = fileURLToPath(new URL('./engine-worker.ts', import.meta.url));
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, mode, applicationType]);
  return Number(stdout.trim());
}

const rate = (n: number) => Math.round(n).toLocaleString('en');

async function batchOn(kind: 'pglite' | 'postgres', n: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zjtx-bench-eval-'));
  let database: Database;
  let drop: () => Promise<void>;
  if (kind === 'pglite') {
    database = await openDatabase({ dataDir: dir });
    drop = () => database.close();
  } else ({ database, drop } = await freshPostgres());
  try {
    await migrateDatabase(database);
    await seedDemo(database, { enterprises: n, seed: 42 });
    const actor = await demoActor(database, 'city.admin');
    const ctx = { database, db: database.db, config: loadConfig({}) };
    const run = await insertRun(database.db, { startedBy: actor.userId, actor, assessmentDate: '2026-11-22', total: n });
    const started = performance.now();
    const counts = await executeRun(ctx, run, actor);
    const seconds = (performance.now() - started) / 1000;
    const stored = await database.query<{ n: number }>('select count(*)::int as n from evaluation_results');
    const limit = kind === 'postgres' ? 20 : 60;
    const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
    console.log(
      `  [${label}] batch evaluation of ${n.toLocaleString('en')} registry enterprises, 3 tiers, results + explanations stored (${stored[0].n.toLocaleString('en')} rows): ${seconds.toFixed(1)} s; qualified innovative ${counts.qualified.innovative}, SRDI ${counts.qualified.srdi}, little giant ${counts.qualified.little_giant}; needing a reviewer's answer SRDI ${counts.needsReview.srdi}, little giant ${counts.needsReview.little_giant}; in the pool (qualified or within reach) ${counts.withinReach}  [goal ≤ ${limit} s: ${verdict(seconds <= limit)}]`,
    );

    // "An officer can find the pipeline pool of their district in a second": first page and total, per tier.
    const district = await demoActor(database, 'rongchang.admin');
    let slowest = 0;
    for (const who of [actor, district])
      for (const tier of ['innovative', 'srdi', 'little_giant'] as const)
        for (const status of [undefined, 'qualified', 'near'] as const) {
          const t = performance.now();
          await listPipelinePool(ctx, who, { tier, status, page: 1, pageSize: 20 });
          slowest = Math.max(slowest, performance.now() - t);
        }
    console.log(
      `  [${label}] pipeline pool, first page + total, city and one district, every tier and status (18 queries): slowest ${slowest.toFixed(0)} ms  [goal ≤ 1,000 ms: ${verdict(slowest <= 1000)}]`,
    );
    const t = performance.now();
    const impact = await previewImpact(ctx, actor, 'innovative-2022', { passScore: 65 });
    console.log(
      `  [${label}] impact preview of a correction (innovative-2022 passScore 60 → 65) over ${impact.stored.toLocaleString('en')} stored results: ${((performance.now() - t) / 1000).toFixed(1)} s, ${impact.changed.toLocaleString('en')} would change`,
    );
  } finally {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchEvaluation(): Promise<void> {
  console.log('\n== Evaluation: the engine, json-rules-engine side by side, batch runs ==');
  console.log('  (each engine figure in its own Node process; 10,000 demo profiles, one core)');
  // A 复核 in 2026 runs the 2022 tables (the largest: the 100-point SRDI table); a new application the 2026 rules.
  for (const type of ['review', 'new'] as const) {
    const label = type === 'review' ? '2022 tables (复核)' : '2026 rules (new application)';
    const scores = await inWorker('scores', type);
    const full = await inWorker('full', type);
    console.log(
      `  engine, 3 tiers, ${label}: scores only ${rate(scores)}/s  [goal ≥ 1,000,000/s: ${verdict(scores >= 1_000_000)}]; with full explanations ${rate(full)}/s  [goal ≥ 100,000/s: ${verdict(full >= 100_000)}]`,
    );
  }

  // Side by side: the 2022 innovative rule in both engines, on the same profiles.
  const inputs = profiles(10_000, 'review');
  const contexts = inputs.map(contextOf);
  const engine = jsonRulesEngine();
  const facts = inputs.map((input, i) => factsOf(input, contexts[i].sizeClass === 'large'));
  let mismatches = 0;
  for (let i = 0; i < inputs.length; i++) {
    const theirs = await outcomeWithJsonRules(engine, facts[i]);
    if (theirs !== evaluateInnovative2022(contexts[i]).outcome) mismatches++;
  }
  const count = 20_000;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) await outcomeWithJsonRules(engine, facts[i % facts.length]);
  const theirs = count / ((performance.now() - t0) / 1000);
  const oursScores = await inWorker('innovative-scores');
  const oursFull = await inWorker('innovative-full');
  console.log(
    `  2022 innovative rule, outcome only: ours ${rate(oursScores)}/s, json-rules-engine ${rate(theirs)}/s: ${(oursScores / theirs).toFixed(0)}× faster; with our full explanations ${rate(oursFull)}/s: ${(oursFull / theirs).toFixed(0)}×; outcomes differing on ${mismatches} of ${inputs.length.toLocaleString('en')} profiles  [goal ≥ 20×, identical: ${verdict(oursScores / theirs >= 20 && mismatches === 0)}]`,
  );

  const n = Number(process.env.ZJTX_BENCH_ENTERPRISES ?? 100_000);
  const kinds = (process.env.ZJTX_BENCH_KINDS ?? 'pglite,postgres').split(',');
  if (kinds.includes('pglite')) await batchOn('pglite', n);
  if (kinds.includes('postgres') && process.env.ZJTX_BENCH_DATABASE_URL) await batchOn('postgres', n);
}
