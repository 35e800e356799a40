import {
  FIGURE_METRICS,
  type FigureMetric,
  growthRate,
  ppDifference,
  SURVEY_ITEMS,
  type SurveyItem,
  share,
  twoYearAverage,
  yoy,
} from '../../domain/monitoring/figures.js';
import { AGGREGATE_SUMS, type AggregateSum } from './aggregates.repo.js';

export type Sums = Record<AggregateSum, number>;

export const zeroSums = (): Sums => Object.fromEntries(AGGREGATE_SUMS.map((s) => [s, 0])) as Sums;

/** Adds sums (the 专精特新 group = srdi + little_giant). */
export function addSums(...parts: (Sums | undefined)[]): Sums {
  const out = zeroSums();
  for (const p of parts) if (p) for (const s of AGGREGATE_SUMS) out[s] += p[s];
  return out;
}

/** The stats contract's fields of one group (GET /api/monitoring/stats). */
export function statsFigure(key: string, label: string, s: Sums) {
  return {
    key,
    label,
    enterprises: s.matched,
    unmatched: s.unmatched,
    revenueYtd: s.revenue_cur,
    revenueYtdPrev: s.revenue_prev,
    revenueYoY: yoy(s.revenue_cur, s.revenue_prev),
    profitYtd: s.profit_cur,
    profitYtdPrev: s.profit_prev,
    profitYoY: yoy(s.profit_cur, s.profit_prev),
  };
}

const cur = (m: FigureMetric) => `${m}_cur` as AggregateSum;
const prev = (m: FigureMetric) => `${m}_prev` as AggregateSum;

/**
 * One figure of 运行分析: per metric 累计同比 on the matched sample, 两年平均增长 from this year's and
 * last year's growth (`lastYear`: the same group's sums a year earlier), and the points above all
 * (`all`: the whole scope's sums); survey shares of 增加 among the answers.
 */
export function analysisFigure(key: string, label: string, s: Sums, lastYear: Sums | undefined, all: Sums | null) {
  const metrics = {} as Record<
    FigureMetric,
    { cur: number; prev: number; yoy: number | null; twoYear: number | null; ppVsAll: number | null }
  >;
  for (const m of FIGURE_METRICS) {
    const g1 = growthRate(s[cur(m)], s[prev(m)]);
    const g2 = lastYear ? growthRate(lastYear[cur(m)], lastYear[prev(m)]) : null;
    const value = yoy(s[cur(m)], s[prev(m)]);
    metrics[m] = {
      cur: s[cur(m)],
      prev: s[prev(m)],
      yoy: value,
      twoYear: twoYearAverage(g1, g2),
      ppVsAll: all ? ppDifference(value, yoy(all[cur(m)], all[prev(m)])) : null,
    };
  }
  const survey = {} as Record<SurveyItem, { up: number; answered: number; upShare: number | null }>;
  for (const item of SURVEY_ITEMS) {
    const up = s[`${item}_up` as AggregateSum];
    const answered = s[`${item}_answered` as AggregateSum];
    survey[item] = { up, answered, upShare: share(up, answered) };
  }
  return { key, label, enterprises: s.matched, unmatched: s.unmatched, revised: s.revised, metrics, survey };
}
