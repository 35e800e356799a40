// The pipeline pool (后备库): enterprises that already qualify for a tier they do not hold, or are
// within reach of it (one condition, or a few points, away), from the latest stored evaluations.
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { countPool, type PoolQuery, selectPoolPage } from './pool.repo.js';
import { openQuestionsOf } from './review-conditions.js';

export interface PoolFilter extends PoolQuery {
  page: number;
  pageSize: number;
}

export async function listPipelinePool(ctx: AppContext, actor: Actor | null, filter: PoolFilter) {
  const who = requireAccess(actor, 'evaluation.pool');
  const scope = scopeOf(who);
  const [items, total] = await Promise.all([
    selectPoolPage(ctx.db, scope, filter, { limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize }),
    countPool(ctx.db, scope, filter),
  ]);
  return {
    items: items.map(({ explanation, ...i }) => ({
      ...i,
      failed: i.failed as string[],
      missing: [...openQuestionsOf(explanation), ...(i.missing as string[])],
    })),
    total,
  };
}
