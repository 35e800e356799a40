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
  /** Whether any review question was answered (most inputs answer none: no lookups then). */
  answered: boolean;
}

// One indexed pass and no substring: contextOf runs for every evaluation, scores-only runs included.
/** The year of a YYYY-MM-DD date. */
const yearOfDate = (date: string): number =>
  (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);

export function contextOf(input: EvaluationInput): Context {
  const assessmentYear = yearOfDate(input.assessmentDate);
  const priorYear = assessmentYear - 1;
  let y0: YearFigures | undefined;
  let y1: YearFigures | undefined;
  let y2: YearFigures | undefined;
  const years = input.years;
  for (let i = 0; i < years.length; i++) {
    const y = years[i];
    if (y.year === priorYear) y0 = y;
    else if (y.year === priorYear - 1) y1 = y;
    else if (y.year === priorYear - 2) y2 = y;
  }
  const sizeClass = y0 ? classifySize(input.enterprise.sector, y0) : 'micro';
  let answered = false;
  for (const _ in input.enterprise.reviewerAnswers) {
    answered = true;
    break;
  }
  return { input, assessmentYear, priorYear, y0, y1, y2, sizeClass, answered };
}

/**
 * Whether a science and technology award of the last `years` years before the assessment (the
 * assessment year included) ranks `maxRank` or better, at any level or national only.
 */
export function hasRecentAward(ctx: Context, years: number, maxRank = Number.POSITIVE_INFINITY, nationalOnly = false): boolean {
  const awards = ctx.input.enterprise.awards;
  return awards.length > 0 && anyRecentAward(awards, ctx.assessmentYear, years, maxRank, nationalOnly);
}

// Out of line: most enterprises list no award, and the rule sets inline the short test above.
function anyRecentAward(awards: readonly Award[], assessmentYear: number, years: number, maxRank: number, nationalOnly: boolean): boolean {
  for (let i = 0; i < awards.length; i++) {
    const a = awards[i];
    if (a.year <= assessmentYear - years - 1 || a.year > assessmentYear) continue;
    if (a.rank <= maxRank && (!nationalOnly || a.level === 'national')) return true;
  }
  return false;
}

/** New equity financing over the last `years` complete years (the prior year and before), or null without their figures. */
export function recentEquity(ctx: Context, years: 2 | 3): number | null {
  const { y0, y1, y2 } = ctx;
  if (!y0 || !y1) return null;
  if (years === 2) return y0.equityFinancing + y1.equityFinancing;
  return y2 ? y0.equityFinancing + y1.equityFinancing + y2.equityFinancing : null;
}

/**
 * A whole number of hundredths as text: what `${k / 100}` prints, without formatting a float
 * (explanations print dozens of these per evaluation; integer formatting is several times faster).
 */
function hundredthsText(k: number): string {
  const abs = k < 0 ? -k : k;
  const whole = Math.floor(abs / 100);
  const frac = abs - whole * 100;
  const sign = k < 0 ? '-' : '';
  if (frac === 0) return `${sign}${whole}`;
  if (frac % 10 === 0) return `${sign}${whole}.${frac / 10}`;
  return `${sign}${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

/** 万元 with up to two decimals, for messages. */
export const wan = (yuan: number): string => hundredthsText(Math.round(yuan / 100));

/** A ratio in per cent with up to two decimals, for messages ("—" without a denominator). */
export const percentText = (numerator: number, denominator: number): string =>
  denominator > 0 ? hundredthsText(Math.round((numerator / denominator) * 10_000)) : '—';
