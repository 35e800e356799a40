import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { rowsOf } from '../../db/rows.js';
import { bulletinSettings, bulletins } from '../../db/schema/index.js';

// The only SQL on bulletin_settings (one row 'default') and bulletins (published, frozen).

export type BulletinRow = typeof bulletins.$inferSelect;
export type BulletinSettingsRow = typeof bulletinSettings.$inferSelect;

export async function selectSettingsRow(db: DbOrTx): Promise<BulletinSettingsRow | undefined> {
  const [row] = await db.select().from(bulletinSettings).where(eq(bulletinSettings.id, 'default')).limit(1);
  return row;
}

/** Locks the settings row for an update (creating it first if absent) and returns it. */
export async function lockSettingsRow(tx: DbOrTx, values: unknown): Promise<BulletinSettingsRow> {
  await tx.insert(bulletinSettings).values({ id: 'default', values, version: 0 }).onConflictDoNothing();
  const [row] = await tx.select().from(bulletinSettings).where(eq(bulletinSettings.id, 'default')).for('update');
  return row as BulletinSettingsRow;
}

export async function updateSettingsRow(tx: DbOrTx, values: unknown, userId: string): Promise<BulletinSettingsRow> {
  const [row] = await tx
    .update(bulletinSettings)
    .set({ values, updatedBy: userId, updatedAt: new Date(), version: sql`${bulletinSettings.version} + 1` })
    .where(eq(bulletinSettings.id, 'default'))
    .returning();
  return row as BulletinSettingsRow;
}

/** The latest revision of the latest 通报 of `periodKind` for a period before `period` (较上期). */
export async function selectPreviousBulletin(db: DbOrTx, periodKind: string, period: string): Promise<BulletinRow | undefined> {
  const [row] = await db
    .select()
    .from(bulletins)
    .where(and(eq(bulletins.periodKind, periodKind), lt(bulletins.period, period)))
    .orderBy(desc(bulletins.period), desc(bulletins.revision))
    .limit(1);
  return row;
}

/** The revisions published for a period, latest first (without their snapshots). */
export function selectRevisions(db: DbOrTx, periodKind: string, period: string) {
  return db
    .select({ id: bulletins.id, revision: bulletins.revision, title: bulletins.title, documentNo: bulletins.documentNo })
    .from(bulletins)
    .where(and(eq(bulletins.periodKind, periodKind), eq(bulletins.period, period)))
    .orderBy(desc(bulletins.revision));
}

/** Serialises publications of one period: a transaction-scoped advisory lock on its key. */
export async function lockPeriod(tx: DbOrTx, periodKind: string, period: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`bulletin:${periodKind}:${period}`}))`);
}

export async function insertBulletin(tx: DbOrTx, values: typeof bulletins.$inferInsert): Promise<BulletinRow> {
  const [row] = await tx.insert(bulletins).values(values).returning();
  return row as BulletinRow;
}

export async function selectBulletin(db: DbOrTx, id: string): Promise<BulletinRow | undefined> {
  const [row] = await db.select().from(bulletins).where(eq(bulletins.id, id)).limit(1);
  return row;
}

/** Every published 通报, latest publication first, without snapshots. */
export function selectBulletinList(db: DbOrTx) {
  return db
    .select({
      id: bulletins.id,
      periodKind: bulletins.periodKind,
      period: bulletins.period,
      revision: bulletins.revision,
      correctsId: bulletins.correctsId,
      title: bulletins.title,
      documentNo: bulletins.documentNo,
      asOf: bulletins.asOf,
      publishedAt: bulletins.publishedAt,
    })
    .from(bulletins)
    .orderBy(desc(bulletins.publishedAt), desc(bulletins.revision));
}

/** A unit's rank and total in every published 通报 (read from the snapshots in SQL): bulletin id → place. */
export async function selectOwnPlaces(db: DbOrTx, unitCode: string): Promise<Map<string, { rank: number; total: number }>> {
  const result = await db.execute(sql`select b.id, (u->>'rank')::int as rank, (u->>'total')::float8 as total
    from bulletins b cross join lateral jsonb_array_elements(b.snapshot->'units') u
    where u->>'code' = ${unitCode}`);
  const rows = rowsOf<{ id: string; rank: number; total: number }>(result);
  return new Map(rows.map((r) => [r.id, { rank: Number(r.rank), total: Number(r.total) }]));
}
