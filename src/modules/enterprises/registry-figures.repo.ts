// The cockpit's (数据驾驶舱) registry figures: enterprises in a place, and the holders of a valid title
// per tier on a day, in one statement. The conditions are the list filters' (`district`, `title`), so
// that each figure equals the total of its list. At province scale the cockpit reads the same counts
// from the tallies the triggers keep (tallyRegistry).
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { rowsOf } from '../../db/rows.js';
import type { Scope } from '../../server/access.js';
import { enterpriseScopeCondition } from './enterprises.repo.js';
import { titleHeldOn } from './title-views.repo.js';

export interface RegistryCounts {
  total: number;
  /** Enterprises holding a valid title of the tier on the day (one enterprise may count under two). */
  titles: { innovative: number; srdi: number; little_giant: number };
}

function where(scope: Scope, place: string | undefined): SQL {
  const conditions = [
    enterpriseScopeCondition(scope),
    place ? sql`(enterprises.district_code = ${place} or enterprises.zone_code = ${place})` : undefined,
  ].filter((c): c is SQL => c !== undefined);
  return conditions.length
    ? sql.join(
        conditions.map((c) => sql`(${c})`),
        sql` and `,
      )
    : sql`true`;
}

/** The enterprises of the scope and place (a district or zone code), and per tier those holding a title of it on `day`. */
export async function countRegistry(db: DbOrTx, scope: Scope, place: string | undefined, day: string): Promise<RegistryCounts> {
  const inPlace = where(scope, place);
  const result = await db.execute(sql`
    with held as (
      select t.tier, count(distinct t.enterprise_id)::int as n
      from enterprise_titles t join enterprises on enterprises.id = t.enterprise_id
      where ${titleHeldOn(day)} and ${inPlace}
      group by t.tier)
    select (select count(*)::int from enterprises where ${inPlace}) as total,
      coalesce((select n from held where tier = 'innovative'), 0) as innovative,
      coalesce((select n from held where tier = 'srdi'), 0) as srdi,
      coalesce((select n from held where tier = 'little_giant'), 0) as little_giant`);
  const [row] = rowsOf<{ total: number; innovative: number; srdi: number; little_giant: number }>(result);
  return {
    total: Number(row.total),
    titles: { innovative: Number(row.innovative), srdi: Number(row.srdi), little_giant: Number(row.little_giant) },
  };
}

/**
 * The same counts for a place (or the city) from the tallies the triggers keep (migration 0023): a sum
 * over the places' rows and, per tier, over the changes in holders up to the day. What the cockpit
 * reads at province scale; equal to countRegistry by construction (test/enterprises/registry-tallies).
 */
export async function tallyRegistry(db: DbOrTx, place: string | undefined, day: string): Promise<RegistryCounts> {
  const inPlace = place ? sql`(district_code = ${place} or zone_code = ${place})` : sql`true`;
  const result = await db.execute(sql`
    select (select coalesce(sum(enterprises), 0)::int from registry_place_counts where ${inPlace}) as total,
      coalesce(sum(delta) filter (where tier = 'innovative'), 0)::int as innovative,
      coalesce(sum(delta) filter (where tier = 'srdi'), 0)::int as srdi,
      coalesce(sum(delta) filter (where tier = 'little_giant'), 0)::int as little_giant
    from title_holder_changes where day <= ${day}::date and ${inPlace}`);
  const [row] = rowsOf<{ total: number; innovative: number; srdi: number; little_giant: number }>(result);
  return {
    total: Number(row.total),
    titles: { innovative: Number(row.innovative), srdi: Number(row.srdi), little_giant: Number(row.little_giant) },
  };
}
