import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { bulkInsert } from '../../db/bulk.js';
import type { DbOrTx } from '../../db/database.js';
import { evaluationHistory, evaluationResults, evaluationRuns } from '../../db/schema/index.js';
import { orphanedWork } from '../../server/instance.js';

export type RunRow = typeof evaluationRuns.$inferSelect;

export async function insertRun(db: DbOrTx, values: typeof evaluationRuns.$inferInsert): Promise<RunRow> {
  const [row] = await db.insert(evaluationRuns).values(values).returning();
  return row;
}

export async function updateRun(db: DbOrTx, id: string, values: Partial<typeof evaluationRuns.$inferInsert>): Promise<void> {
  await db.update(evaluationRuns).set(values).where(eq(evaluationRuns.id, id));
}

export async function selectRun(db: DbOrTx, id: string): Promise<RunRow | undefined> {
  const [row] = await db.select().from(evaluationRuns).where(eq(evaluationRuns.id, id)).limit(1);
  return row;
}

/** The run queued or running for a scope, if any (at most one: a partial unique index). */
export async function selectActiveRun(db: DbOrTx, scopeKey: string): Promise<RunRow | undefined> {
  const [row] = await db
    .select()
    .from(evaluationRuns)
    .where(and(eq(evaluationRuns.scopeKey, scopeKey), sql`${evaluationRuns.status} in ('queued', 'running')`))
    .limit(1);
  return row;
}

/** The latest run of a scope, whatever its status. */
export async function selectLatestRun(db: DbOrTx, scopeKey: string): Promise<RunRow | undefined> {
  const [row] = await db
    .select()
    .from(evaluationRuns)
    .where(eq(evaluationRuns.scopeKey, scopeKey))
    .orderBy(desc(evaluationRuns.startedAt))
    .limit(1);
  return row;
}

/** Writes progress unless the run was marked interrupted meanwhile (its instance was taken for dead). */
export async function updateActiveRun(db: DbOrTx, id: string, values: Partial<typeof evaluationRuns.$inferInsert>): Promise<void> {
  await db
    .update(evaluationRuns)
    .set(values)
    .where(and(eq(evaluationRuns.id, id), sql`${evaluationRuns.status} in ('queued', 'running')`));
}

/** The run's job failed for good (queue.ts): the run says so, with the job's Chinese message. */
export async function markRunFailed(db: DbOrTx, id: string, error: { code: string; message: string }): Promise<void> {
  await updateActiveRun(db, id, { status: 'failed', error: { code: error.code, message: error.message }, finishedAt: new Date() });
}

export const RUN_INTERRUPTED = {
  code: 'EVALUATION_RUN_INTERRUPTED',
  message: '服务重启，批量评价中断；已评价的企业结果已保存，请重新运行批量评价',
};

/**
 * Runs from before the job queue (no job), queued or running in an instance that no live process
 * holds (instance.ts): interrupted at once. A run with a job is resumed by the queue instead.
 */
export async function interruptOrphanedRuns(db: DbOrTx, instanceId: number): Promise<number> {
  const rows = await db
    .update(evaluationRuns)
    .set({ status: 'interrupted', error: RUN_INTERRUPTED, finishedAt: new Date() })
    .where(and(isNull(evaluationRuns.jobId), orphanedWork(evaluationRuns.status, evaluationRuns.ownerInstance, instanceId)))
    .returning({ id: evaluationRuns.id });
  return rows.length;
}

export interface StoredResult {
  enterpriseId: string;
  tier: string;
  ruleSet: string;
  outcome: string;
  score: number | null;
  failed: string[];
  gap: number | null;
  withinReach: boolean;
  missing: string[];
  explanation: unknown;
}

/** Upserts the latest results and appends them to the history, one statement each (`between` runs between the two). */
export async function storeResults(
  db: DbOrTx,
  runId: string,
  assessmentDate: string,
  rows: StoredResult[],
  between: () => Promise<void> = async () => {},
): Promise<void> {
  await bulkInsert(
    db,
    'evaluation_results',
    [
      { name: 'enterprise_id', type: 'uuid' },
      { name: 'tier', type: 'text' },
      { name: 'run_id', type: 'uuid' },
      { name: 'rule_set', type: 'text' },
      { name: 'assessment_date', type: 'date' },
      { name: 'outcome', type: 'text' },
      { name: 'score', type: 'int4' },
      { name: 'failed', type: 'jsonb' },
      { name: 'gap', type: 'int4' },
      { name: 'within_reach', type: 'bool' },
      { name: 'missing', type: 'json' },
      { name: 'explanation', type: 'json' },
    ],
    rows.map((r) => [
      r.enterpriseId,
      r.tier,
      runId,
      r.ruleSet,
      assessmentDate,
      r.outcome,
      r.score,
      r.failed,
      r.gap,
      r.withinReach,
      r.missing,
      r.explanation,
    ]),
    {
      onConflict: `on conflict (enterprise_id, tier) do update set run_id = excluded.run_id, rule_set = excluded.rule_set, assessment_date = excluded.assessment_date,
        outcome = excluded.outcome, score = excluded.score, failed = excluded.failed, gap = excluded.gap, within_reach = excluded.within_reach,
        missing = excluded.missing, explanation = excluded.explanation, evaluated_at = now()`,
    },
  );
  await between();
  await bulkInsert(
    db,
    'evaluation_history',
    [
      { name: 'enterprise_id', type: 'uuid' },
      { name: 'tier', type: 'text' },
      { name: 'run_id', type: 'uuid' },
      { name: 'rule_set', type: 'text' },
      { name: 'outcome', type: 'text' },
      { name: 'score', type: 'int4' },
    ],
    rows.map((r) => [r.enterpriseId, r.tier, runId, r.ruleSet, r.outcome, r.score]),
  );
}

export function selectResultsOf(db: DbOrTx, enterpriseId: string) {
  return db.select().from(evaluationResults).where(eq(evaluationResults.enterpriseId, enterpriseId));
}

export function selectHistoryOf(db: DbOrTx, enterpriseId: string) {
  return db
    .select()
    .from(evaluationHistory)
    .where(eq(evaluationHistory.enterpriseId, enterpriseId))
    .orderBy(desc(evaluationHistory.evaluatedAt))
    .limit(100);
}
