import { ratioAtLeast, ratioAtMost } from './exact.js';

/** A band of a "higher is better" ratio: from `percent` up (the shared edge belongs to the higher band). */
export interface AtLeastBand {
  percent: number;
  points: number;
}
/** A band of a "lower is better" ratio: up to and including `percent`. */
export interface AtMostBand {
  percent: number;
  points: number;
}

export interface BandReading {
  points: number;
  band: string;
  /** The next better band, if any: its threshold and points. */
  next?: { percent: number; points: number };
}

/** Bands sorted from the best down; the last band (percent −∞) is implied as 0 points. */
export function readAtLeast(numerator: number, denominator: number, bands: AtLeastBand[]): BandReading {
  for (let i = 0; i < bands.length; i++) {
    if (ratioAtLeast(numerator, denominator, bands[i].percent)) {
      return { points: bands[i].points, band: `≥${bands[i].percent}%`, next: i > 0 ? bands[i - 1] : undefined };
    }
  }
  const last = bands[bands.length - 1];
  return { points: 0, band: `<${last.percent}%`, next: last };
}

/** Bands sorted from the best (lowest) up; above the last one scores 0. */
export function readAtMost(numerator: number, denominator: number, bands: AtMostBand[]): BandReading {
  for (let i = 0; i < bands.length; i++) {
    if (ratioAtMost(numerator, denominator, bands[i].percent)) {
      return { points: bands[i].points, band: `≤${bands[i].percent}%`, next: i > 0 ? bands[i - 1] : undefined };
    }
  }
  const last = bands[bands.length - 1];
  return { points: 0, band: `>${last.percent}%`, next: last };
}

/** The smallest whole numerator that reaches `percent` of the denominator. */
export const numeratorFor = (denominator: number, percent: number): number =>
  Number((BigInt(denominator) * BigInt(Math.round(percent * 100)) + 9_999n) / 10_000n);
