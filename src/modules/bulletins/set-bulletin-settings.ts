import {
  BULLETIN_DEFAULTS,
  bulletinSettingsSchema,
  inCatalogueOrder,
  settingsFromStored,
  weightSum,
} from '../../domain/bulletins/settings.js';
import { type Actor, requireAccess } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { settingsInvalid, weightsSum } from './bulletins.errors.js';
import { lockSettingsRow, updateSettingsRow } from './bulletins.repo.js';
import { presentSettings } from './present-settings.js';

/**
 * The city sets the 通报 settings: every indicator once, integer weights summing to 100 (else
 * BULLETIN_WEIGHTS_SUM), a method the indicator allows, the cap; nothing is written on a refusal.
 */
export async function setBulletinSettings(ctx: AppContext, actor: Actor | null, input: unknown) {
  const who = requireAccess(actor, 'bulletins.manage');
  const parsed = bulletinSettingsSchema.safeParse(input);
  if (!parsed.success) throw settingsInvalid(parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
  const sum = weightSum(parsed.data);
  if (sum !== 100) throw weightsSum(sum);
  const next = inCatalogueOrder(parsed.data);
  return ctx.db.transaction(async (tx) => {
    const row = await lockSettingsRow(tx, BULLETIN_DEFAULTS);
    const before = settingsFromStored(row.values);
    const saved = await updateSettingsRow(tx, next, who.userId);
    await writeAudit(tx, who, { action: 'bulletin.settings_update', entityType: 'bulletin_settings', entityId: null, before, after: next });
    return presentSettings(next, saved.version, saved.updatedAt);
  });
}
