import type { DbOrTx } from '../../db/database.js';
import { type Actor, scopeOf } from '../../server/access.js';
import { titleInScope } from '../enterprises/titles.repo.js';

/** Evidence of a revocation (file owner 'title_revocation'): whoever may read the enterprise whose title it is. */
export function canReadTitleRevocation(db: DbOrTx, actor: Actor, titleId: string): Promise<boolean> {
  return titleInScope(db, scopeOf(actor), titleId);
}
