// The entry point: picks the rule set for each tier by assessment date and application type
// (criteria.md, Decision 1), and evaluates. Pure: no I/O.
import { type Context, contextOf } from './context.js';
import { evaluateInnovative2022 } from './innovative-2022.js';
import { evaluateLittleGiant2018 } from './little-giant-2018.js';
import { evaluateLittleGiant2022 } from './little-giant-2022.js';
import { applyCorrections, type CorrectableRuleSet, type Corrections, type RuleSetCorrections, SHIPPED_PARAMETERS } from './parameters.js';
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

const RULE_SET_IDS: readonly RuleSetId[] = [
  'innovative-2022',
  'bottom-2026',
  'srdi-2022',
  'srdi-2026',
  'little-giant-2018',
  'little-giant-2022',
  'little-giant-2026',
];

/** No corrections published: the shipped parameters, looked up without a search. */
const NO_CORRECTIONS: Corrections = Object.freeze({});

/** A rule set's parameters with the published corrections applied. */
export const correctedParameters = <K extends CorrectableRuleSet>(key: K, corrections: Corrections) => {
  if (corrections === NO_CORRECTIONS) return SHIPPED_PARAMETERS[key];
  const correction = corrections[key];
  if (!correction) return SHIPPED_PARAMETERS[key];
  // Corrected once per published correction, not once per evaluation.
  let corrected = CORRECTED.get(correction);
  if (!corrected) {
    corrected = applyCorrections(SHIPPED_PARAMETERS[key], correction.values);
    CORRECTED.set(correction, corrected);
  }
  return corrected as (typeof SHIPPED_PARAMETERS)[K];
};
const CORRECTED = new WeakMap<RuleSetCorrections, unknown>();

/** Runs one rule set, with the officers' corrections of its parameters applied. */
function run(id: RuleSetId, ctx: Context, corrections: Corrections, explain: boolean): TierResult {
  let result: TierResult;
  switch (id) {
    case 'innovative-2022':
      result = evaluateInnovative2022(ctx, correctedParameters('innovative-2022', corrections), explain);
      break;
    case 'bottom-2026':
      result = evaluateBottomTier2026(ctx, correctedParameters('innovative-2022', corrections), explain);
      break;
    case 'srdi-2022':
      result = evaluateSrdi2022(ctx, correctedParameters('srdi-2022', corrections), explain);
      break;
    case 'srdi-2026':
      result = evaluateSrdi2026(ctx, correctedParameters('srdi-2026', corrections), explain);
      break;
    case 'little-giant-2018':
      result = evaluateLittleGiant2018(ctx, correctedParameters('little-giant-2018', corrections), explain);
      break;
    case 'little-giant-2022':
      result = evaluateLittleGiant2022(ctx, correctedParameters('little-giant-2022', corrections), explain);
      break;
    case 'little-giant-2026':
      result = evaluateLittleGiant2026(ctx, correctedParameters('little-giant-2026', corrections), explain);
      break;
  }
  // A corrected rule set names its version: "srdi-2022@v2".
  const version = id === 'bottom-2026' || corrections === NO_CORRECTIONS ? undefined : corrections[id]?.version;
  if (version && version > 1) result.ruleSet = `${result.ruleSet}@v${version}`;
  return result;
}

/** All three tiers, with explanations: indicators, conditions and what is missing. */
export function evaluate(input: EvaluationInput, corrections: Corrections = NO_CORRECTIONS): EvaluationResult {
  return evaluateAll(input, corrections, true);
}

/**
 * All three tiers, outcome and score only (the lists of indicators, conditions and what is missing
 * stay empty): the same rule code without building a single text, for counts over the registry.
 */
export function evaluateScores(input: EvaluationInput, corrections: Corrections = NO_CORRECTIONS): EvaluationResult {
  return evaluateAll(input, corrections, false);
}

function evaluateAll(input: EvaluationInput, corrections: Corrections, explain: boolean): EvaluationResult {
  const ctx = contextOf(input);
  const { assessmentDate: date, applicationType: type } = input;
  return {
    sizeClass: ctx.sizeClass,
    results: [
      run(selectRuleSet('innovative', date, type), ctx, corrections, explain),
      run(selectRuleSet('srdi', date, type), ctx, corrections, explain),
      run(selectRuleSet('little_giant', date, type), ctx, corrections, explain),
    ],
  };
}

/** One tier only (impact previews), with or without explanations. */
export function evaluateTier(input: EvaluationInput, tier: Tier, corrections: Corrections = NO_CORRECTIONS, explain = true): TierResult {
  return run(selectRuleSet(tier, input.assessmentDate, input.applicationType), contextOf(input), corrections, explain);
}

/**
 * One rule set by its id ("srdi-2022", or a round's "srdi-2022@v2": the corrections given apply):
 * a recognition round judges its applications under the rule set it was set up with.
 */
export function evaluateRuleSet(
  input: EvaluationInput,
  ruleSet: string,
  corrections: Corrections = NO_CORRECTIONS,
  explain = true,
): TierResult {
  const id = ruleSet.split('@')[0] as RuleSetId;
  if (!RULE_SET_IDS.includes(id)) throw new Error(`unknown rule set ${ruleSet}`);
  return run(id, contextOf(input), corrections, explain);
}
