// 有进有出 over several years for the cockpit (数据驾驶舱, issue 12): per year and tier the titles that
// entered and left, in one statement, and the titles behind one of those numbers. The same rules as
// the district table of selectFlows (flows.repo.ts): entered = recognised in the year, not as the
// continuation of a title after 复核; left = revoked in the year, or ended in it other than by
// revocation and not continued by a new title.
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { rowsOf } from '../../db/rows.js';
import type { Scope } from '../../server/access.js';
import { titlePeriods } from '../enterprises/title-views.repo.js';

export interface FlowYearRow {
  year: number;
  tier: string;
  entered: number;
  left: number;
}

interface FlowPlace {
  scope: Scope;
  /** The district or functional zone (the enterprise's either), or all of the scope. */
  districtCode?: string;
  today: string;
}

/** Entered and left per year (fromYear…toYear) and tier; pairs with neither are absent. */
export async function selectFlowsByYear(db: DbOrTx, q: FlowPlace & { fromYear: number; toYear: number }): Promise<FlowYearRow[]> {
  const from = `${q.fromYear}-01-01`;
  const to = `${q.toYear}-12-31`;
  const rows = rowsOf<{ year: number; tier: string; entered: number | string; left: number | string }>(
    await db.execute(sql`with p as (${titlePeriods(q.scope, q.today, q.districtCode)})
      select year, tier, sum(entered)::int as entered, sum(gone)::int as left from (
        select extract(year from recognised_on)::int as year, tier, 1 as entered, 0 as gone
          from p where not renewal and recognised_on between ${from}::date and ${to}::date
        union all
        select extract(year from revoked_on)::int, tier, 0, 1 from p where revoked_on between ${from}::date and ${to}::date
        union all
        select extract(year from last_day)::int, tier, 0, 1 from p where not renewed and last_day between ${from}::date and ${to}::date
      ) x group by year, tier order by year, tier`),
  );
  return rows.map((r) => ({ year: Number(r.year), tier: r.tier, entered: Number(r.entered), left: Number(r.left) }));
}

export interface FlowTitleRow {
  titleId: string;
  enterpriseId: string;
  districtName: string;
  tier: string;
  recognisedOn: string;
  /** For a title that left: the day it left (revoked on, or its last day). */
  leftOn: string | null;
  /** revoked | expired for a title that left, else null. */
  leftHow: 'revoked' | 'expired' | null;
}

function directionCondition(direction: 'entered' | 'left', year: number): SQL {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return direction === 'entered'
    ? sql`not renewal and recognised_on between ${from}::date and ${to}::date`
    : sql`(revoked_on between ${from}::date and ${to}::date or (not renewed and last_day between ${from}::date and ${to}::date))`;
}

/** The titles of one tier that entered or left in one year (a page, newest first), and how many there are. */
export async function selectFlowTitles(
  db: DbOrTx,
  q: FlowPlace & { year: number; tier: string; direction: 'entered' | 'left'; page: number; pageSize: number },
): Promise<{ items: FlowTitleRow[]; total: number }> {
  const where = sql`tier = ${q.tier} and ${directionCondition(q.direction, q.year)}`;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`with p as (${titlePeriods(q.scope, q.today, q.districtCode)})
      select title_id, enterprise_id, district_name, tier, recognised_on::text as recognised_on,
        coalesce(revoked_on, last_day)::text as left_on,
        case when revoked_on is not null then 'revoked' when last_day is not null then 'expired' end as left_how,
        count(*) over () as total
      from p where ${where}
      order by ${q.direction === 'entered' ? sql`recognised_on desc` : sql`coalesce(revoked_on, last_day) desc`}, title_id
      limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
  );
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && q.page > 1) {
    // A page past the end still says how many there are.
    const [c] = rowsOf<{ n: number | string }>(
      await db.execute(sql`with p as (${titlePeriods(q.scope, q.today, q.districtCode)}) select count(*) as n from p where ${where}`),
    );
    total = Number(c.n);
  }
  return {
    items: rows.map((r) => ({
      titleId: r.title_id as string,
      enterpriseId: r.enterprise_id as string,
      districtName: r.district_name as string,
      tier: r.tier as string,
      recognisedOn: r.recognised_on as string,
      leftOn: q.direction === 'left' ? ((r.left_on as string | null) ?? null) : null,
      leftHow: q.direction === 'left' ? ((r.left_how as 'revoked' | 'expired' | null) ?? null) : null,
    })),
    total,
  };
}
