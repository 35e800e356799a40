// The pipeline pool's reads: stored results joined with the enterprises module's published
// subquery (listedEnterprises), never with its tables.
import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { evaluationResults } from '../../db/schema/index.js';
import { TIERS } from '../../domain/enterprise-rules.js';
import type { Scope } from '../../server/access.js';
import { listedEnterprises } from '../enterprises/registry-views.repo.js';

export interface PoolQuery {
  tier: 'innovative' | 'srdi' | 'little_giant';
  /** qualified: already qualifies; review: every hard condition met, a question open; near: one condition or a few points away. */
  status?: 'qualified' | 'review' | 'near';
  district?: string;
  industry?: string;
}

const TIER_ORDER = sql.raw(`array[${TIERS.map((t) => `'${t}'`).join(',')}]`);

function poolOf(db: DbOrTx, scope: Scope, filter: PoolQuery) {
  // The enterprise scope and filters are the registry's own (one definition of "in scope").
  const e = listedEnterprises(db, scope, { district: filter.district, industry: filter.industry });
  const where: SQL | undefined = and(
    eq(evaluationResults.tier, filter.tier),
    eq(evaluationResults.withinReach, true),
    filter.status === 'qualified' ? eq(evaluationResults.outcome, 'qualified') : undefined,
    filter.status === 'review' ? eq(evaluationResults.outcome, 'needs_review') : undefined,
    filter.status === 'near' ? eq(evaluationResults.outcome, 'not_qualified') : undefined,
    // Not holding this tier (or a higher one) already.
    sql`coalesce(array_position(${TIER_ORDER}, ${e.currentTier}), 0) < array_position(${TIER_ORDER}, ${evaluationResults.tier})`,
  );
  return { e, where };
}

export function selectPoolPage(db: DbOrTx, scope: Scope, filter: PoolQuery, page: { limit: number; offset: number }) {
  const { e, where } = poolOf(db, scope, filter);
  return db
    .select({
      enterpriseId: e.id,
      uscc: e.uscc,
      name: e.name,
      districtCode: e.districtCode,
      districtName: e.districtName,
      industryCode: e.industryCode,
      currentTier: e.currentTier,
      tier: evaluationResults.tier,
      ruleSet: evaluationResults.ruleSet,
      outcome: evaluationResults.outcome,
      score: evaluationResults.score,
      failed: evaluationResults.failed,
      missing: evaluationResults.missing,
      explanation: evaluationResults.explanation,
      evaluatedAt: evaluationResults.evaluatedAt,
    })
    .from(evaluationResults)
    .innerJoin(e, eq(e.id, evaluationResults.enterpriseId))
    .where(where)
    .orderBy(sql`${evaluationResults.outcome} = 'qualified' desc`, sql`${evaluationResults.score} desc nulls last`, asc(e.name))
    .limit(page.limit)
    .offset(page.offset);
}

export async function countPool(db: DbOrTx, scope: Scope, filter: PoolQuery): Promise<number> {
  const { e, where } = poolOf(db, scope, filter);
  const [{ total }] = await db
    .select({ total: count() })
    .from(evaluationResults)
    .innerJoin(e, eq(e.id, evaluationResults.enterpriseId))
    .where(where);
  return total;
}

/** The enterprises the pool finds already qualified for `tier` (any district): the round opening's invitations (主动发现). */
export async function selectQualifiedEnterpriseIds(db: DbOrTx, tier: PoolQuery['tier']): Promise<string[]> {
  const { e, where } = poolOf(db, { kind: 'all' }, { tier, status: 'qualified' });
  const rows = await db.select({ id: e.id }).from(evaluationResults).innerJoin(e, eq(e.id, evaluationResults.enterpriseId)).where(where);
  return rows.map((r) => r.id);
}
