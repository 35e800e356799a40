import type { DbOrTx } from '../../db/database.js';
import type { Actor } from '../../server/access.js';
import { notFound } from '../../server/errors.js';
import { type ApplicationRow, selectVisibleApplication } from './applications.repo.js';

/**
 * The application through the actor's scope (city all; district: district_code/zone_code = actor's;
 * enterprise: its own; expert: only if assigned in recognition_expert_reviews); 404 notFound() otherwise.
 * With `forUpdate` (inside a transaction) the row is locked until the transaction ends.
 */
export async function loadApplication(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<ApplicationRow> {
  const row = await selectVisibleApplication(db, actor, id, opts);
  if (!row) throw notFound();
  return row;
}

export { presentApplication } from './present-application.js';
