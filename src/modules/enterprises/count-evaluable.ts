import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { countEnterprisesInScope } from './registry-views.repo.js';

/** How many enterprises a batch evaluation by this actor covers. */
export function countEvaluable(ctx: AppContext, actor: Actor | null): Promise<number> {
  const who = requireAccess(actor, 'evaluation.run');
  return countEnterprisesInScope(ctx.db, scopeOf(who));
}
