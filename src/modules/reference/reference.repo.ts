import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { clusters, districts, industries } from '../../db/schema/index.js';

export type ClusterRow = typeof clusters.$inferSelect;

export function selectDistricts(db: DbOrTx) {
  return db.select().from(districts).orderBy(asc(districts.sortOrder));
}

export async function selectDistrict(db: DbOrTx, code: string) {
  const rows = await db.select().from(districts).where(eq(districts.code, code)).limit(1);
  return rows[0];
}

export function selectIndustries(db: DbOrTx) {
  return db.select().from(industries).orderBy(asc(industries.code));
}

export function selectClusters(db: DbOrTx) {
  return db.select().from(clusters).orderBy(asc(clusters.sortOrder));
}

export async function selectCluster(db: DbOrTx, code: string) {
  const rows = await db.select().from(clusters).where(eq(clusters.code, code)).limit(1);
  return rows[0];
}

export async function insertCluster(db: DbOrTx, values: typeof clusters.$inferInsert) {
  const rows = await db.insert(clusters).values(values).onConflictDoNothing().returning();
  return rows[0];
}

export async function updateCluster(db: DbOrTx, code: string, version: number, values: Partial<typeof clusters.$inferInsert>) {
  const rows = await db
    .update(clusters)
    .set({ ...values, version: version + 1 })
    .where(and(eq(clusters.code, code), eq(clusters.version, version)))
    .returning();
  return rows[0];
}
