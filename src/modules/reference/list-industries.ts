import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { unauthenticated } from '../../server/errors.js';
import { selectIndustries } from './reference.repo.js';

/** Reference lists are public facts: any logged-in actor may read them. */
export function listIndustries(ctx: AppContext, actor: Actor | null) {
  if (!actor) throw unauthenticated();
  return selectIndustries(ctx.db);
}
