// The pipeline pool's rule (后备库): which results are within reach of a tier (pure).
import { correctedParameters } from './evaluate.js';
import type { Corrections } from './parameters.js';
import type { TierResult } from './types.js';

/** "A few points away": the pipeline pool takes scored tiers this close to the pass mark. */
export const NEAR_POINTS = 5;

/**
 * The pass mark a scored result was measured against, in the version in force (the 2026 bottom
 * tier scores on the 2022 innovative table); null for rule sets without a score.
 */
export function passScoreOf(ruleSet: string, corrections: Corrections): number | null {
  switch (ruleSet.split('@')[0]) {
    case 'innovative-2022':
    case 'bottom-2026':
      return correctedParameters('innovative-2022', corrections).passScore;
    case 'srdi-2022':
      return correctedParameters('srdi-2022', corrections).passScore;
    default:
      return null;
  }
}

/**
 * The conditions a result failed, its gap to the pass mark, and whether it is within reach: qualified
 * (or waiting for a review), or one condition away. The SME test cannot be worked towards; the score
 * conditions ("pass", and the 2026 bottom tier's "standard", met through that score) only when a few
 * points short.
 */
export function reachOf(r: TierResult, corrections: Corrections = {}): { failed: string[]; gap: number | null; withinReach: boolean } {
  const failed = r.conditions.filter((c) => c.status === 'not_met').map((c) => c.id);
  const pass = passScoreOf(r.ruleSet, corrections);
  const gap = r.score === null || pass === null ? null : Math.max(0, pass - r.score);
  const scoreCondition = failed[0] === 'pass' || failed[0] === 'standard';
  const reachable = failed.length === 1 && failed[0] !== 'sme' && (!scoreCondition || (gap !== null && gap <= NEAR_POINTS));
  return { failed, gap, withinReach: r.outcome !== 'not_qualified' || reachable };
}
