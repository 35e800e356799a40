// Batch evaluation over every enterprise in the officer's scope: a job with progress, results and
// their explanations stored, and the pipeline pool (后备库) read from them.

import type { DbOrTx } from '../../db/database.js';
import { todayInShanghai } from '../../domain/dates.js';
import { yearsFor } from '../../domain/evaluation/assessment-years.js';
import { evaluate } from '../../domain/evaluation/evaluate.js';
import type { Corrections } from '../../domain/evaluation/parameters.js';
import { reachOf } from '../../domain/evaluation/pool-reach.js';
import type { TierResult } from '../../domain/evaluation/types.js';
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { AppError, notFound } from '../../server/errors.js';
import { enqueue } from '../../server/queue.js';
import { breather } from '../../server/responsive.js';
import { countEvaluable } from '../enterprises/count-evaluable.js';
import { evaluationFeed } from '../enterprises/evaluation-feed.js';
import { getEnterprise } from '../enterprises/get-enterprise.js';
import { BATCH_EVALUATION } from './evaluation.jobs.js';
import {
  insertRun,
  type RunRow,
  type StoredResult,
  selectActiveRun,
  selectLatestRun,
  selectRun,
  storeResults,
  updateActiveRun,
  updateRun,
} from './evaluation.repo.js';
import { currentCorrections } from './load-corrections.js';
import { inputFromRegistry } from './registry-input.js';

/** Enterprises per page of a batch: each statement stays short (~0.1 s on PGlite), so that other requests are served between them. */
const PAGE_SIZE = 250;

/** What the pool needs to know of a result, and a compact explanation (indicator points, condition statuses). */
export function toStored(enterpriseId: string, r: TierResult, corrections: Corrections = {}): StoredResult {
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

/** What a run covers: one run per scope at a time (the whole city, a district, one enterprise). */
export function scopeKeyOf(actor: Actor, enterpriseId?: string): string {
  if (enterpriseId) return `enterprise:${enterpriseId}`;
  const scope = scopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return 'all';
    case 'district':
      return `district:${scope.districtCode}`;
    case 'enterprise':
      return `enterprise:${scope.enterpriseId}`;
    case 'assigned':
      return `assigned:${scope.assignment}:${scope.userId}`;
    case 'none':
      return `user:${actor.userId}`;
  }
}

const thousands = (n: number) => n.toLocaleString('zh-CN');

function runActive(run: RunRow | undefined): AppError {
  const progress = run ? `（已处理 ${thousands(run.processed)} / ${thousands(run.total)} 家）` : '';
  return new AppError('EVALUATION_RUN_ACTIVE', 409, `该范围的批量评价正在进行${progress}，请等待完成后再运行`, { runId: run?.id });
}

const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } };
  return (e.cause?.code ?? e.code) === '23505';
};

/**
 * Starts a batch evaluation of every enterprise in the actor's scope, or of one enterprise of it
 * (after its review questions were answered, say). One run per scope at a time: 409 otherwise.
 * The run is a job of the queue (evaluation.jobs.ts), created in the same transaction: a worker
 * process runs it in chunks, and a run whose process died resumes from its last chunk elsewhere.
 */
export async function startBatchEvaluation(
  ctx: AppContext,
  actor: Actor | null,
  assessmentDate = todayInShanghai(),
  enterpriseId?: string,
): Promise<RunRow> {
  const who = requireAccess(actor, 'evaluation.run');
  if (enterpriseId) await getEnterprise(ctx, who, enterpriseId); // 404 outside the actor's scope
  const scopeKey = scopeKeyOf(who, enterpriseId);
  const active = await selectActiveRun(ctx.db, scopeKey);
  if (active) throw runActive(active);
  const total = enterpriseId ? 1 : await countEvaluable(ctx, who);
  try {
    return await ctx.db.transaction(async (tx) => {
      const created = await insertRun(tx, {
        startedBy: who.userId,
        actor: { ...who, ip: who.ip ?? null },
        assessmentDate,
        total,
        scopeKey,
      });
      const job = await enqueue(tx, BATCH_EVALUATION, enterpriseId ? { runId: created.id, enterpriseId } : { runId: created.id }, {
        actor: who,
      });
      await updateRun(tx, created.id, { jobId: job.id });
      await writeAudit(tx, who, {
        action: 'evaluation.run',
        entityType: 'evaluation_run',
        entityId: created.id,
        after: enterpriseId ? { assessmentDate, total, enterpriseId } : { assessmentDate, total },
      });
      return { ...created, jobId: job.id };
    });
  } catch (error) {
    // Another click or process started one between the check and the insert: the index refused this one.
    if (isUniqueViolation(error)) throw runActive(await selectActiveRun(ctx.db, scopeKey));
    throw error;
  }
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
    pageSize: PAGE_SIZE,
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
        await storeResults(tx, run.id, run.assessmentDate, rows, breather);
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

/** A run may be read by its starter, the city, and the officers of the scope it covers (who are refused a second one). */
function mayRead(who: Actor, run: RunRow): boolean {
  return run.startedBy === who.userId || who.role === 'city_admin' || (run.scopeKey !== null && run.scopeKey === scopeKeyOf(who));
}

export async function getRun(ctx: AppContext, actor: Actor | null, id: string): Promise<RunRow> {
  const who = requireAccess(actor, 'evaluation.pool');
  const run = await selectRun(ctx.db, id);
  if (!run || !mayRead(who, run)) throw notFound();
  return run;
}

/** The latest batch run of the actor's scope (the pool page shows it on load, running or not); null before the first. */
export async function currentRun(ctx: AppContext, actor: Actor | null): Promise<RunRow | null> {
  const who = requireAccess(actor, 'evaluation.pool');
  return (await selectLatestRun(ctx.db, scopeKeyOf(who))) ?? null;
}
