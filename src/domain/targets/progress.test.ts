import { describe, expect, it } from 'vitest';
import { completionOf, proRata, splitByShare, targetBand } from './progress.js';

describe('proRata', () => {
  it('is 0 before the baseline, 1 after the year, and the elapsed share of the days in between', () => {
    expect(proRata('2022-01-01', 2025, '2021-12-31')).toBe(0);
    expect(proRata('2022-01-01', 2025, '2026-01-01')).toBe(1);
    expect(proRata('2022-01-01', 2025, '2025-12-31')).toBe(1);
    // 2022-01-01 … 2025-12-31 is 1,461 days; the end of 2023-12-31 is 730 of them.
    expect(proRata('2022-01-01', 2025, '2023-12-31')).toBeCloseTo(730 / 1461, 10);
    // One year's period: the end of 30 June is 181 of 365 days.
    expect(proRata('2026-01-01', 2026, '2026-06-30')).toBeCloseTo(181 / 365, 10);
  });
  it('counts the baseline day itself as elapsed once it is over', () => {
    expect(proRata('2026-01-01', 2026, '2026-01-01')).toBeCloseTo(1 / 365, 10);
  });
});

describe('targetBand', () => {
  it('is red below 60 %, amber from 60 % to below 90 %, green from 90 % of the pro-rata expectation', () => {
    expect(targetBand(0.29, 0.5)).toBe('red'); // 58 % of expected
    expect(targetBand(0.3, 0.5)).toBe('amber'); // 60 %
    expect(targetBand(0.44, 0.5)).toBe('amber'); // 88 %
    expect(targetBand(0.45, 0.5)).toBe('green'); // 90 %
  });
  it('is green when the target is met, or when nothing is expected yet', () => {
    expect(targetBand(1, 1)).toBe('green');
    expect(targetBand(1.2, 1)).toBe('green');
    expect(targetBand(0, 0)).toBe('green');
    expect(targetBand(0.5, 1)).toBe('red');
  });
  it('takes other thresholds from the settings', () => {
    expect(targetBand(0.35, 0.5, { redBelow: 0.8, greenFrom: 0.95 })).toBe('red');
    expect(targetBand(0.45, 0.5, { redBelow: 0.8, greenFrom: 0.95 })).toBe('amber');
  });
});

describe('completionOf', () => {
  it('is actual ÷ target, and a target of 0 is met', () => {
    expect(completionOf(21, 25)).toBeCloseTo(0.84, 10);
    expect(completionOf(0, 0)).toBe(1);
  });
});

describe('splitByShare', () => {
  it('gives integer parts that sum to the total, by the largest remainder', () => {
    const parts = splitByShare(100, [
      { key: 'a', weight: 1 },
      { key: 'b', weight: 1 },
      { key: 'c', weight: 1 },
    ]);
    expect(parts).toEqual([
      { key: 'a', value: 34 },
      { key: 'b', value: 33 },
      { key: 'c', value: 33 },
    ]);
    const uneven = splitByShare(2500, [
      { key: 'x', weight: 659 },
      { key: 'y', weight: 118 },
      { key: 'z', weight: 3 },
      { key: 'w', weight: 0 },
    ]);
    expect(uneven.reduce((s, p) => s + p.value, 0)).toBe(2500);
    // 2500 × 659/780 = 2112.18, × 118/780 = 378.21, × 3/780 = 9.62: the one left goes to z.
    expect(uneven).toEqual([
      { key: 'x', value: 2112 },
      { key: 'y', value: 378 },
      { key: 'z', value: 10 },
      { key: 'w', value: 0 },
    ]);
  });
  it('splits equally when no unit has any of the pool', () => {
    expect(
      splitByShare(5, [
        { key: 'a', weight: 0 },
        { key: 'b', weight: 0 },
      ]),
    ).toEqual([
      { key: 'a', value: 3 },
      { key: 'b', value: 2 },
    ]);
    expect(splitByShare(5, [])).toEqual([]);
  });
});
