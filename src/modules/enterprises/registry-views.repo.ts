// Reads of the registry for exports and for other modules: the enterprises module's tables stay
// behind these functions (issue 9 §6). Another module joins enterprise data only through
// `listedEnterprises`, a subquery with published columns, never through the tables themselves.
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { districts, enterprises, enterpriseYears } from '../../db/schema/index.js';
import type { Scope } from '../../server/access.js';
import { listConditions } from './enterprises.repo.js';
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
