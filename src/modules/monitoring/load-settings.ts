import type { DbOrTx } from '../../db/database.js';
import { type MonitoringSettings, mergeSettings } from '../../domain/monitoring/settings.js';
import { selectSettingsRow } from './settings.repo.js';

/** The monitoring settings in force: the stored row merged over the defaults. */
export async function loadMonitoringSettings(db: DbOrTx): Promise<MonitoringSettings> {
  const row = await selectSettingsRow(db);
  return mergeSettings(row?.values);
}
