import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { monitoringSettings } from '../../db/schema/index.js';

// The only SQL on monitoring_settings: one row ('default').

export type SettingsRow = typeof monitoringSettings.$inferSelect;

export async function selectSettingsRow(db: DbOrTx): Promise<SettingsRow | undefined> {
  const [row] = await db.select().from(monitoringSettings).where(eq(monitoringSettings.id, 'default')).limit(1);
  return row;
}

/** Locks the row for an update (creating it first if absent) and returns it. */
export async function lockSettingsRow(tx: DbOrTx, values: unknown): Promise<SettingsRow> {
  await tx.insert(monitoringSettings).values({ id: 'default', values, version: 0 }).onConflictDoNothing();
  const [row] = await tx.select().from(monitoringSettings).where(eq(monitoringSettings.id, 'default')).for('update');
  return row as SettingsRow;
}

export async function updateSettingsRow(tx: DbOrTx, values: unknown, userId: string): Promise<SettingsRow> {
  const [row] = await tx
    .update(monitoringSettings)
    .set({ values, updatedBy: userId, updatedAt: new Date(), version: sql`${monitoringSettings.version} + 1` })
    .where(eq(monitoringSettings.id, 'default'))
    .returning();
  return row as SettingsRow;
}
