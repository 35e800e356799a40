import { TIER_LABELS, TIERS, type Tier } from '../../domain/enterprise-rules.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { selectResultsOf } from './evaluation.repo.js';
import { openQuestionsOf } from './review-conditions.js';

/** The tier above `held` (创新型 for none), or null above 小巨人. */
export function nextTierAfter(held: Tier | null): Tier | null {
  const i = held ? TIERS.indexOf(held) : -1;
  return TIERS[i + 1] ?? null;
}

/**
 * The enterprise user's next tier and what its latest stored evaluation says is missing for it
 * ("研发费用还差 32.5 万元", open review questions): the enterprise's workbench. `result` is null
 * before any evaluation of that tier. Anyone but the enterprise itself: 404.
 */
export async function getNextTierGap(ctx: AppContext, actor: Actor | null, held: Tier | null) {
  const who = requireAccess(actor, 'evaluation.read');
  if (who.role !== 'enterprise' || !who.enterpriseId) throw notFound();
  const tier = nextTierAfter(held);
  if (!tier) return { tier: null, tierLabel: null, result: null };
  const rows = await selectResultsOf(ctx.db, who.enterpriseId);
  const row = rows.find((r) => r.tier === tier);
  return {
    tier,
    tierLabel: TIER_LABELS[tier],
    result: row
      ? {
          outcome: row.outcome as 'qualified' | 'needs_review' | 'not_qualified',
          score: row.score,
          missing: [...openQuestionsOf(row.explanation), ...((row.missing as string[] | null) ?? [])],
          evaluatedAt: row.evaluatedAt.toISOString(),
        }
      : null,
  };
}
