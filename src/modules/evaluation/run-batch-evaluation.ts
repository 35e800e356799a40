// Batch evaluation over every enterprise in the officer's scope, as its job runs it: results and
// their explanations stored in chunks, from which the pipeline pool (后备库) reads. Started by
// start-batch-evaluation.ts.

import type { DbOrTx } from '../../db/database.js';
import { yearsFor } from '../../domain/evaluation/assessment-years.js';
import { evaluate } from '../../domain/evaluation/evaluate.js';
import type { Corrections } from '../../domain/evaluation/parameters.js';
import { reachOf } from '../../domain/evaluation/pool-reach.js';
import type { TierResult } from '../../domain/evaluation/types.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { breather } from '../../server/responsive.js';
import { evaluationFeed } from '../enterprises/evaluation-feed.js';
import { type RunRow, type StoredResult, storeResults, updateActiveRun } from './evaluation.repo.js';
import { currentCorrections } from './load-corrections.js';
import { inputFromRegistry } from './registry-input.js';

/**
 * Enterprises per page (and chunk) of a batch. PGlite: each statement stays short (~0.1 s), so that
 * other requests are served between them. PostgreSQL serves others on other connections meanwhile:
 * larger chunks, fewer statements and commits.
 */
const PAGE_SIZE = { pglite: 250, postgres: 1000 } as const;

/** What the pool needs to know of a result, and a compact explanation (indicator points, condition statuses). */
function toStored(enterpriseId: string, r: TierResult, corrections: Corrections = {}): StoredResult {
  const { failed, gap, withinReach } = reachOf(r, corrections);
  return {
    enterpriseId,
    tier: r.tier,
    ruleSet: r.ruleSet,
    outcome: r.outcome,
    score: r.score,
    failed,
    gap,
    withinReach,
    missing: r.missing.map((m) => m.message),
    explanation: { indicators: r.indicators.map((i) => [i.id, i.points, i.max]), conditions: r.conditions.map((c) => [c.id, c.status]) },
  };
}

export interface RunCounts {
  enterprises: number;
  qualified: { innovative: number; srdi: number; little_giant: number };
  /** Every hard condition met; a person still has to answer a question (2026 rules ask one per tier). */
  needsReview: { innovative: number; srdi: number; little_giant: number };
  withinReach: number;
}

/** What a committed chunk leaves for a resumed run: the last enterprise done (pages go in id order) and the counts so far. */
export interface RunCheckpoint {
  after: string;
  counts: RunCounts;
}

export interface RunChunks {
  /** From the last committed chunk; null on a first start. */
  checkpoint: RunCheckpoint | null;
  /** Writes a chunk's results with the checkpoint in one transaction (the queue's commitChunk). */
  commitChunk<T>(checkpoint: RunCheckpoint, fn: (tx: DbOrTx) => Promise<T>): Promise<T>;
  /** Aborted when the run must stop after its current chunk (lease lost, shutdown). */
  signal?: AbortSignal;
  /** Enterprises done of the total (the job's progress). */
  progress?: (done: number, total: number) => void;
}

/** Without a queue (the benchmark's reference): every chunk in a transaction of its own. */
const plainChunks = (ctx: AppContext): RunChunks => ({ checkpoint: null, commitChunk: (_cp, fn) => ctx.db.transaction(fn) });

/**
 * Runs the batch in chunks (a page of enterprises: results, history and progress in one transaction
 * with the checkpoint), resuming after the checkpoint's enterprise; returns the counts. Results are
 * upserted per enterprise and tier, so a chunk written again (it never is: its checkpoint commits
 * with it) changes nothing.
 */
export async function executeRun(ctx: AppContext, run: RunRow, actor: Actor, enterpriseId?: string, chunks = plainChunks(ctx)) {
  await updateActiveRun(ctx.db, run.id, { status: 'running' });
  const corrections = await currentCorrections(ctx);
  const counts: RunCounts = structuredClone(
    chunks.checkpoint?.counts ?? {
      enterprises: 0,
      qualified: { innovative: 0, srdi: 0, little_giant: 0 },
      needsReview: { innovative: 0, srdi: 0, little_giant: 0 },
      withinReach: 0,
    },
  );
  // While one page is being written, the next is read and evaluated (the database and the engine
  // work at the same time on PostgreSQL). PGlite runs SQL on this thread and its awaits resolve
  // without ever returning to the event loop: the breathers between pages let other requests in.
  let writing: Promise<void> = Promise.resolve();
  const feed = evaluationFeed(ctx, actor, yearsFor(run.assessmentDate), {
    enterpriseId,
    pageSize: PAGE_SIZE[ctx.database.kind],
    after: chunks.checkpoint?.after,
  });
  for await (const page of feed) {
    await breather();
    const rows: StoredResult[] = [];
    for (const record of page) {
      const result = evaluate(inputFromRegistry(record, run.assessmentDate), corrections);
      for (const r of result.results) {
        const stored = toStored(record.id, r, corrections);
        if (r.outcome === 'qualified') counts.qualified[r.tier]++;
        else if (r.outcome === 'needs_review') counts.needsReview[r.tier]++;
        if (stored.withinReach) counts.withinReach++;
        rows.push(stored);
      }
    }
    await breather();
    await writing;
    chunks.signal?.throwIfAborted();
    counts.enterprises += page.length;
    const checkpoint: RunCheckpoint = { after: page[page.length - 1].id, counts: structuredClone(counts) };
    writing = chunks
      .commitChunk(checkpoint, async (tx) => {
        await storeResults(tx, run.id, run.assessmentDate, rows);
        await updateActiveRun(tx, run.id, { processed: checkpoint.counts.enterprises });
      })
      .then(() => chunks.progress?.(checkpoint.counts.enterprises, run.total));
    // Handled here so that a failure waits for the next `await writing` instead of crashing the process.
    writing.catch(() => {});
  }
  await writing;
  await breather();
  // Fresh statistics for the pool's queries. No vacuum on PGlite here: over 65,000 enterprises it is
  // one statement of several seconds, during which nobody is served (item 12); analyze samples.
  if (!enterpriseId) {
    await ctx.database.maintain(['evaluation_results'], { vacuum: false });
    await breather();
    await ctx.database.maintain(['evaluation_history'], { vacuum: false });
  }
  await updateActiveRun(ctx.db, run.id, { status: 'done', counts, finishedAt: new Date() });
  return counts;
}
