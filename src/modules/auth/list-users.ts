import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { listUsers as selectUsers, type UserFilter } from './users.repo.js';

export function listUsers(ctx: AppContext, actor: Actor | null, filter: UserFilter) {
  requireAccess(actor, 'user.read');
  return selectUsers(ctx.db, filter);
}
