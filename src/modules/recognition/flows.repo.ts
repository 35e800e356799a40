// 有进有出 (part D): titles that entered and left each tier per district in a year, and the title
// story's application history. Titles are read through the enterprises module (titlePeriods).
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { rowsOf } from '../../db/rows.js';
import { recognitionApplications, recognitionHistory, recognitionRounds } from '../../db/schema/index.js';
import type { Scope } from '../../server/access.js';
import { titlePeriods } from '../enterprises/title-views.repo.js';

export interface FlowRow {
  districtCode: string;
  districtName: string;
  tier: string;
  entered: number;
  revoked: number;
  expired: number;
  renewed: number;
  heldAtYearEnd: number;
}

/**
 * Per district (the enterprise's) and tier for `year`: entered = recognised in the year (not as the
 * continuation of a title after 复核: that is `renewed`); revoked = revoked in the year; expired =
 * ended in the year other than by revocation and not continued by a new title; held at the year's
 * last day. Groups with nothing to show are left out.
 */
export async function selectFlows(db: DbOrTx, q: { scope: Scope; year: number; today: string; districtCode?: string }): Promise<FlowRow[]> {
  const from = `${q.year}-01-01`;
  const to = `${q.year}-12-31`;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`with p as (${titlePeriods(q.scope, q.today, q.districtCode)})
      select district_code, district_name, tier,
        count(*) filter (where recognised_on between ${from}::date and ${to}::date and not renewal)::int as entered,
        count(*) filter (where revoked_on between ${from}::date and ${to}::date)::int as revoked,
        count(*) filter (where last_day between ${from}::date and ${to}::date and not renewed)::int as expired,
        count(*) filter (where recognised_on between ${from}::date and ${to}::date and renewal)::int as renewed,
        count(*) filter (where recognised_on <= ${to}::date and (held_until is null or held_until >= ${to}::date))::int as held
      from p group by district_code, district_name, tier order by district_code, tier`),
  );
  return rows.map((r) => ({
    districtCode: r.district_code as string,
    districtName: r.district_name as string,
    tier: r.tier as string,
    entered: Number(r.entered),
    revoked: Number(r.revoked),
    expired: Number(r.expired),
    renewed: Number(r.renewed),
    heldAtYearEnd: Number(r.held),
  }));
}

/** An enterprise's applications (oldest first) with their round, and every history entry of them in order. */
export async function selectApplicationsOf(db: DbOrTx, enterpriseId: string) {
  const apps = await db
    .select({
      id: recognitionApplications.id,
      roundName: recognitionRounds.name,
      tier: recognitionApplications.tier,
      status: recognitionApplications.status,
      reviewedTitleId: recognitionApplications.reviewedTitleId,
      titleId: recognitionApplications.titleId,
      createdAt: recognitionApplications.createdAt,
    })
    .from(recognitionApplications)
    .innerJoin(recognitionRounds, eq(recognitionRounds.id, recognitionApplications.roundId))
    .where(eq(recognitionApplications.enterpriseId, enterpriseId))
    .orderBy(asc(recognitionApplications.createdAt), asc(recognitionApplications.id));
  const history = apps.length
    ? await db
        .select()
        .from(recognitionHistory)
        .where(
          inArray(
            recognitionHistory.applicationId,
            apps.map((a) => a.id),
          ),
        )
        .orderBy(asc(recognitionHistory.at), asc(recognitionHistory.id))
    : [];
  return { apps, history };
}
