// The only SQL of the targets module: the targets table.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { targets } from '../../db/schema/index.js';

export type TargetRow = typeof targets.$inferSelect;
export type TargetInsert = typeof targets.$inferInsert;

/** The targets of a year, the city's first; `unitCodes` limits them (null = the city). */
export function selectTargets(db: DbOrTx, year: number, unitCodes?: (string | null)[]): Promise<TargetRow[]> {
  const where = [eq(targets.year, year)];
  if (unitCodes) {
    const codes = unitCodes.filter((c): c is string => c !== null);
    const withCity = unitCodes.includes(null);
    where.push(
      sql`(${codes.length ? sql`${targets.unitCode} = any(${sql.param(codes)}::text[])` : sql`false`}${withCity ? sql` or ${targets.unitCode} is null` : sql``})`,
    );
  }
  return db
    .select()
    .from(targets)
    .where(and(...where))
    .orderBy(sql`${targets.unitCode} nulls first`, asc(targets.indicator));
}

/** The target of a unit (null = the city), indicator and year, locked for the change when in a transaction. */
export async function selectTargetForUpdate(
  db: DbOrTx,
  unitCode: string | null,
  indicator: string,
  year: number,
): Promise<TargetRow | undefined> {
  const [row] = await db
    .select()
    .from(targets)
    .where(
      and(
        unitCode === null ? isNull(targets.unitCode) : eq(targets.unitCode, unitCode),
        eq(targets.indicator, indicator),
        eq(targets.year, year),
      ),
    )
    .for('update');
  return row;
}

/** Inserts a target; undefined when one for the unit, indicator and year appeared meanwhile. */
export async function insertTarget(db: DbOrTx, values: TargetInsert): Promise<TargetRow | undefined> {
  const [row] = await db.insert(targets).values(values).onConflictDoNothing().returning();
  return row;
}

/** Updates a target if its version still matches; undefined means someone else changed it first. */
export async function updateTargetVersioned(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<TargetInsert>,
): Promise<TargetRow | undefined> {
  const [row] = await db
    .update(targets)
    .set({ ...values, version: sql`${targets.version} + 1`, updatedAt: new Date() })
    .where(and(eq(targets.id, id), eq(targets.version, version)))
    .returning();
  return row;
}
