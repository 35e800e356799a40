// Published rule-set corrections (rule_set_versions) and the stored outcomes a correction touches.
import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { evaluationResults, ruleSetVersions } from '../../db/schema/index.js';

export type RuleSetVersionRow = typeof ruleSetVersions.$inferSelect;

/** The latest published version of every rule set that has one. */
export function selectLatestVersions(db: DbOrTx): Promise<RuleSetVersionRow[]> {
  return db
    .select()
    .from(ruleSetVersions)
    .where(
      sql`(${ruleSetVersions.ruleSet}, ${ruleSetVersions.version}) in (select rule_set, max(version) from rule_set_versions group by rule_set)`,
    );
}

export async function selectLatestVersion(db: DbOrTx, ruleSet: string): Promise<RuleSetVersionRow | undefined> {
  const [latest] = await db
    .select()
    .from(ruleSetVersions)
    .where(eq(ruleSetVersions.ruleSet, ruleSet))
    .orderBy(desc(ruleSetVersions.version))
    .limit(1);
  return latest;
}

export async function insertVersion(db: DbOrTx, values: typeof ruleSetVersions.$inferInsert): Promise<void> {
  await db.insert(ruleSetVersions).values(values);
}

/** The stored results of some rule sets (any version): enterprise, tier, rule set, assessment date, outcome. */
export function selectStoredOutcomes(db: DbOrTx, ruleSets: string[]) {
  return db
    .select({
      enterpriseId: evaluationResults.enterpriseId,
      tier: evaluationResults.tier,
      ruleSet: evaluationResults.ruleSet,
      assessmentDate: sql<string>`${evaluationResults.assessmentDate}::text`,
      outcome: evaluationResults.outcome,
    })
    .from(evaluationResults)
    .where(sql`split_part(${evaluationResults.ruleSet}, '@', 1) = any(${sql.param(ruleSets)}::text[])`);
}
