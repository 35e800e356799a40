import {
  type CorrectableRuleSet,
  type Corrections,
  disorderedBands,
  numericParameters,
  parameterLabel,
} from '../../domain/evaluation/parameters.js';
import { isCorrectable } from '../../domain/evaluation/rule-set-mappings.js';
import { AppError, notFound } from '../../server/errors.js';

/** Far above any threshold of the rules (the largest is 4 亿元), far below what overflows a product of two. */
const MAX_PARAMETER = 1e12;

/** The values must name known parameters, be numbers ≥ 0, and keep every band table in order (with the published corrections). */
export function checkCorrectionValues(ruleSet: string, values: Record<string, number>, published: Corrections): CorrectableRuleSet {
  if (!isCorrectable(ruleSet)) throw notFound();
  const known = new Map(numericParameters(ruleSet));
  for (const [path, value] of Object.entries(values)) {
    if (!known.has(path)) throw new AppError('PARAMETER_UNKNOWN', 400, `规则集 ${ruleSet} 没有参数 ${path}`, { field: path });
    // Bounded: 1e308 passed as "finite", then overflowed the exact comparisons (a 500 in every evaluation after publication).
    if (!Number.isFinite(value) || value < 0 || value > MAX_PARAMETER)
      throw new AppError('PARAMETER_INVALID', 400, `参数“${parameterLabel(path)}”应为 0 至 1 万亿之间的数`, { field: path });
  }
  const disordered = disorderedBands(ruleSet, { ...published[ruleSet]?.values, ...values });
  if (disordered.length)
    throw new AppError(
      'PARAMETER_BANDS_ORDER',
      400,
      `修正后“${disordered.join('”“')}”的各档次序不对：高分档的门槛须比低分档更严格，得分须更高`,
      { tables: disordered },
    );
  return ruleSet;
}
