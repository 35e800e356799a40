import { TIERS, type Tier } from '../../domain/enterprise-rules.js';
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { countPool } from './pool.repo.js';

/**
 * Per tier, the enterprises of the officer's scope whose hard conditions are all met and a question
 * the rules leave to a person (人工审核事项) is still open: 后备库 filtered by tier and status=review
 * lists exactly these.
 */
export async function countReviewQuestions(ctx: AppContext, actor: Actor | null): Promise<Record<Tier, number>> {
  const who = requireAccess(actor, 'evaluation.pool');
  const scope = scopeOf(who);
  const counts = await Promise.all(TIERS.map((tier) => countPool(ctx.db, scope, { tier, status: 'review' })));
  return Object.fromEntries(TIERS.map((t, i) => [t, counts[i]])) as Record<Tier, number>;
}
