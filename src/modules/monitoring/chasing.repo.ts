import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { rowsOf } from '../../db/rows.js';
import { districts, enterprises, monitoringReminders } from '../../db/schema/index.js';
import type { Scope } from '../../server/access.js';
import { listConditions } from '../enterprises/enterprises.repo.js';
import { inSampleCondition } from './sample.repo.js';

// Chasing (催报): who in the sample has not reported a month, the reminders sent (monitoring_reminders)
// and the reporting rates. "Reported" = a report counted or waiting for explanations (已通过 / 待说明);
// a returned report (已退回) is waiting for a new submission, so its enterprise is chased again.

export interface PeriodRef {
  year: number;
  month: number;
}

/** On `enterprises` rows: no report of the period that is counted or waiting for explanations. */
export function notReportedCondition(p: PeriodRef): SQL {
  return sql`not exists (select 1 from monitoring_reports r where r.enterprise_id = ${enterprises.id}
    and r.year = ${p.year} and r.month = ${p.month} and r.status in ('accepted', 'needs_explanation'))`;
}

const nonReporters = (scope: Scope, p: PeriodRef, district?: string) =>
  and(inSampleCondition(), listConditions(scope, { district }), notReportedCondition(p));

/** One page of the sample's non-reporters of a month in the scope, with the reminders of that month. */
export async function selectNonReporterPage(
  db: DbOrTx,
  scope: Scope,
  p: PeriodRef & { district?: string; page: number; pageSize: number },
) {
  const where = nonReporters(scope, p, p.district);
  const reminders = sql`(select count(*) from monitoring_reminders m where m.enterprise_id = ${enterprises.id} and m.year = ${p.year} and m.month = ${p.month})`;
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        enterpriseId: enterprises.id,
        enterpriseName: enterprises.name,
        uscc: enterprises.uscc,
        districtName: districts.name,
        contactName: enterprises.contactName,
        contactPhone: enterprises.contactPhone,
        returned: sql<boolean>`exists (select 1 from monitoring_reports r where r.enterprise_id = ${enterprises.id}
          and r.year = ${p.year} and r.month = ${p.month} and r.status = 'returned')`,
        lastRemindedOn: sql<string | null>`(select max(m.sent_on)::text from monitoring_reminders m
          where m.enterprise_id = ${enterprises.id} and m.year = ${p.year} and m.month = ${p.month})`,
        reminders: sql<number>`${reminders}`.mapWith(Number),
      })
      .from(enterprises)
      .leftJoin(districts, eq(districts.code, enterprises.districtCode))
      .where(where)
      .orderBy(asc(enterprises.districtCode), asc(enterprises.name), asc(enterprises.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ total: count() }).from(enterprises).where(where),
  ]);
  return { items, total };
}

/** The enterprises among `ids` that the scope covers (to refuse the others as absent). */
export async function selectIdsInScope(db: DbOrTx, scope: Scope, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(sql`${enterprises.id} = any(${sql.param(ids)}::uuid[])`, listConditions(scope, {})));
  return new Set(rows.map((r) => r.id));
}

/**
 * 再次提醒: records a manual reminder for the non-reporters of the scope (all, or those of `ids`),
 * at most one per enterprise and day (the key); returns the enterprises that got one now.
 */
export async function claimManualReminders(
  tx: DbOrTx,
  scope: Scope,
  p: PeriodRef & { ids?: string[]; day: string; sentBy: string; districtCode: string | null },
): Promise<string[]> {
  const only = p.ids ? sql`and ${enterprises.id} = any(${sql.param(p.ids)}::uuid[])` : sql``;
  const rows = await tx.execute<{ enterprise_id: string }>(sql`
    insert into monitoring_reminders (enterprise_id, year, month, kind, sent_on, sent_by, district_code)
    select ${enterprises.id}, ${p.year}::int, ${p.month}::int, 'manual', ${p.day}::date, ${p.sentBy}::uuid, ${p.districtCode}::text
    from ${enterprises} where ${nonReporters(scope, p)} ${only}
    order by ${enterprises.id}
    on conflict do nothing
    returning enterprise_id`);
  return rowsOf<{ enterprise_id: string }>(rows).map((r) => r.enterprise_id);
}

/** The non-reporters of the scope among `ids` (all when absent): how many a reminder addresses. */
export async function countNonReporters(db: DbOrTx, scope: Scope, p: PeriodRef & { ids?: string[] }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(enterprises)
    .where(and(nonReporters(scope, p), p.ids ? sql`${enterprises.id} = any(${sql.param(p.ids)}::uuid[])` : undefined));
  return row.n;
}

