import { todayInShanghai } from '../../domain/dates.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { enqueue } from '../../server/queue.js';
import { countEvaluable } from '../enterprises/count-evaluable.js';
import { getEnterprise } from '../enterprises/get-enterprise.js';
import { evaluationRunActive } from './evaluation.errors.js';
import { BATCH_EVALUATION } from './evaluation.jobs.js';
import { insertRun, type RunRow, selectActiveRun, updateRun } from './evaluation.repo.js';
import { scopeKeyOf } from './run-scope.js';

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
  if (active) throw evaluationRunActive(active);
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
    if (isUniqueViolation(error)) throw evaluationRunActive(await selectActiveRun(ctx.db, scopeKey));
    throw error;
  }
}
