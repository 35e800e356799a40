import type { DbOrTx } from '../../db/database.js';
import { type Actor, can } from '../../server/access.js';
import { selectVisibleApplication } from './applications.repo.js';

/**
 * Whether the actor may read an application (and so its evidence files): whoever may read the
 * application. A scoped query, not load-then-check.
 */
export async function canReadApplication(db: DbOrTx, actor: Actor, applicationId: string): Promise<boolean> {
  if (!can(actor, 'recognition.read')) return false;
  return (await selectVisibleApplication(db, actor, applicationId)) !== undefined;
}
