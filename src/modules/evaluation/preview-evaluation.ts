import { evaluate } from '../../domain/evaluation/evaluate.js';
import type { Corrections } from '../../domain/evaluation/parameters.js';
import type { EvaluationInput } from '../../domain/evaluation/types.js';
import { AppError } from '../../server/errors.js';

/** The public calculator: evaluates what it is given and stores nothing, so it needs no login. */
export function previewEvaluation(input: EvaluationInput, corrections: Corrections = {}) {
  for (const y of input.years) {
    if (y.mainRevenue > y.revenue)
      throw new AppError('MAIN_REVENUE_ABOVE_REVENUE', 400, `${y.year} 年主营业务收入不能大于营业收入`, { field: 'years' });
    if (y.rdStaff > y.employees)
      throw new AppError('RD_STAFF_ABOVE_EMPLOYEES', 400, `${y.year} 年研发人员不能多于从业人员`, { field: 'years' });
  }
  if (new Set(input.years.map((y) => y.year)).size !== input.years.length)
    throw new AppError('YEAR_DUPLICATE', 400, '年度重复', { field: 'years' });
  return evaluate(input, corrections);
}
