// Pure rules of target progress: the elapsed share of the period, the red / amber / green band, and
// the suggested split of a city target over the units (largest remainder, so the parts add up).

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;

/**
 * The elapsed share of a target's period, 0..1: from `baselineOn` (its first day) to 31 December of
 * `year` (its last day, which counts: on that day the whole target is due). Before the baseline 0,
 * after the year 1.
 */
export function proRata(baselineOn: string, year: number, asOf: string): number {
  const start = dayNumber(baselineOn);
  const end = dayNumber(`${year}-12-31`) + 1;
  const day = dayNumber(asOf) + 1; // the end of the day asOf
  if (end <= start) return 1;
  if (day <= start) return 0;
  if (day >= end) return 1;
  return (day - start) / (end - start);
}

export interface BandSettings {
  /** Below this share of the pro-rata expectation: red (DEFAULT 0.6). */
  redBelow: number;
  /** From this share on: green (DEFAULT 0.9). */
  greenFrom: number;
}
export const DEFAULT_BAND_SETTINGS: BandSettings = { redBelow: 0.6, greenFrom: 0.9 };

export type TargetBand = 'red' | 'amber' | 'green';
export const TARGET_BAND_LABELS: Record<TargetBand, string> = { red: '红', amber: '黄', green: '绿' };

/**
 * The band of a target: completion (actual ÷ target) against the pro-rata expectation. DEFAULT red
 * below 60 % of it, amber from 60 % to below 90 %, green from 90 %; a target met (≥ 100 %) is green,
 * and so is one whose period has not started (nothing is expected yet).
 */
export function targetBand(completion: number, proRataShare: number, settings: BandSettings = DEFAULT_BAND_SETTINGS): TargetBand {
  if (completion >= 1 || proRataShare <= 0) return 'green';
  const ofExpected = completion / proRataShare;
  if (ofExpected < settings.redBelow) return 'red';
  if (ofExpected < settings.greenFrom) return 'amber';
  return 'green';
}

/** actual ÷ value; a target of 0 is met from the start (1). */
export function completionOf(actual: number, value: number): number {
  return value <= 0 ? 1 : actual / value;
}

/**
 * Splits `total` over the units by their weights (each unit's share of the pool) with the largest
 * remainder method: every part is an integer and the parts sum to `total`. Ties of remainder go to
 * the larger weight, then to the unit listed first. All weights 0: an equal split.
 */
export function splitByShare<K extends string>(total: number, weights: { key: K; weight: number }[]): { key: K; value: number }[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((s, w) => s + Math.max(0, w.weight), 0);
  const shares = weights.map((w, index) => {
    const exact = sum > 0 ? (total * Math.max(0, w.weight)) / sum : total / weights.length;
    const floor = Math.floor(exact);
    return { key: w.key, index, weight: w.weight, value: floor, remainder: exact - floor };
  });
  let left = total - shares.reduce((s, p) => s + p.value, 0);
  const order = [...shares].sort((a, b) => b.remainder - a.remainder || b.weight - a.weight || a.index - b.index);
  for (const part of order) {
    if (left <= 0) break;
    part.value += 1;
    left -= 1;
  }
  return shares.map((p) => ({ key: p.key, value: p.value }));
}
