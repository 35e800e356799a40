import { evaluate } from '../../domain/evaluation/evaluate.js';
import type { Corrections } from '../../domain/evaluation/parameters.js';
import type { EvaluationInput } from '../../domain/evaluation/types.js';
import { mainRevenueAboveRevenue, rdStaffAboveEmployees, yearDuplicate } from './evaluation.errors.js';

/** The public calculator: evaluates what it is given and stores nothing, so it needs no login. */
export function previewEvaluation(input: EvaluationInput, corrections: Corrections = {}) {
  for (const y of input.years) {
    if (y.mainRevenue > y.revenue) throw mainRevenueAboveRevenue(y.year);
    if (y.rdStaff > y.employees) throw rdStaffAboveEmployees(y.year);
  }
  if (new Set(input.years.map((y) => y.year)).size !== input.years.length) throw yearDuplicate();
  return evaluate(input, corrections);
}
