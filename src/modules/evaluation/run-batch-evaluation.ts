// Batch evaluation over every enterprise in the officer's scope: a job with progress, results and
// their explanations stored, and the pipeline pool (后备库) read from them.

import { todayInShanghai } from '../../domain/dates.js';
import { evaluate } from '../../domain/evaluation/evaluate.js';
import type { TierResult } from '../../domain/evaluation/types.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { AppError, notFound } from '../../server/errors.js';
import { countEvaluable, evaluationFeed, yearsFor } from '../enterprises/evaluation-feed.js';
import { getEnterprise } from '../enterprises/get-enterprise.js';
import { insertRun, type RunRow, type StoredResult, selectRun, storeResults, updateRun } from './evaluation.repo.js';
import { inputFromRegistry } from './registry-input.js';
import { currentCorrections } from './rule-set-versions.js';

const PASS_SCORE = 60;
/** "A few points away": the pipeline pool takes scored tiers this close to the pass mark. */
export const NEAR_POINTS = 5;

/** What the pool needs to know of a result, and a compact explanation (indicator points, condition statuses). */
export function toStored(enterpriseId: string, r: TierResult): StoredResult {
  const failed = r.conditions.filter((c) => c.status === 'not_met').map((c) => c.id);
  const gap = r.score === null ? null : Math.max(0, PASS_SCORE - r.score);
  // One condition away: the SME test cannot be worked towards; the score conditions ("pass", and the
  // 2026 bottom tier's "standard", which is met through that score) only when a few points short.
  const scoreCondition = failed[0] === 'pass' || failed[0] === 'standard';
  const reachable = failed.length === 1 && failed[0] !== 'sme' && (!scoreCondition || (gap !== null && gap <= NEAR_POINTS));
  return {
    enterpriseId,
    tier: r.tier,
    ruleSet: r.ruleSet,
    outcome: r.outcome,
    score: r.score,
    failed,
    gap,
    withinReach: r.outcome !== 'not_qualified' || reachable,
    missing: r.missing.map((m) => m.message),
    explanation: { indicators: r.indicators.map((i) => [i.id, i.points, i.max]), conditions: r.conditions.map((c) => [c.id, c.status]) },
  };
}

/**
 * Starts a batch evaluation of every enterprise in the actor's scope, or of one enterprise of it
 * (after its review questions were answered, say).
 */
export async function startBatchEvaluation(
  ctx: AppContext,
  actor: Actor | null,
  assessmentDate = todayInShanghai(),
  enterpriseId?: string,
): Promise<RunRow> {
  const who = requireAccess(actor, 'evaluation.run');
  if (enterpriseId) await getEnterprise(ctx, who, enterpriseId); // 404 outside the actor's scope
  const total = enterpriseId ? 1 : await countEvaluable(ctx, who);
  const run = await ctx.db.transaction(async (tx) => {
    const created = await insertRun(tx, { startedBy: who.userId, actor: { ...who, ip: who.ip ?? null }, assessmentDate, total });
    await writeAudit(tx, who, {
      action: 'evaluation.run',
      entityType: 'evaluation_run',
      entityId: created.id,
      after: enterpriseId ? { assessmentDate, total, enterpriseId } : { assessmentDate, total },
    });
    return created;
  });
  setImmediate(() => {
    executeRun(ctx, run, who, enterpriseId).catch(async (error) => {
      if (!(error instanceof AppError)) console.error(`evaluation run ${run.id} failed`, error);
      await updateRun(ctx.db, run.id, {
        status: 'failed',
        error: { code: 'INTERNAL_ERROR', message: '批量评价中断，请重新运行' },
        finishedAt: new Date(),
      }).catch(() => {});
    });
  });
  return run;
}

/** Runs the batch; returns the counts. Exported for the benchmark, which awaits it. */
export async function executeRun(ctx: AppContext, run: RunRow, actor: Actor, enterpriseId?: string) {
  await updateRun(ctx.db, run.id, { status: 'running' });
  const corrections = await currentCorrections(ctx);
  const counts = {
    enterprises: 0,
    qualified: { innovative: 0, srdi: 0, little_giant: 0 },
    /** Every hard condition met; a person still has to answer a question (2026 rules ask one per tier). */
    needsReview: { innovative: 0, srdi: 0, little_giant: 0 },
    withinReach: 0,
  };
  // While one page is being written, the next is read and evaluated (the database and the engine
  // work at the same time on PostgreSQL; on PGlite this changes nothing).
  let writing: Promise<void> = Promise.resolve();
  for await (const page of evaluationFeed(ctx, actor, yearsFor(run.assessmentDate), { enterpriseId })) {
    const rows: StoredResult[] = [];
    for (const record of page) {
      const result = evaluate(inputFromRegistry(record, run.assessmentDate), corrections);
      for (const r of result.results) {
        const stored = toStored(record.id, r);
        if (r.outcome === 'qualified') counts.qualified[r.tier]++;
        else if (r.outcome === 'needs_review') counts.needsReview[r.tier]++;
        if (stored.withinReach) counts.withinReach++;
        rows.push(stored);
      }
    }
    await writing;
    counts.enterprises += page.length;
    const processed = counts.enterprises;
    writing = storeResults(ctx.db, run.id, run.assessmentDate, rows).then(() => updateRun(ctx.db, run.id, { processed }));
    // Handled here so that a failure waits for the next `await writing` instead of crashing the process.
    writing.catch(() => {});
  }
  await writing;
  // Fresh statistics for the pool's queries (PGlite has no autovacuum: it also clears the rows a re-run replaced).
  if (!enterpriseId) await ctx.database.maintain(['evaluation_results', 'evaluation_history'], { vacuum: ctx.database.kind === 'pglite' });
  await updateRun(ctx.db, run.id, { status: 'done', counts, finishedAt: new Date() });
  return counts;
}

export async function getRun(ctx: AppContext, actor: Actor | null, id: string): Promise<RunRow> {
  const who = requireAccess(actor, 'evaluation.pool');
  const run = await selectRun(ctx.db, id);
  if (!run || (run.startedBy !== who.userId && who.role !== 'city_admin')) throw notFound();
  return run;
}
