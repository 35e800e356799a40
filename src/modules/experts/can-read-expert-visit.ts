import type { DbOrTx } from '../../db/database.js';
import { type Actor, can } from '../../server/access.js';
import { selectVisibleVisit, visitsVisibleTo } from './experts.repo.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether the actor may read a visit (and so its attachments): the expert who wrote it, the city,
 * the district officers of the enterprise and the enterprise itself. A scoped query, not load-then-check.
 */
export async function canReadExpertVisit(db: DbOrTx, actor: Actor, visitId: string): Promise<boolean> {
  if (!can(actor, 'expert.visits.read') || !UUID.test(visitId)) return false;
  return (await selectVisibleVisit(db, visitId, visitsVisibleTo(actor))) !== undefined;
}
