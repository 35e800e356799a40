import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { selectEnterprises } from './enterprises.repo.js';

export interface EnterpriseFilter {
  q?: string;
  district?: string;
  page: number;
  pageSize: number;
}

export function listEnterprises(ctx: AppContext, actor: Actor | null, filter: EnterpriseFilter) {
  const who = requireAccess(actor, 'enterprise.read');
  return selectEnterprises(ctx.db, scopeOf(who), filter);
}
