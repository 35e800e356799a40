import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { selectEnterprisePage } from './enterprises.repo.js';
import type { ListQuery } from './enterprises.schemas.js';

export function listEnterprises(ctx: AppContext, actor: Actor | null, filter: ListQuery) {
  const who = requireAccess(actor, 'enterprise.read');
  return selectEnterprisePage(ctx.db, scopeOf(who), filter);
}
