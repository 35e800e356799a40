import { type MonitoringSettings, mergeSettings, monitoringSettingsSchema } from '../../domain/monitoring/settings.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { forgetMonitoringSettings } from './load-settings.js';
import { settingsInvalid } from './monitoring.errors.js';
import { lockSettingsRow, updateSettingsRow } from './settings.repo.js';

/** The city sets the monitoring settings (监测设置): every field validated, the change audited. */
export async function setMonitoringSettings(ctx: AppContext, actor: Actor | null, input: unknown): Promise<MonitoringSettings> {
  const who = requireAccess(actor, 'monitoring.settings.manage');
  const parsed = monitoringSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw settingsInvalid(issues);
  }
  const next = { ...parsed.data, rdMonths: [...parsed.data.rdMonths].sort((a, b) => a - b) };
  const saved = await ctx.db.transaction(async (tx) => {
    const row = await lockSettingsRow(tx, next);
    const before = mergeSettings(row.values);
    await updateSettingsRow(tx, next, who.userId);
    await writeAudit(tx, who, {
      action: 'monitoring.settings_update',
      entityType: 'monitoring_settings',
      entityId: null,
      before,
      after: next,
    });
    return next;
  });
  forgetMonitoringSettings(ctx.db);
  return saved;
}
