import { BULLETIN_INDICATORS, type BulletinIndicatorKey, type BulletinMethod, type BulletinSettings } from './settings.js';

// Scoring of the 定期通报 (capabilities.md §3.3). Pure.
// - target: score = w × min(actual ÷ target, cap)
// - rate:   score = w × rate (0..1)
// - efficacy (功效系数法): 60 + 40 × (x − x_min) ÷ (x_max − x_min) points of 100, scaled to the weight,
//   over the units that have a value (x = completion capped, or the rate); all equal → 100.
// A unit without a target for a target indicator scores 0 there (the draft says 未设定目标); a rate
// without a denominator (nothing to review, no holder, nobody in the sample) is not applicable and
// scores the mean of the units that have a value (neither rewarded nor penalised; the full weight
// when no unit has one); an indicator without data (no module yet) is not scored for anyone and its
// weight is left out of the full mark.

export type IndicatorValue = { kind: 'value'; x: number } | { kind: 'no_target' } | { kind: 'not_applicable' } | { kind: 'no_data' };

export interface UnitInput {
  code: string;
  values: Partial<Record<BulletinIndicatorKey, IndicatorValue>>;
}

export interface IndicatorScore {
  key: BulletinIndicatorKey;
  weight: number;
  method: BulletinMethod;
  /** The value scored (completion capped, or the rate), null when none. */
  x: number | null;
  /** Points, 2 decimals; null when not scored (no data). */
  score: number | null;
  /** Why there is no value, in words (未设定目标, 不涉及, 暂无数据). */
  note: string | null;
}

export interface UnitScore {
  code: string;
  items: IndicatorScore[];
  total: number;
  rank: number;
}

const round2 = (n: number) => Math.round(n * 100 + Number.EPSILON * Math.sign(n)) / 100;

export const NOTE_NO_TARGET = '未设定目标，本项不得分';
export const NOTE_NOT_APPLICABLE = '本期不涉及，按各区县平均得分计';
export const NOTE_NO_DATA = '暂无数据，本项未计分';

/** Scores every unit under the settings, ranks them (ties share a rank: 1, 1, 3). */
export function scoreUnits(settings: BulletinSettings, units: UnitInput[]): UnitScore[] {
  const scored = units.map((u) => ({ code: u.code, items: [] as IndicatorScore[] }));
  for (const ind of settings.indicators) {
    const values = units.map((u) => u.values[ind.key] ?? ({ kind: 'no_data' } as IndicatorValue));
    const xs = values.map((v) => (v.kind === 'value' ? (ind.method === 'rate' ? Math.min(v.x, 1) : Math.min(v.x, settings.cap)) : null));
    const present = xs.filter((x): x is number => x !== null);
    const min = Math.min(...present);
    const max = Math.max(...present);
    const valueScore = (x: number) => {
      if (ind.method !== 'efficacy') return ind.weight * x;
      return (ind.weight * (max === min ? 100 : 60 + (40 * (x - min)) / (max - min))) / 100;
    };
    const scoredValues = present.map(valueScore);
    const mean = scoredValues.length ? scoredValues.reduce((a, b) => a + b, 0) / scoredValues.length : ind.weight;
    values.forEach((v, i) => {
      const x = xs[i];
      let score: number | null;
      let note: string | null = null;
      if (v.kind === 'no_data') {
        score = null;
        note = NOTE_NO_DATA;
      } else if (v.kind === 'no_target') {
        score = 0;
        note = NOTE_NO_TARGET;
      } else if (v.kind === 'not_applicable') {
        score = mean;
        note = NOTE_NOT_APPLICABLE;
      } else score = valueScore(x as number);
      scored[i].items.push({ key: ind.key, weight: ind.weight, method: ind.method, x, score: score === null ? null : round2(score), note });
    });
  }
  const withTotals = scored.map((u) => ({ ...u, total: round2(u.items.reduce((a, it) => a + (it.score ?? 0), 0)) }));
  return rankBy(withTotals);
}

/** Competition ranks by total, highest first (equal totals share a rank); the input order breaks ties for display. */
export function rankBy<T extends { total: number }>(units: T[]): (T & { rank: number })[] {
  const order = units.map((u, i) => ({ u, i })).sort((a, b) => b.u.total - a.u.total || a.i - b.i);
  const ranks = new Array<number>(units.length);
  order.forEach((o, pos) => {
    ranks[o.i] = pos > 0 && order[pos - 1].u.total === o.u.total ? ranks[order[pos - 1].i] : pos + 1;
  });
  return order.map((o) => ({ ...o.u, rank: ranks[o.i] }));
}

/** The full mark: the weights of the indicators that have data (no module yet → left out). */
export const fullMark = (settings: BulletinSettings, scoredKeys: ReadonlySet<BulletinIndicatorKey>) =>
  settings.indicators.reduce((a, i) => a + (scoredKeys.has(i.key) ? i.weight : 0), 0);

/** Indicators whose source is a module that records nothing yet. */
export const hasNoData = (key: BulletinIndicatorKey) => BULLETIN_INDICATORS[key].source.kind === 'no_data';

export interface PreviousPlace {
  rank: number;
  total: number;
}

/** 较上期: places gained (positive = up) and the score's change; null without a previous 通报 row. */
export function changeSince(current: { rank: number; total: number }, previous: PreviousPlace | undefined) {
  if (!previous) return { rankChange: null, totalChange: null };
  return { rankChange: previous.rank - current.rank, totalChange: round2(current.total - previous.total) };
}

/** 较上期 in words: ↑2, ↓1, 持平, 新列入 (no previous row). */
export function rankChangeLabel(rankChange: number | null): string {
  if (rankChange === null) return '—';
  if (rankChange > 0) return `↑${rankChange}`;
  if (rankChange < 0) return `↓${-rankChange}`;
  return '持平';
}
