// The queries of the monthly reports' import and export (月报导入导出): the template's enterprises,
// the sample membership of many enterprises at once, and a period's reports for the export.
import { and, asc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { districts, enterprises, monitoringReports } from '../../db/schema/index.js';
import type { Scope } from '../../server/access.js';
import { breather } from '../../server/responsive.js';
import { enterpriseScopeCondition } from '../enterprises/enterprises.repo.js';
import { inSampleCondition } from './sample.repo.js';

/** Ids per statement when many are looked up at once. */
const IDS_PER_STATEMENT = 10_000;

/**
 * The sample enterprises of the scope without an accepted report for the period (the template's
 * rows), by district and name, a page after `after`; with a pending or returned report they are listed too.
 */
export async function selectTemplateEnterprises(
  db: DbOrTx,
  filter: { scope: Scope; year: number; month: number },
  after: { districtSort: number; name: string; uscc: string } | null,
  limit: number,
) {
  return db
    .select({ uscc: enterprises.uscc, name: enterprises.name, districtSort: districts.sortOrder })
    .from(enterprises)
    .innerJoin(districts, eq(districts.code, enterprises.districtCode))
    .where(
      and(
        enterpriseScopeCondition(filter.scope),
        inSampleCondition(),
        sql`not exists (select 1 from ${monitoringReports} r where r.enterprise_id = ${enterprises.id}
          and r.year = ${filter.year} and r.month = ${filter.month} and r.status = 'accepted')`,
        after
          ? sql`(${districts.sortOrder}, ${enterprises.name}, ${enterprises.uscc}) > (${after.districtSort}, ${after.name}, ${after.uscc})`
          : undefined,
      ),
    )
    .orderBy(asc(districts.sortOrder), asc(enterprises.name), asc(enterprises.uscc))
    .limit(limit);
}

/** Which of these enterprises are in the monitored sample now. */
export async function selectInSample(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
    const rows = await db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(sql`${enterprises.id} = any(${sql.param(ids.slice(i, i + IDS_PER_STATEMENT))}::uuid[])`, inSampleCondition()));
    for (const r of rows) out.add(r.id);
    await breather();
  }
  return out;
}

/** The reports of a period in the scope (by the district the report was written for), by district and name, a page after `after`. */
export async function selectPeriodReports(
  db: DbOrTx,
  filter: { scope: Scope; year: number; month: number; districtCode?: string },
  after: { districtSort: number; name: string; enterpriseId: string } | null,
  limit: number,
) {
  const { scope } = filter;
  const conditions: (SQL | undefined)[] = [eq(monitoringReports.year, filter.year), eq(monitoringReports.month, filter.month)];
  if (scope.kind === 'district')
    conditions.push(or(eq(monitoringReports.districtCode, scope.districtCode), eq(monitoringReports.zoneCode, scope.districtCode)));
  else if (scope.kind !== 'all') conditions.push(sql`false`);
  if (filter.districtCode)
    conditions.push(or(eq(monitoringReports.districtCode, filter.districtCode), eq(monitoringReports.zoneCode, filter.districtCode)));
  if (after)
    conditions.push(
      sql`(${districts.sortOrder}, ${enterprises.name}, ${monitoringReports.enterpriseId}) > (${after.districtSort}, ${after.name}, ${after.enterpriseId}::uuid)`,
    );
  return db
    .select({
      report: monitoringReports,
      uscc: enterprises.uscc,
      name: enterprises.name,
      districtName: districts.name,
      districtSort: districts.sortOrder,
    })
    .from(monitoringReports)
    .innerJoin(enterprises, eq(enterprises.id, monitoringReports.enterpriseId))
    .innerJoin(districts, eq(districts.code, monitoringReports.districtCode))
    .where(and(...conditions))
    .orderBy(asc(districts.sortOrder), asc(enterprises.name), asc(monitoringReports.enterpriseId))
    .limit(limit);
}
