import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { selectBulletinList, selectOwnPlaces } from './bulletins.repo.js';
import { ownUnitOf, presentListItem } from './present-bulletin.js';

/** 已发布的通报, latest first; a district officer sees its own place in each. */
export async function listBulletins(ctx: AppContext, actor: Actor | null) {
  const who = requireAccess(actor, 'bulletins.read');
  const own = ownUnitOf(who);
  const [rows, places] = await Promise.all([selectBulletinList(ctx.db), own ? selectOwnPlaces(ctx.db, own) : Promise.resolve(new Map())]);
  return { items: rows.map((r) => presentListItem(r, places.get(r.id) ?? null)) };
}
