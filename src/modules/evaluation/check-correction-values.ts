import {
  type CorrectableRuleSet,
  type Corrections,
  disorderedBands,
  numericParameters,
  parameterLabel,
} from '../../domain/evaluation/parameters.js';
import { isCorrectable } from '../../domain/evaluation/rule-set-mappings.js';
import { notFound } from '../../server/errors.js';
import { parameterBandsOrder, parameterInvalid, parameterUnknown } from './evaluation.errors.js';

/** Far above any threshold of the rules (the largest is 4 亿元), far below what overflows a product of two. */
const MAX_PARAMETER = 1e12;

/** The values must name known parameters, be numbers ≥ 0, and keep every band table in order (with the published corrections). */
export function checkCorrectionValues(ruleSet: string, values: Record<string, number>, published: Corrections): CorrectableRuleSet {
  if (!isCorrectable(ruleSet)) throw notFound();
  const known = new Map(numericParameters(ruleSet));
  for (const [path, value] of Object.entries(values)) {
    if (!known.has(path)) throw parameterUnknown(ruleSet, path);
    // Bounded: 1e308 passed as "finite", then overflowed the exact comparisons (a 500 in every evaluation after publication).
    if (!Number.isFinite(value) || value < 0 || value > MAX_PARAMETER) throw parameterInvalid(path, parameterLabel(path));
  }
  const disordered = disorderedBands(ruleSet, { ...published[ruleSet]?.values, ...values });
  if (disordered.length) throw parameterBandsOrder(disordered);
  return ruleSet;
}
