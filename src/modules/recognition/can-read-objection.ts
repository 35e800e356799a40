import type { DbOrTx } from '../../db/database.js';
import { type Actor, can } from '../../server/access.js';
import { selectVisibleApplication } from './applications.repo.js';
import { selectObjection } from './objections.repo.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether the actor may read an objection's evidence files: whoever may read the objections of its
 * application (the city, the item's district), through the application's scoped query.
 */
export async function canReadObjection(db: DbOrTx, actor: Actor, objectionId: string): Promise<boolean> {
  if (!can(actor, 'recognition.objection.read') || !UUID.test(objectionId)) return false;
  const objection = await selectObjection(db, objectionId);
  return objection !== undefined && (await selectVisibleApplication(db, actor, objection.applicationId)) !== undefined;
}
