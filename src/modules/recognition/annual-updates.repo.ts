// 年度信息更新 (part D): the deadlines the city set, the updates enterprises made, the reminders sent.
// The registry (who holds a title, the yearly figures) is read through the enterprises module.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { rowsOf } from '../../db/rows.js';
import { annualUpdateDeadlines, annualUpdateReminders, annualUpdates } from '../../db/schema/index.js';
import type { Scope } from '../../server/access.js';
import { titleHolderCounts } from '../enterprises/registry-counts.repo.js';
import { anyTitleHeldOn, titleHoldersOn } from '../enterprises/title-views.repo.js';

export type AnnualUpdateRow = typeof annualUpdates.$inferSelect;

/** The deadlines the city set, by data year (the others follow the rule regime). */
export async function selectDeadlineSettings(db: DbOrTx, years?: number[]): Promise<Map<number, string>> {
  const rows = await db
    .select({ dataYear: annualUpdateDeadlines.dataYear, dueOn: annualUpdateDeadlines.dueOn })
    .from(annualUpdateDeadlines)
    .where(years ? inArray(annualUpdateDeadlines.dataYear, years.length ? years : [-1]) : undefined);
  return new Map(rows.map((r) => [r.dataYear, r.dueOn]));
}

export async function upsertDeadline(db: DbOrTx, dataYear: number, dueOn: string, setBy: string) {
  const [before] = await db.select().from(annualUpdateDeadlines).where(eq(annualUpdateDeadlines.dataYear, dataYear));
  const [row] = await db
    .insert(annualUpdateDeadlines)
    .values({ dataYear, dueOn, setBy, setAt: new Date() })
    .onConflictDoUpdate({ target: annualUpdateDeadlines.dataYear, set: { dueOn, setBy, setAt: new Date() } })
    .returning();
  return { before, row };
}

/** An enterprise's updates, latest data year first. */
export function selectUpdatesOf(db: DbOrTx, enterpriseId: string): Promise<AnnualUpdateRow[]> {
  return db.select().from(annualUpdates).where(eq(annualUpdates.enterpriseId, enterpriseId)).orderBy(sql`${annualUpdates.dataYear} desc`);
}

/**
 * Records the update of a year. The first one decides whether it was on time; an update made again
 * (a correction) keeps it, and a late one followed by nothing never becomes on time.
 */
export async function recordUpdate(db: DbOrTx, row: { enterpriseId: string; dataYear: number; submittedBy: string; onTime: boolean }) {
  const [saved] = await db
    .insert(annualUpdates)
    .values({ ...row, submittedAt: new Date() })
    .onConflictDoUpdate({
      target: [annualUpdates.enterpriseId, annualUpdates.dataYear],
      set: { onTime: sql`${annualUpdates.onTime} or excluded.on_time` },
    })
    .returning();
  return saved;
}

export interface HolderUpdateRow {
  enterpriseId: string;
  name: string;
  uscc: string;
  districtCode: string;
  districtName: string;
  tier: string;
  submittedAt: string | null;
  onTime: boolean | null;
}

/**
 * The holders of a title on `day` in the scope with their update of `dataYear` (if any), a page of
 * them by district and name; `status` missing = not updated, done = updated.
 */
