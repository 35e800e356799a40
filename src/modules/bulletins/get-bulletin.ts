import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { type BulletinRow, selectBulletin } from './bulletins.repo.js';
import { presentBulletin } from './present-bulletin.js';

/** A published 通报 as frozen (officers: the city and every district read every 通报). */
export async function loadReadableBulletin(ctx: AppContext, actor: Actor | null, id: string): Promise<{ row: BulletinRow; who: Actor }> {
  const who = requireAccess(actor, 'bulletins.read');
  const row = await selectBulletin(ctx.db, id);
  if (!row) throw notFound();
  return { row, who };
}

export async function getBulletin(ctx: AppContext, actor: Actor | null, id: string) {
  const { row, who } = await loadReadableBulletin(ctx, actor, id);
  return presentBulletin(row, who);
}
