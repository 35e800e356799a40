// The cockpit's breakdowns (数据驾驶舱, issue 12): the enterprises of a list filter grouped by place,
// industry, cluster or tier, in one grouped statement. The filter is the enterprise list's own
// (listConditions), so that each group and the total of the list with that filter and the group's
// own filter added are the same number by construction.
import { count } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { enterprises } from '../../db/schema/index.js';
import type { Scope } from '../../server/access.js';
import { listConditions } from './enterprises.repo.js';
import type { ListQuery } from './enterprises.schemas.js';

export type BreakdownDimension = 'place' | 'industry' | 'cluster' | 'tier';

/** One group: `district` and `zone` for 'place', the 大类 code for 'industry', the cluster or current tier code. */
export interface BreakdownGroup {
  key: string | null;
  zone: string | null;
  n: number;
}

const COLUMN = {
  place: enterprises.districtCode,
  industry: enterprises.industryCode,
  cluster: enterprises.clusterCode,
  tier: enterprises.currentTier,
} as const;

/**
 * Enterprises in the scope matching `filter` (as GET /api/enterprises reads it), counted per value of
 * the dimension's column; for 'place' per (district_code, zone_code), since the list's place filter
 * reads either. Groups without enterprises are absent.
 */
export async function countEnterprisesBy(
  db: DbOrTx,
  scope: Scope,
  filter: Partial<ListQuery>,
  by: BreakdownDimension,
): Promise<BreakdownGroup[]> {
  const where = listConditions(scope, filter);
  if (by === 'place') {
    const rows = await db
      .select({ key: enterprises.districtCode, zone: enterprises.zoneCode, n: count() })
      .from(enterprises)
      .where(where)
      .groupBy(enterprises.districtCode, enterprises.zoneCode);
    return rows.map((r) => ({ key: r.key, zone: r.zone, n: Number(r.n) }));
  }
  const column = COLUMN[by];
  const rows = await db.select({ key: column, n: count() }).from(enterprises).where(where).groupBy(column);
  return rows.map((r) => ({ key: r.key, zone: null, n: Number(r.n) }));
}
