import type { DbOrTx } from '../../db/database.js';
import { type MonitoringSettings, mergeSettings } from '../../domain/monitoring/settings.js';
import { shortCache } from '../../server/short-cache.js';
import { selectSettingsRow } from './settings.repo.js';

/** The monitoring settings in force: the stored row merged over the defaults. */
export async function loadMonitoringSettings(db: DbOrTx): Promise<MonitoringSettings> {
  const row = await selectSettingsRow(db);
  return mergeSettings(row?.values);
}

const cached = shortCache<MonitoringSettings>(2000);

/** The same, kept for 2 s per database in this process (the report PUT's path); cleared by a change here. */
export function loadMonitoringSettingsCached(db: DbOrTx): Promise<MonitoringSettings> {
  return cached.get(db, () => loadMonitoringSettings(db));
}

/** After a change of the settings: this process reads them again at once. */
export function forgetMonitoringSettings(db: DbOrTx): void {
  cached.clear(db);
}
