import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { selectEnterpriseInScope } from './enterprises.repo.js';

/** One enterprise, if the actor's scope covers it; otherwise 404 as if it did not exist. */
export async function getEnterprise(ctx: AppContext, actor: Actor | null, id: string) {
  const who = requireAccess(actor, 'enterprise.read');
  // Loaded through the scope: outside it the query returns nothing (an assigned scope has no in-memory check).
  const enterprise = await selectEnterpriseInScope(ctx.db, scopeOf(who), id);
  if (!enterprise) throw notFound();
  return enterprise;
}
