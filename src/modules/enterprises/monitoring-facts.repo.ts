import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { rowsOf } from '../../db/rows.js';

// What the monitoring module snapshots into a monthly report (report-dimensions.ts): read here, in
// the enterprises module, because these are its tables.

export interface MonitoringFactsRow {
  id: string;
  name: string;
  districtCode: string;
  zoneCode: string | null;
  industryCode: string | null;
  clusterCode: string | null;
  sizeClass: string | null;
  /** The highest title valid on the day (little_giant > srdi > innovative), or null. */
  tierAtDay: string | null;
}

/**
 * The select list of a MonitoringFactsRow over `enterprises e` on `day` (YYYY-MM-DD): the highest
 * title recognised on or before it, valid_until absent or on/after it, not revoked or ended on or
 * before it. Shared with the monitoring module's one-statement read of a report's subject.
 */
export function monitoringFactsColumns(day: string): SQL {
  return sql`e.id, e.name, e.district_code as "districtCode", e.zone_code as "zoneCode", e.industry_code as "industryCode",
             e.cluster_code as "clusterCode", e.size_class as "sizeClass",
             (select t.tier from enterprise_titles t
               where t.enterprise_id = e.id and t.recognised_on <= ${day}::date
                 and (t.valid_until is null or t.valid_until >= ${day}::date)
                 and not (t.status = 'revoked' and (t.revoked_on is null or t.revoked_on <= ${day}::date))
                 and (t.ended_on is null or t.ended_on > ${day}::date)
               order by case t.tier when 'little_giant' then 3 when 'srdi' then 2 when 'innovative' then 1 else 0 end desc
               limit 1) as "tierAtDay"`;
}

/** The dimensions of some enterprises and the highest title each held on `day`. One statement per 10,000 enterprises. */
export async function selectMonitoringFacts(db: DbOrTx, ids: string[], day: string): Promise<MonitoringFactsRow[]> {
  const out: MonitoringFactsRow[] = [];
  for (let i = 0; i < ids.length; i += 10_000) {
    const part = ids.slice(i, i + 10_000);
    const result = await db.execute(
      sql`select ${monitoringFactsColumns(day)} from enterprises e where e.id = any(${sql.param(part)}::uuid[])`,
    );
    const rows = rowsOf<MonitoringFactsRow>(result);
    out.push(...rows);
  }
  return out;
}
