import type { DbOrTx } from '../../db/database.js';
import { type BulletinSettings, settingsFromStored } from '../../domain/bulletins/settings.js';
import { selectSettingsRow } from './bulletins.repo.js';

/** The 通报 settings in force (the stored row, else the DEFAULTs) with the row's version. */
export async function loadBulletinSettings(db: DbOrTx): Promise<{ settings: BulletinSettings; version: number; updatedAt: Date | null }> {
  const row = await selectSettingsRow(db);
  return { settings: settingsFromStored(row?.values), version: row?.version ?? 0, updatedAt: row?.updatedAt ?? null };
}
