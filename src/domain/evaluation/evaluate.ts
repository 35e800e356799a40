// The entry point: picks the rule set for each tier by assessment date and application type
// (criteria.md, Decision 1), and evaluates. Pure: no I/O.
import { type Context, contextOf } from './context.js';
import { evaluateInnovative2022 } from './innovative-2022.js';
import { evaluateLittleGiant2018 } from './little-giant-2018.js';
import { evaluateLittleGiant2022 } from './little-giant-2022.js';
import { applyCorrections, type CorrectableRuleSet, type Corrections, SHIPPED_PARAMETERS } from './parameters.js';
import { evaluateBottomTier2026, evaluateLittleGiant2026, evaluateSrdi2026 } from './rules-2026.js';
import { evaluateSrdi2022 } from './srdi-2022.js';
import type { ApplicationType, EvaluationInput, EvaluationResult, Tier, TierResult } from './types.js';

/** 63号 took effect on 2022-06-01; 2号 on 2026-04-01. */
export const RULES_2022_FROM = '2022-06-01';
export const RULES_2026_FROM = '2026-04-01';

export type RuleSetId =
  | 'innovative-2022'
  | 'bottom-2026'
  | 'srdi-2022'
  | 'srdi-2026'
  | 'little-giant-2018'
  | 'little-giant-2022'
  | 'little-giant-2026';

/**
 * Which rule set judges a tier on a date. From 2026-04-01 new applications fall under 2号, while
 * re-reviews (复核) of titles granted under 63号 are still judged on the 2022 tables (117号).
 * Before 2022-06-01 the only national standard was the 2018 little-giant one; the innovative and
 * SRDI tiers had no national table then, so the 2022 tables are used for them.
 */
export function selectRuleSet(tier: Tier, assessmentDate: string, applicationType: ApplicationType): RuleSetId {
  const under2026 = assessmentDate >= RULES_2026_FROM && applicationType === 'new';
  switch (tier) {
    case 'innovative':
      return under2026 ? 'bottom-2026' : 'innovative-2022';
    case 'srdi':
      return under2026 ? 'srdi-2026' : 'srdi-2022';
    case 'little_giant':
      if (assessmentDate < RULES_2022_FROM) return 'little-giant-2018';
      return under2026 ? 'little-giant-2026' : 'little-giant-2022';
  }
}

/** Runs one rule set, with the officers' corrections of its parameters applied. */
function run(id: RuleSetId, ctx: Context, corrections: Corrections): TierResult {
  const p = <K extends CorrectableRuleSet>(key: K) => applyCorrections(SHIPPED_PARAMETERS[key], corrections[key]?.values);
  const result = (() => {
    switch (id) {
      case 'innovative-2022':
        return evaluateInnovative2022(ctx, p('innovative-2022'));
      case 'bottom-2026':
        return evaluateBottomTier2026(ctx, p('innovative-2022'));
      case 'srdi-2022':
        return evaluateSrdi2022(ctx, p('srdi-2022'));
      case 'srdi-2026':
        return evaluateSrdi2026(ctx, p('srdi-2026'));
      case 'little-giant-2018':
        return evaluateLittleGiant2018(ctx, p('little-giant-2018'));
      case 'little-giant-2022':
        return evaluateLittleGiant2022(ctx, p('little-giant-2022'));
      case 'little-giant-2026':
        return evaluateLittleGiant2026(ctx, p('little-giant-2026'));
    }
  })();
  // A corrected rule set names its version: "srdi-2022@v2".
  const version = id === 'bottom-2026' ? undefined : corrections[id]?.version;
  return version && version > 1 ? { ...result, ruleSet: `${result.ruleSet}@v${version}` } : result;
}

export function evaluate(input: EvaluationInput, corrections: Corrections = {}): EvaluationResult {
  const ctx = contextOf(input);
  const tiers: Tier[] = ['innovative', 'srdi', 'little_giant'];
  return {
    sizeClass: ctx.sizeClass,
    results: tiers.map((tier) => run(selectRuleSet(tier, input.assessmentDate, input.applicationType), ctx, corrections)),
  };
}

/** One tier only (impact previews). */
export function evaluateTier(input: EvaluationInput, tier: Tier, corrections: Corrections = {}): TierResult {
  return run(selectRuleSet(tier, input.assessmentDate, input.applicationType), contextOf(input), corrections);
}
