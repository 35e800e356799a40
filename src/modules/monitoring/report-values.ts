import type { ReportValues } from '../../domain/monitoring/checks.js';
import type { ReportBody } from './monitoring.schemas.js';

/** The check values of a request body: absent figures are null (the required checks name them). */
export function valuesOfBody(body: ReportBody): ReportValues {
  const survey: NonNullable<ReportValues['survey']> = {};
  if (body.survey?.orders) survey.orders = body.survey.orders;
  if (body.survey?.employment) survey.employment = body.survey.employment;
  if (body.survey?.financing) survey.financing = body.survey.financing;
  return {
    revenueMonth: body.revenueMonth ?? null,
    revenueYtd: body.revenueYtd as number,
    profitYtd: body.profitYtd as number,
    employees: body.employees as number,
    rdExpenseYtd: body.rdExpenseYtd ?? null,
    outputYtd: body.outputYtd ?? null,
    exportYtd: body.exportYtd ?? null,
    taxYtd: body.taxYtd ?? null,
    electricityYtd: body.electricityYtd ?? null,
    newOrders: body.newOrders ?? null,
    survey,
    suggestions: body.suggestions?.trim() ? body.suggestions.trim() : null,
  };
}