export async function selectHolderUpdates(
  db: DbOrTx,
  q: { scope: Scope; day: string; dataYear: number; districtCode?: string; status?: 'missing' | 'done'; limit: number; offset: number },
): Promise<{ items: HolderUpdateRow[]; total: number }> {
  const base = sql`from (${titleHoldersOn(q.scope, q.day, q.districtCode)}) h
    left join annual_updates u on u.enterprise_id = h.enterprise_id and u.data_year = ${q.dataYear}
    where ${q.status === 'missing' ? sql`u.enterprise_id is null` : q.status === 'done' ? sql`u.enterprise_id is not null` : sql`true`}`;
  const [items, totals] = await Promise.all([
    db.execute(sql`select h.enterprise_id, h.name, h.uscc, h.district_code, h.district_name, h.tier,
        u.submitted_at, u.on_time
      ${base} order by h.district_code, h.name, h.enterprise_id limit ${q.limit} offset ${q.offset}`),
    db.execute(sql`select count(*)::int as n ${base}`),
  ]);
  return {
    items: rowsOf<Record<string, unknown>>(items).map((r) => ({
      enterpriseId: r.enterprise_id as string,
      name: r.name as string,
      uscc: r.uscc as string,
      districtCode: r.district_code as string,
      districtName: r.district_name as string,
      tier: r.tier as string,
      submittedAt: r.submitted_at == null ? null : new Date(r.submitted_at as string).toISOString(),
      onTime: (r.on_time as boolean | null) ?? null,
    })),
    total: Number(rowsOf<{ n: number }>(totals)[0]?.n ?? 0),
  };
}

/**
 * Claims the reminder of `daysBefore` for the holders on `day` (all of them) that have not updated
 * `dataYear` and were not told at this threshold before: the rows inserted are the enterprises to
 * tell now. In the sweep's transaction, so a failed send claims nothing.
 */
export async function claimReminders(db: DbOrTx, q: { day: string; dataYear: number; daysBefore: number }) {
  const rows = rowsOf<{ enterprise_id: string }>(
    await db.execute(sql`insert into annual_update_reminders (enterprise_id, data_year, days_before)
      select h.enterprise_id, ${q.dataYear}, ${q.daysBefore}
      from (${titleHoldersOn({ kind: 'all' }, q.day)}) h
      where not exists (select 1 from annual_updates u where u.enterprise_id = h.enterprise_id and u.data_year = ${q.dataYear})
      on conflict do nothing
      returning enterprise_id`),
  );
  return rows.map((r) => r.enterprise_id);
}

/** How many reminders an enterprise got for a data year (tests and the form's history). */
export async function selectRemindersOf(db: DbOrTx, enterpriseId: string, dataYear: number) {
  return db
    .select()
    .from(annualUpdateReminders)
    .where(and(eq(annualUpdateReminders.enterpriseId, enterpriseId), eq(annualUpdateReminders.dataYear, dataYear)))
    .orderBy(asc(annualUpdateReminders.daysBefore));
}

/**
 * Per unit (district or functional zone: an enterprise counts in both), the holders of a title on
 * `day` and how many of them updated `dataYear` by the end of `updatedBy` — one statement for every
 * unit (the 通报).
 */
export async function selectUnitHolderUpdateCounts(
  db: DbOrTx,
  q: { day: string; dataYear: number; updatedBy: string },
): Promise<{ unitCode: string; holders: number; updated: number }[]> {
  // From the registry's tallies: the holders per place summed, the updates joined to the holders by
  // key (a scan of every title held took 0.9 s at a million enterprises).
  const rows = rowsOf<{ unit_code: string; holders: number; updated: number }>(
    await db.execute(sql`with per_place as (
        select h.district_code, h.zone_code, h.n as holders, 0 as updated from (${titleHolderCounts(['any'], q.day)}) h
        union all
        select h.district_code, h.zone_code, 0, count(*)::int from annual_updates u
          join (${anyTitleHeldOn(q.day)}) h on h.enterprise_id = u.enterprise_id
          where u.data_year = ${q.dataYear} and u.submitted_at < ((${q.updatedBy}::date + 1)::timestamp at time zone 'Asia/Shanghai')
          group by h.district_code, h.zone_code)
      select v.unit_code, sum(p.holders)::int as holders, sum(p.updated)::int as updated
      from per_place p cross join lateral (values (p.district_code), (p.zone_code)) v(unit_code)
      where v.unit_code is not null
      group by v.unit_code having sum(p.holders) > 0`),
  );
  return rows.map((r) => ({ unitCode: r.unit_code, holders: Number(r.holders), updated: Number(r.updated) }));
}
