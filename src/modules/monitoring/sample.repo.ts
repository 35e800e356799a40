import { eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { enterprises, monitoringSample } from '../../db/schema/index.js';

// The monitored sample (监测企业): the only file with SQL on monitoring_sample.
// Effective membership: a row saying 'in'; or a valid title (enterprises.current_tier not null)
// and no row saying 'out'.

/**
 * The sample condition on `enterprises` rows, for lists and counts. Written with uncorrelated
 * IN / NOT IN subqueries (monitoring_sample.enterprise_id is the key, never null) so that the
 * planner hashes the few sample rows once instead of probing per enterprise.
 */
export function inSampleCondition(): SQL {
  return sql`(${enterprises.id} in (select s.enterprise_id from monitoring_sample s where s.status = 'in')
    or (${enterprises.currentTier} is not null
        and ${enterprises.id} not in (select s.enterprise_id from monitoring_sample s where s.status = 'out')))`;
}

/** Whether one enterprise is in the sample now (false for an absent enterprise). */
export async function isInSample(db: DbOrTx, enterpriseId: string): Promise<boolean> {
  const [row] = await db
    .select({ tier: enterprises.currentTier, status: monitoringSample.status })
    .from(enterprises)
    .leftJoin(monitoringSample, eq(monitoringSample.enterpriseId, enterprises.id))
    .where(eq(enterprises.id, enterpriseId))
    .limit(1);
  if (!row) return false;
  if (row.status === 'in') return true;
  if (row.status === 'out') return false;
  return row.tier !== null;
}
