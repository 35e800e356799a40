// Reads of the registry for exports and for other modules: the enterprises module's tables stay
// behind these functions (issue 9 §6). Another module joins enterprise data only through
// `listedEnterprises`, a subquery with published columns, never through the tables themselves.
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { districts, enterprises, enterpriseYears } from '../../db/schema/index.js';
import type { Scope } from '../../server/access.js';
import { enterpriseScopeCondition, listConditions } from './enterprises.repo.js';
import type { ListQuery } from './enterprises.schemas.js';

/**
 * The enterprises in the scope matching the registry's filters (one definition of "in scope"), as
 * a subquery to join: id, uscc, name, districtCode, districtName, industryCode, currentTier.
 */
export function listedEnterprises(db: DbOrTx, scope: Scope, filter: Partial<ListQuery>) {
  return db
    .select({
      id: enterprises.id,
      uscc: enterprises.uscc,
      name: enterprises.name,
      districtCode: enterprises.districtCode,
      districtName: sql<string>`${districts.name}`.as('district_name'),
      industryCode: enterprises.industryCode,
      currentTier: enterprises.currentTier,
    })
    .from(enterprises)
    .innerJoin(districts, eq(districts.code, enterprises.districtCode))
    .where(listConditions(scope, filter))
    .as('listed_enterprises');
}

/** One page of the export (id order, after `lastId`): the record, its district's name and its latest year. */
export function selectExportPage(db: DbOrTx, scope: Scope, filter: Partial<ListQuery>, lastId: string | null, limit: number) {
  return db
    .select({ e: enterprises, districtName: districts.name, y: enterpriseYears })
    .from(enterprises)
    .innerJoin(districts, eq(districts.code, enterprises.districtCode))
    .leftJoin(enterpriseYears, and(eq(enterpriseYears.enterpriseId, enterprises.id), eq(enterpriseYears.year, enterprises.latestYear)))
    .where(and(listConditions(scope, filter), lastId ? gt(enterprises.id, lastId) : sql`true`))
    .orderBy(asc(enterprises.id))
    .limit(limit);
}

export type FeedYearRow = [number, ...(number | null)[]];

// Spelled out: in a select list drizzle writes a column without its table ("id"), which inside
// these subqueries would name the subquery's own id column.
const OUTER_ID = sql.raw('"enterprises"."id"');

/** The registry as the evaluation reads it, raw: one page of enterprises, each with its years, titles and honours as JSON arrays. */
export function selectFeedPage(
  db: DbOrTx,
  scope: Scope,
  years: { from: number; to: number },
  after: string,
  pageSize: number,
  enterpriseId?: string,
) {
  const inScope = enterpriseScopeCondition(scope);
  return db
    .select({
      id: enterprises.id,
      districtCode: enterprises.districtCode,
      sector: enterprises.sector,
      nicheEntryYear: enterprises.nicheEntryYear,
      facts: enterprises.facts,
      years: sql<FeedYearRow[] | null>`(select json_agg(json_build_array(y.year, y.revenue, y.main_revenue, y.net_profit, y.total_assets,
          y.total_liabilities, y.rd_expense, y.employees, y.rd_staff, y.equity_financing))
        from enterprise_years y where y.enterprise_id = ${OUTER_ID} and y.year between ${years.from} and ${years.to})`.as('years'),
      titles: sql<[string, string, string | null][] | null>`(select json_agg(json_build_array(t.tier, t.status, t.valid_until))
        from enterprise_titles t where t.enterprise_id = ${OUTER_ID})`.as('titles'),
      honours: sql<[string, string | null][] | null>`(select json_agg(json_build_array(h.kind, h.valid_until))
        from enterprise_honours h where h.enterprise_id = ${OUTER_ID})`.as('honours'),
    })
    .from(enterprises)
    .where(
      sql`${enterprises.id} > ${after}${inScope ? sql` and ${inScope}` : sql``}${enterpriseId ? sql` and ${enterprises.id} = ${enterpriseId}` : sql``}`,
    )
    .orderBy(enterprises.id)
    .limit(pageSize);
}

/** How many enterprises the scope covers. */
export async function countEnterprisesInScope(db: DbOrTx, scope: Scope): Promise<number> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(enterprises).where(enterpriseScopeCondition(scope));
  return n;
}
