import { ratioAtLeast, ratioAtMost } from './exact.js';

/** A band of a ratio: from `percent` up ("higher is better"), or up to and including it ("lower is better"). */
export interface AtLeastBand {
  percent: number;
  points: number;
}

export interface BandReading {
  points: number;
  band: string;
  /** The next better band, if any: its threshold and points. */
  next?: AtLeastBand;
}

/**
 * Index of the first band the ratio reaches, bands sorted from the best down (the shared edge
 * belongs to the higher band); `bands.length` when it reaches none (0 points).
 */
export function bandAtLeast(numerator: number, denominator: number, bands: readonly AtLeastBand[]): number {
  let i = 0;
  while (i < bands.length && !ratioAtLeast(numerator, denominator, bands[i].percent)) i++;
  return i;
}

/** Index of the first band the ratio stays within, bands sorted from the best (lowest) up. */
export function bandAtMost(numerator: number, denominator: number, bands: readonly AtLeastBand[]): number {
  let i = 0;
  while (i < bands.length && !ratioAtMost(numerator, denominator, bands[i].percent)) i++;
  return i;
}

/** The label of band `i` and the next better band, for explanations. */
export function readingOf(bands: readonly AtLeastBand[], i: number, lowerIsBetter = false): BandReading {
  const labels = labelsOf(bands, lowerIsBetter);
  if (i >= bands.length) return { points: 0, band: labels[bands.length], next: bands[bands.length - 1] };
  return { points: bands[i].points, band: labels[i], next: i > 0 ? bands[i - 1] : undefined };
}

// Band labels ("≥5%", …, "<1%") once per table: explanations read a band for every indicator.
const LABELS = { atLeast: new WeakMap<readonly AtLeastBand[], string[]>(), atMost: new WeakMap<readonly AtLeastBand[], string[]>() };

function labelsOf(bands: readonly AtLeastBand[], lowerIsBetter: boolean): string[] {
  const cache = lowerIsBetter ? LABELS.atMost : LABELS.atLeast;
  let labels = cache.get(bands);
  if (!labels) {
    const [reached, missed] = lowerIsBetter ? ['≤', '>'] : ['≥', '<'];
    labels = [...bands.map((b) => `${reached}${b.percent}%`), `${missed}${bands[bands.length - 1].percent}%`];
    cache.set(bands, labels);
  }
  return labels;
}

/** The points of band `i` (0 past the last band). */
export const pointsOf = (bands: readonly AtLeastBand[], i: number): number => (i < bands.length ? bands[i].points : 0);

/** The smallest whole numerator that reaches `percent` of the denominator. */
export const numeratorFor = (denominator: number, percent: number): number =>
  Number((BigInt(denominator) * BigInt(Math.round(percent * 100)) + 9_999n) / 10_000n);
