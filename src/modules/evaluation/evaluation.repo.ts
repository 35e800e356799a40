import { and, desc, eq, isNull, sql } from 'drizzle-orm';
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

/**
 * Upserts the latest results and appends them to the history in ONE statement per chunk: the rows
 * travel as one JSON text (serialised once, natively), read once by `json_to_recordset` into a CTE
 * that both the upsert and the history insert read. `json` (not `jsonb`) for the explanation and the
 * missing list: their text is stored as it came, never parsed into jsonb and printed again. Far
 * cheaper than two statements of per-column arrays (issue 9, "Speed").
 */
export async function storeResults(
  db: DbOrTx,
  runId: string,
  assessmentDate: string,
  rows: StoredResult[],
  { chunk = 5000 } = {},
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const json = JSON.stringify(
      part.map((r) => ({
        e: r.enterpriseId,
        t: r.tier,
        r: r.ruleSet,
        o: r.outcome,
        s: r.score,
        f: r.failed,
        g: r.gap,
        w: r.withinReach,
        m: r.missing,
        x: r.explanation,
      })),
    );
    await db.execute(sql`with t as materialized (
        select * from json_to_recordset(${json}::json) as t(e uuid, t text, r text, o text, s int4, f jsonb, g int4, w bool, m json, x json)
      ), latest as (
        insert into evaluation_results (enterprise_id, tier, run_id, rule_set, assessment_date, outcome, score, failed, gap, within_reach, missing, explanation)
        select e, t, ${runId}::uuid, r, ${assessmentDate}::date, o, s, f, g, w, m, x from t
        on conflict (enterprise_id, tier) do update set run_id = excluded.run_id, rule_set = excluded.rule_set, assessment_date = excluded.assessment_date,
          outcome = excluded.outcome, score = excluded.score, failed = excluded.failed, gap = excluded.gap, within_reach = excluded.within_reach,
          missing = excluded.missing, explanation = excluded.explanation, evaluated_at = now()
      )
      insert into evaluation_history (enterprise_id, tier, run_id, rule_set, outcome, score)
      select e, t, ${runId}::uuid, r, o, s from t`);
  }
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
