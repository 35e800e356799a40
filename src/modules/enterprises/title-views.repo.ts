// Reads of the titles (梯度称号) for the recognition module's annual update and 有进有出: who holds a
// title on a day, and each title's period with how it ended. The registry's tables stay behind these
// functions: the other module gets subqueries with published columns (snake_case), never the tables.
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { rowsOf } from '../../db/rows.js';
import type { Scope } from '../../server/access.js';
import { enterpriseScopeCondition } from './enterprises.repo.js';

/**
 * Title `t` is held on `day`: recognised by then, not revoked by then, not ended before it, and
 * within its validity — a title under 复核 stays held past its validity until the result (then
 * ended_on is set). One definition for the holders' list, the update form and the flows.
 */
export function titleHeldOn(day: string): SQL {
  return sql`(t.recognised_on <= ${day}::date
    and (t.revoked_on is null or t.revoked_on > ${day}::date) and t.status <> 'revoked'
    and (t.ended_on is null or t.ended_on >= ${day}::date)
    and (t.status = 'under_review' or t.valid_until is null or t.valid_until >= ${day}::date))`;
}

/** The highest tier first: little_giant 3, srdi 2, innovative 1. */
const TIER_RANK = sql.raw(`case t.tier when 'little_giant' then 3 when 'srdi' then 2 when 'innovative' then 1 else 0 end`);

function placeFilter(districtCode: string | undefined): SQL {
  return districtCode ? sql` and (enterprises.district_code = ${districtCode} or enterprises.zone_code = ${districtCode})` : sql``;
}

function scopeFilter(scope: Scope): SQL {
  const where = enterpriseScopeCondition(scope);
  return where ? sql` and ${where}` : sql``;
}

/**
 * The enterprises in the scope that hold a title on `day`, as a subquery: enterprise_id, name, uscc,
 * district_code, zone_code, district_name, tier (the highest held), title_id, recognised_on, valid_until.
 */
export function titleHoldersOn(scope: Scope, day: string, districtCode?: string): SQL {
  // Driven from the titles (a few thousand held) rather than from every enterprise of the scope.
  return sql`select distinct on (t.enterprise_id) t.enterprise_id, enterprises.name as name, enterprises.uscc as uscc,
      enterprises.district_code as district_code, enterprises.zone_code as zone_code, districts.name as district_name,
      t.tier, t.id as title_id, t.recognised_on::text as recognised_on, t.valid_until::text as valid_until
    from enterprise_titles t
    join enterprises on enterprises.id = t.enterprise_id
    join districts on districts.code = enterprises.district_code
    where ${titleHeldOn(day)}${scopeFilter(scope)}${placeFilter(districtCode)}
    order by t.enterprise_id, ${TIER_RANK} desc, t.recognised_on desc`;
}

/**
 * The enterprises that hold a title of any tier on `day`, with their place (zone_code null for none),
 * as a subquery from the tallies' spans (tier 'any', migration 0023): one row per holder, by key.
 */
export function anyTitleHeldOn(day: string): SQL {
  return sql`select s.enterprise_id, s.district_code, nullif(s.zone_code, '') as zone_code from title_holding_spans s
    where s.tier = 'any' and s.starts_on <= ${day}::date and s.stops_on > ${day}::date`;
}

/** The title an enterprise holds on `day` (the highest tier), or undefined. */
export async function selectHeldTitle(db: DbOrTx, enterpriseId: string, day: string) {
  const rows = rowsOf<{ id: string; tier: string; status: string; recognised_on: string; valid_until: string | null }>(
    await db.execute(sql`select t.id, t.tier, t.status, t.recognised_on::text as recognised_on, t.valid_until::text as valid_until
      from enterprise_titles t where t.enterprise_id = ${enterpriseId} and ${titleHeldOn(day)}
      order by ${TIER_RANK} desc, t.recognised_on desc limit 1`),
  );
  const r = rows[0];
  return r ? { id: r.id, tier: r.tier, status: r.status, recognisedOn: r.recognised_on, validUntil: r.valid_until } : undefined;
}

/**
 * Every title of the enterprises in the scope with its period, as a subquery: title_id, enterprise_id,
 * district_code, district_name, tier, status, recognised_on, revoked_on, and
 * - last_day: the last day it was held when it ended other than by revocation (ended_on, or the
 *   validity once it ran out by `today`; a title under 复核 has none until the result);
 * - held_until: the last day it is held as far as known (the day before a revocation, the end, the
 *   validity; none while under 复核);
 * - renewal: it continued an earlier title of the tier the day after that one's last day (a passed 复核);
 * - renewed: a later title of the tier continued it the day after its last day.
 */
export function titlePeriods(scope: Scope, today: string, districtCode?: string): SQL {
  const lastDay = sql`case when t.revoked_on is not null or t.status = 'revoked' then null
      when t.ended_on is not null then t.ended_on
      when t.status <> 'under_review' and t.valid_until < ${today}::date then t.valid_until end`;
  // Renewals from the neighbours in the enterprise's titles of the tier (a window, not a subquery per title).
  return sql`select w.title_id, w.enterprise_id, w.district_code, w.district_name, w.tier, w.status, w.recognised_on, w.revoked_on,
      w.last_day, w.held_until,
      coalesce(w.previous_end = w.recognised_on - 1 and not w.previous_revoked, false) as renewal,
      coalesce(w.next_start = w.own_end + 1, false) as renewed
    from (
      select t.id as title_id, t.enterprise_id, enterprises.district_code, districts.name as district_name,
        t.tier, t.status, t.recognised_on, t.revoked_on, ${lastDay} as last_day,
        case when t.revoked_on is not null then t.revoked_on - 1 when t.status = 'revoked' then t.recognised_on - 1
          when t.ended_on is not null then t.ended_on when t.status = 'under_review' then null else t.valid_until end as held_until,
        coalesce(t.ended_on, t.valid_until) as own_end,
        lag(coalesce(t.ended_on, t.valid_until)) over tier_titles as previous_end,
        coalesce(lag(t.revoked_on is not null) over tier_titles, false) as previous_revoked,
        lead(t.recognised_on) over tier_titles as next_start
      from enterprise_titles t
      join enterprises on enterprises.id = t.enterprise_id
      join districts on districts.code = enterprises.district_code
      where true${scopeFilter(scope)}${placeFilter(districtCode)}
      window tier_titles as (partition by t.enterprise_id, t.tier order by t.recognised_on, t.id)
    ) w`;
}
