import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { calendarDays, calendarReminders, calendarYears } from '../../db/schema/index.js';

export type CalendarDayRow = typeof calendarDays.$inferSelect;
export type CalendarYearRow = typeof calendarYears.$inferSelect;

/** Every listed day of every year (a few dozen a year): what the working-day computations need. */
export function selectAllDays(db: DbOrTx): Promise<{ date: string; kind: string }[]> {
  return db.select({ date: calendarDays.date, kind: calendarDays.kind }).from(calendarDays);
}

export function selectYears(db: DbOrTx): Promise<CalendarYearRow[]> {
  return db.select().from(calendarYears).orderBy(asc(calendarYears.year));
}

export async function selectYear(db: DbOrTx, year: number): Promise<CalendarYearRow | undefined> {
  const rows = await db.select().from(calendarYears).where(eq(calendarYears.year, year)).limit(1);
  return rows[0];
}

/** Locks the year's row (creating none): two administrators saving one year wait for each other. */
export async function lockYear(tx: DbOrTx, year: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('calendar_year'), ${year})`);
}

export function selectYearDays(db: DbOrTx, year: number): Promise<CalendarDayRow[]> {
  return db.select().from(calendarDays).where(eq(calendarDays.year, year)).orderBy(asc(calendarDays.date));
}

/** Counts of days off and make-up working days per year. */
export function countDaysByYear(db: DbOrTx): Promise<{ year: number; off: number; work: number }[]> {
  return db
    .select({
      year: calendarDays.year,
      off: sql<number>`count(*) filter (where ${calendarDays.kind} = 'off')::int`,
      work: sql<number>`count(*) filter (where ${calendarDays.kind} = 'work')::int`,
    })
    .from(calendarDays)
    .groupBy(calendarDays.year);
}

/** Replaces the listed days of a year and marks the year maintained by this user. */
export async function replaceYearDays(
  tx: DbOrTx,
  year: number,
  days: { date: string; kind: 'off' | 'work'; name: string }[],
  meta: { source: string | null; maintainedBy: string; maintainedAt: Date },
): Promise<void> {
  await tx.delete(calendarDays).where(eq(calendarDays.year, year));
  if (days.length) await tx.insert(calendarDays).values(days.map((d) => ({ ...d, year, source: meta.source })));
  await tx
    .insert(calendarYears)
    .values({ year, ...meta })
    .onConflictDoUpdate({ target: calendarYears.year, set: meta });
}

/** Records that the administrators were told about these years; returns the years not told before. */
export async function claimReminders(tx: DbOrTx, years: number[]): Promise<number[]> {
  if (!years.length) return [];
  const rows = await tx
    .insert(calendarReminders)
    .values(years.map((year) => ({ year })))
    .onConflictDoNothing()
    .returning({ year: calendarReminders.year });
  return rows.map((r) => r.year).sort((a, b) => a - b);
}