/**
 * An automatic reminder (before_due | due_day | overdue | opening): claims it for every non-reporter
 * of the whole sample that has not had this kind for the period yet; once per enterprise, period
 * and kind whatever the day. Returns the enterprises that got it now.
 */
export async function claimAutomaticReminders(tx: DbOrTx, p: PeriodRef & { kind: string; day: string }): Promise<string[]> {
  const rows = await tx.execute<{ enterprise_id: string }>(sql`
    insert into monitoring_reminders (enterprise_id, year, month, kind, sent_on, district_code)
    select ${enterprises.id}, ${p.year}::int, ${p.month}::int, ${p.kind}::text, ${p.day}::date, ${enterprises.districtCode}
    from ${enterprises}
    where ${nonReporters({ kind: 'all' }, p)}
      and not exists (select 1 from monitoring_reminders m where m.enterprise_id = ${enterprises.id}
        and m.year = ${p.year} and m.month = ${p.month} and m.kind = ${p.kind})
    order by ${enterprises.id}
    on conflict do nothing
    returning enterprise_id`);
  return rowsOf<{ enterprise_id: string }>(rows).map((r) => r.enterprise_id);
}

/** 上报率 / 及时率 / 一次审核通过率 counts per district of the enterprises (their current district), in the scope. */
export async function selectRateCounts(db: DbOrTx, scope: Scope, p: PeriodRef) {
  const reported = sql`r.status in ('accepted', 'needs_explanation')`;
  return db
    .select({
      districtCode: enterprises.districtCode,
      districtName: districts.name,
      sample: count(),
      reported: sql<number>`count(*) filter (where ${reported})`.mapWith(Number),
      onTime: sql<number>`count(*) filter (where ${reported} and not r.late)`.mapWith(Number),
      firstPass: sql<number>`count(*) filter (where ${reported} and r.first_pass)`.mapWith(Number),
    })
    .from(enterprises)
    .leftJoin(sql`monitoring_reports r`, sql`r.enterprise_id = ${enterprises.id} and r.year = ${p.year} and r.month = ${p.month}`)
    .leftJoin(districts, eq(districts.code, enterprises.districtCode))
    .where(and(inSampleCondition(), listConditions(scope, {})))
    .groupBy(enterprises.districtCode, districts.name)
    .orderBy(enterprises.districtCode);
}

/** The reminders of an enterprise and month (tests, the history). */
export function selectReminders(db: DbOrTx, enterpriseId: string, p: PeriodRef) {
  return db
    .select()
    .from(monitoringReminders)
    .where(
      and(eq(monitoringReminders.enterpriseId, enterpriseId), eq(monitoringReminders.year, p.year), eq(monitoringReminders.month, p.month)),
    )
    .orderBy(monitoringReminders.sentAt);
}

/**
 * For the 通报's 上报率 / 及时率, grouped by (district, zone) — a few hundred groups the caller folds
 * into units — in two set-based statements that stay fast at a million enterprises:
 * - sample: the enterprises of today's sample (inSampleCondition written as a join: with a large
 *   'in' list its IN-subquery is not hashed and the plan turns quadratic);
 * - reports: the reports of the months (已通过 / 待说明 = reported; on time = not late), placed by
 *   the district and zone they were reported in.
 */
export async function selectPlaceSampleCounts(db: DbOrTx): Promise<{ districtCode: string; zoneCode: string | null; n: number }[]> {
  const rows = rowsOf<{ district_code: string; zone_code: string | null; n: number }>(
    await db.execute(sql`select e.district_code, e.zone_code, count(*)::int as n
      from enterprises e left join monitoring_sample s on s.enterprise_id = e.id
      where s.status = 'in' or (e.current_tier is not null and s.status is distinct from 'out')
      group by 1, 2`),
  );
  return rows.map((r) => ({ districtCode: r.district_code, zoneCode: r.zone_code, n: Number(r.n) }));
}

export async function selectPlaceReportCounts(db: DbOrTx, months: PeriodRef[]) {
  if (months.length === 0) return [];
  const pairs = sql.join(
    months.map((m) => sql`(r.year = ${m.year}::int and r.month = ${m.month}::int)`),
    sql` or `,
  );
  const rows = rowsOf<{ district_code: string; zone_code: string | null; reported: number; on_time: number }>(
    await db.execute(sql`select r.district_code, r.zone_code,
        count(*) filter (where r.status in ('accepted', 'needs_explanation'))::int as reported,
        count(*) filter (where r.status in ('accepted', 'needs_explanation') and not r.late)::int as on_time
      from monitoring_reports r where ${pairs}
      group by 1, 2`),
  );
  return rows.map((r) => ({
    districtCode: r.district_code,
    zoneCode: r.zone_code,
    reported: Number(r.reported),
    onTime: Number(r.on_time),
  }));
}
