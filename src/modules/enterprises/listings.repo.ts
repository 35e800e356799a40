// The listing record (上市进程) of the registry: one row per enterprise and stage reached.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { enterpriseListings } from '../../db/schema/index.js';

export type ListingRow = typeof enterpriseListings.$inferSelect;

export function selectListings(db: DbOrTx, enterpriseId: string): Promise<ListingRow[]> {
  return db
    .select()
    .from(enterpriseListings)
    .where(eq(enterpriseListings.enterpriseId, enterpriseId))
    .orderBy(asc(enterpriseListings.reachedOn), asc(enterpriseListings.stage));
}

export async function selectListing(db: DbOrTx, enterpriseId: string, stage: string): Promise<ListingRow | undefined> {
  const [row] = await db
    .select()
    .from(enterpriseListings)
    .where(and(eq(enterpriseListings.enterpriseId, enterpriseId), eq(enterpriseListings.stage, stage)))
    .for('update');
  return row;
}

/** Records a stage (or changes its date, market and note). */
export async function upsertListing(
  db: DbOrTx,
  values: { enterpriseId: string; stage: string; reachedOn: string; market: string | null; note: string | null; createdBy: string },
): Promise<ListingRow> {
  const [row] = await db
    .insert(enterpriseListings)
    .values(values)
    .onConflictDoUpdate({
      target: [enterpriseListings.enterpriseId, enterpriseListings.stage],
      set: { reachedOn: sql`excluded.reached_on`, market: sql`excluded.market`, note: sql`excluded.note` },
    })
    .returning();
  return row;
}

export async function deleteListing(db: DbOrTx, enterpriseId: string, stage: string): Promise<boolean> {
  const rows = await db
    .delete(enterpriseListings)
    .where(and(eq(enterpriseListings.enterpriseId, enterpriseId), eq(enterpriseListings.stage, stage)))
    .returning({ id: enterpriseListings.id });
  return rows.length > 0;
}
