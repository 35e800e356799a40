// Counts of the registry for the targets (目标考核, issue 12) and the list filters that show the rows
// behind each count. One definition of "holds a title / honour / listing stage at a day" serves both,
// so that a count and the total of its list (rowsUrl) are the same number by construction.
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { rowsOf } from '../../db/rows.js';
import { enterprises } from '../../db/schema/index.js';
import { titleHeldOn } from './title-views.repo.js';

/** Honour `h` is held on `day`: obtained by then (or undated), not expired before it. */
function honourHeldOn(day: string): SQL {
  return sql`((h.obtained_on is null or h.obtained_on <= ${day}::date) and (h.valid_until is null or h.valid_until >= ${day}::date))`;
}

/**
 * The enterprise (`enterprises` of the outer query) holds a title of `tier` on `day`; with `since`, it
 * is new since then: it held no title of the tier recognised before `since` (a renewal after a passed
 * 复核 is not new).
 */
export function holdsTitle(tier: string, day: string, since?: string): SQL {
  const held = sql`exists (select 1 from enterprise_titles t where t.enterprise_id = ${enterprises.id} and t.tier = ${tier} and ${titleHeldOn(day)})`;
  if (!since) return held;
  return sql`(${held} and not exists (select 1 from enterprise_titles t0 where t0.enterprise_id = ${enterprises.id}
    and t0.tier = ${tier} and t0.recognised_on < ${since}::date))`;
}

/**
 * The enterprise holds an honour of `kind` on `day`; with `since`, obtained on or after it and none of
 * the kind obtained before it.
 */
export function holdsHonour(kind: string, day: string, since?: string): SQL {
  if (!since) {
    return sql`exists (select 1 from enterprise_honours h where h.enterprise_id = ${enterprises.id} and h.kind = ${kind} and ${honourHeldOn(day)})`;
  }
  return sql`(exists (select 1 from enterprise_honours h where h.enterprise_id = ${enterprises.id} and h.kind = ${kind}
      and ${honourHeldOn(day)} and h.obtained_on >= ${since}::date)
    and not exists (select 1 from enterprise_honours h0 where h0.enterprise_id = ${enterprises.id} and h0.kind = ${kind}
      and h0.obtained_on < ${since}::date))`;
}

/** The enterprise reached listing stage `stage` on or before `day` (and, with `since`, on or after it). */
export function reachedListingStage(stage: string, day: string, since?: string): SQL {
  const from = since ? sql` and l.reached_on >= ${since}::date` : sql``;
  return sql`exists (select 1 from enterprise_listings l where l.enterprise_id = ${enterprises.id} and l.stage = ${stage}
    and l.reached_on <= ${day}::date${from})`;
}

/** A count of enterprises per place (district and functional zone) and key (tier, honour kind, …). */
export interface PlaceCount {
  districtCode: string;
  zoneCode: string | null;
  key: string;
  n: number;
}

const toCounts = (result: unknown) =>
  rowsOf<{ district_code: string; zone_code: string | null; key: string; n: number | string }>(result).map((r) => ({
    districtCode: r.district_code,
    zoneCode: r.zone_code,
    key: r.key,
    n: Number(r.n),
  }));

/**
 * Enterprises holding a title of each tier on `day` (with `since`: new since then, holdsTitle's
 * definition), per place and tier, from the tallies the triggers keep (migration 0023): a sum over the
 * changes in holders up to the day, not a scan of the titles.
 */
export async function countTitleHolders(db: DbOrTx, tiers: string[], day: string, since?: string): Promise<PlaceCount[]> {
  if (!tiers.length) return [];
  return toCounts(await db.execute(titleHolderCounts(tiers, day, since)));
}

/** countTitleHolders' query (district_code, zone_code or null, key = tier, n), for a caller that joins it. */
export function titleHolderCounts(tiers: string[], day: string, since?: string): SQL {
  const isNew = since ? sql` and first_on >= ${since}::date` : sql``;
  return sql`select district_code, nullif(zone_code, '') as zone_code, tier as key, sum(delta)::int as n
      from title_holder_changes
      where tier = any(${sql.param(tiers)}::text[]) and day <= ${day}::date${isNew}
      group by district_code, zone_code, tier having sum(delta) <> 0`;
}

/** Enterprises holding an honour of each kind on `day` (with `since`: new since then), per place and kind. */
export async function countHonourHolders(db: DbOrTx, kinds: string[], day: string, since?: string): Promise<PlaceCount[]> {
  if (!kinds.length) return [];
  const isNew = since
    ? sql` and h.obtained_on >= ${since}::date and not exists (select 1 from enterprise_honours h0
        where h0.enterprise_id = h.enterprise_id and h0.kind = h.kind and h0.obtained_on < ${since}::date)`
    : sql``;
  return toCounts(
    await db.execute(sql`select e.district_code, e.zone_code, h.kind as key, count(distinct h.enterprise_id) as n
      from enterprise_honours h join enterprises e on e.id = h.enterprise_id
      where h.kind = any(${sql.param(kinds)}::text[]) and ${honourHeldOn(day)}${isNew}
      group by e.district_code, e.zone_code, h.kind`),
  );
}

/** Enterprises that reached listing stage `stage` by `day` (with `since`: on or after it), per place. */
export async function countListingStage(db: DbOrTx, stage: string, day: string, since?: string): Promise<PlaceCount[]> {
  const from = since ? sql` and l.reached_on >= ${since}::date` : sql``;
  return toCounts(
    await db.execute(sql`select e.district_code, e.zone_code, l.stage as key, count(*) as n
      from enterprise_listings l join enterprises e on e.id = l.enterprise_id
      where l.stage = ${stage} and l.reached_on <= ${day}::date${from}
      group by e.district_code, e.zone_code, l.stage`),
  );
}

/** Enterprises of the registry per place (key 'all'): the pool when a unit holds none of an indicator. */
export async function countEnterprisesByPlace(db: DbOrTx): Promise<PlaceCount[]> {
  return toCounts(
    await db.execute(sql`select district_code, zone_code, 'all' as key, count(*) as n from enterprises group by district_code, zone_code`),
  );
}
