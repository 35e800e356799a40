import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { loadBulletinSettings } from './load-bulletin-settings.js';
import { presentSettings } from './present-settings.js';

/** 通报设置: officers read the indicators, weights and methods in force. */
export async function getBulletinSettings(ctx: AppContext, actor: Actor | null) {
  requireAccess(actor, 'bulletins.read');
  const { settings, version, updatedAt } = await loadBulletinSettings(ctx.db);
  return presentSettings(settings, version, updatedAt);
}
