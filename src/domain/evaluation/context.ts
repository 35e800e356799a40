// What every rule set reads from the input: the prior year (the last complete year before the
// assessment date), the years before it, the size class, and the date window of "近 N 年".
import { classifySize, type SizeClass } from '../sme-size.js';
import type { Award, EvaluationInput, YearFigures } from './types.js';

export interface Context {
  input: EvaluationInput;
  assessmentYear: number;
  priorYear: number;
  /** The prior year's figures, or undefined when they were not given. */
  y0: YearFigures | undefined;
  /** The year before that, and the one before. */
  y1: YearFigures | undefined;
  y2: YearFigures | undefined;
  sizeClass: SizeClass;
}

export function contextOf(input: EvaluationInput): Context {
  const assessmentYear = Number(input.assessmentDate.slice(0, 4));
  const priorYear = assessmentYear - 1;
  const byYear = new Map(input.years.map((y) => [y.year, y]));
  const y0 = byYear.get(priorYear);
  const sizeClass = y0
    ? classifySize(input.enterprise.sector, { employees: y0.employees, revenue: y0.revenue, totalAssets: y0.totalAssets })
    : 'micro';
  return { input, assessmentYear, priorYear, y0, y1: byYear.get(priorYear - 1), y2: byYear.get(priorYear - 2), sizeClass };
}

/** Awards within the last `years` years before the assessment (the assessment year included). */
export const recentAwards = (ctx: Context, years: number): Award[] =>
  ctx.input.enterprise.awards.filter((a) => a.year > ctx.assessmentYear - years - 1 && a.year <= ctx.assessmentYear);

/** New equity financing over the last `years` complete years (the prior year and before). */
export function recentEquity(ctx: Context, years: number): number | null {
  const list = [ctx.y0, ctx.y1, ctx.y2].slice(0, years);
  if (list.some((y) => y === undefined)) return null;
  return list.reduce((s, y) => s + (y as YearFigures).equityFinancing, 0);
}

/** 万元 with up to two decimals, for messages. */
export const wan = (yuan: number): string => `${Math.round(yuan / 100) / 100}`;
