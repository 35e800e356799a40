import { describe, expect, it } from 'vitest';
import {
  bulletinAsOf,
  defaultBulletinTitle,
  isFutureBulletinPeriod,
  parseBulletinPeriod,
  periodContaining,
  previousBulletinPeriod,
} from './periods.js';
import {
  changeSince,
  fullMark,
  NOTE_NO_DATA,
  NOTE_NO_TARGET,
  NOTE_NOT_APPLICABLE,
  rankBy,
  rankChangeLabel,
  scoreUnits,
} from './scoring.js';
import { BULLETIN_DEFAULTS, type BulletinSettings, bulletinSettingsSchema, settingsFromStored, weightSum } from './settings.js';

const only = (over: Partial<Record<string, { weight: number; method: 'target' | 'rate' | 'efficacy' }>>): BulletinSettings => ({
  cap: 1.2,
  indicators: BULLETIN_DEFAULTS.indicators.map((i) => ({ ...i, weight: 0, ...(over[i.key] ?? {}) })),
});

describe('通报 settings', () => {
  it('DEFAULT weights are those of capabilities §3.3 and sum to 100', () => {
    expect(Object.fromEntries(BULLETIN_DEFAULTS.indicators.map((i) => [i.key, i.weight]))).toEqual({
      new_innovative: 15,
      new_srdi: 20,
      new_little_giant: 15,
      review_pass_rate: 10,
      annual_update_rate: 10,
      monitoring_rate: 10,
      appeals: 10,
      services_financing: 10,
    });
    expect(weightSum(BULLETIN_DEFAULTS)).toBe(100);
    expect(BULLETIN_DEFAULTS.cap).toBe(1.2);
  });

  it('refuses a non-integer weight, an unknown indicator, a missing one, a method the indicator cannot use', () => {
    const bad = (f: (s: BulletinSettings) => unknown) => bulletinSettingsSchema.safeParse(f(structuredClone(BULLETIN_DEFAULTS))).success;
    const set = (f: (s: BulletinSettings) => void) => (s: BulletinSettings) => {
      f(s);
      return s;
    };
    expect(bad((s) => s)).toBe(true);
    expect(
      bad(
        set((s) => {
          s.indicators[0].weight = 1.5;
        }),
      ),
    ).toBe(false);
    expect(
      bad(
        set((s) => {
          s.indicators[0].weight = -1;
        }),
      ),
    ).toBe(false);
    expect(bad((s) => ({ ...s, indicators: [...s.indicators.slice(1), { key: 'nonsense', weight: 15, method: 'rate' }] }))).toBe(false);
    expect(bad((s) => ({ ...s, indicators: s.indicators.slice(1) }))).toBe(false);
    expect(
      bad(
        set((s) => {
          s.indicators[3].method = 'target';
        }),
      ),
    ).toBe(false);
    expect(bad((s) => ({ ...s, cap: 0.5 }))).toBe(false);
  });

  it('a stored value that is not valid any more falls back to the DEFAULTs', () => {
    expect(settingsFromStored(null)).toEqual(BULLETIN_DEFAULTS);
    expect(
      settingsFromStored({ ...BULLETIN_DEFAULTS, indicators: BULLETIN_DEFAULTS.indicators.map((i) => ({ ...i, weight: 5 })) }),
    ).toEqual(BULLETIN_DEFAULTS);
    const moved = only({ new_srdi: { weight: 60, method: 'target' }, monitoring_rate: { weight: 40, method: 'efficacy' } });
    expect(settingsFromStored({ ...moved, indicators: [...moved.indicators].reverse() })).toEqual(moved);
  });
});

describe('通报 scoring', () => {
  it('target completion: w × min(actual ÷ target, cap); no target scores 0 and says so', () => {
    const s = only({ new_srdi: { weight: 20, method: 'target' }, new_innovative: { weight: 80, method: 'target' } });
    const [a, b, c] = scoreUnits(s, [
      { code: 'A', values: { new_srdi: { kind: 'value', x: 0.84 }, new_innovative: { kind: 'value', x: 1.5 } } },
      { code: 'B', values: { new_srdi: { kind: 'value', x: 0.5 }, new_innovative: { kind: 'no_target' } } },
      { code: 'C', values: { new_srdi: { kind: 'value', x: 1.1 }, new_innovative: { kind: 'value', x: 0.25 } } },
    ]);
    expect(a.code).toBe('A');
    expect(a.items.find((i) => i.key === 'new_srdi')?.score).toBe(16.8);
    expect(a.items.find((i) => i.key === 'new_innovative')).toMatchObject({ x: 1.2, score: 96 }); // capped at 120 %
    expect(a.total).toBe(112.8);
    expect(b.code).toBe('C');
    expect(b.total).toBe(42); // 22 + 20
    expect(c.code).toBe('B');
    expect(c.items.find((i) => i.key === 'new_innovative')).toMatchObject({ score: 0, note: NOTE_NO_TARGET });
    expect(c.total).toBe(10);
  });

  it('rates: w × rate; no denominator is not applicable and scores the mean of the others; no data is not scored', () => {
    const s = only({ review_pass_rate: { weight: 50, method: 'rate' }, appeals: { weight: 50, method: 'rate' } });
    const out = scoreUnits(s, [
      { code: 'A', values: { review_pass_rate: { kind: 'value', x: 0.75 }, appeals: { kind: 'no_data' } } },
      { code: 'B', values: { review_pass_rate: { kind: 'not_applicable' }, appeals: { kind: 'no_data' } } },
      { code: 'C', values: { review_pass_rate: { kind: 'value', x: 0.25 }, appeals: { kind: 'no_data' } } },
    ]);
    expect(out.map((u) => [u.code, u.total])).toEqual([
      ['A', 37.5],
      ['B', 25], // the mean of 37.5 and 12.5
      ['C', 12.5],
    ]);
    expect(out[1].items[3]).toMatchObject({ note: NOTE_NOT_APPLICABLE });
    // Nobody with a value: everyone the full weight (the indicator does not move the ranking).
    const none = scoreUnits(s, [{ code: 'A', values: { review_pass_rate: { kind: 'not_applicable' } } }]);
    expect(none[0].items[3].score).toBe(50);
    expect(out[2].items.find((i) => i.key === 'appeals')).toMatchObject({ score: null, note: NOTE_NO_DATA });
    expect(fullMark(s, new Set(['review_pass_rate']))).toBe(50);
  });

  it('功效系数法: 60 + 40 × (x − min) ÷ (max − min), scaled to the weight; all equal → full weight', () => {
    const s = only({ monitoring_rate: { weight: 10, method: 'efficacy' }, new_srdi: { weight: 90, method: 'efficacy' } });
    const out = scoreUnits(s, [
      { code: 'A', values: { monitoring_rate: { kind: 'value', x: 0.5 }, new_srdi: { kind: 'value', x: 2 } } },
      { code: 'B', values: { monitoring_rate: { kind: 'value', x: 1 }, new_srdi: { kind: 'value', x: 1.2 } } },
      { code: 'C', values: { monitoring_rate: { kind: 'value', x: 0.75 }, new_srdi: { kind: 'no_target' } } },
    ]);
    const item = (code: string, key: string) => out.find((u) => u.code === code)?.items.find((i) => i.key === key)?.score;
    expect(item('A', 'monitoring_rate')).toBe(6);
    expect(item('B', 'monitoring_rate')).toBe(10);
    expect(item('C', 'monitoring_rate')).toBe(8);
    // Completion is capped before the coefficient: 2 → 1.2 equals B's 1.2, so both get the full 90.
    expect(item('A', 'new_srdi')).toBe(90);
    expect(item('B', 'new_srdi')).toBe(90);
    expect(item('C', 'new_srdi')).toBe(0);
  });

  it('ties share a rank, the next rank skips (1, 1, 3); input order keeps tied units in place', () => {
    const r = rankBy([
      { id: 'x', total: 5 },
      { id: 'y', total: 9 },
      { id: 'z', total: 9 },
      { id: 'w', total: 1 },
    ]);
    expect(r.map((u) => [u.id, u.rank])).toEqual([
      ['y', 1],
      ['z', 1],
      ['x', 3],
      ['w', 4],
    ]);
  });

  it('较上期: places gained, score change; none without a previous row', () => {
    expect(changeSince({ rank: 3, total: 80.5 }, { rank: 5, total: 78.25 })).toEqual({ rankChange: 2, totalChange: 2.25 });
    expect(changeSince({ rank: 3, total: 80 }, undefined)).toEqual({ rankChange: null, totalChange: null });
    expect([rankChangeLabel(2), rankChangeLabel(-1), rankChangeLabel(0), rankChangeLabel(null)]).toEqual(['↑2', '↓1', '持平', '—']);
  });
});

describe('通报 periods', () => {
  it('months and quarters with their days and labels', () => {
    expect(parseBulletinPeriod('month', '2026-11')).toMatchObject({
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
      label: '2026年11月',
      months: [11],
    });
    expect(parseBulletinPeriod('month', '2028-02')?.endsOn).toBe('2028-02-29');
    expect(parseBulletinPeriod('quarter', '2026-Q3')).toMatchObject({
      startsOn: '2026-07-01',
      endsOn: '2026-09-30',
      label: '2026年第三季度',
      months: [7, 8, 9],
    });
    for (const [kind, key] of [
      ['month', '2026-13'],
      ['month', '2026-Q3'],
      ['quarter', '2026-Q5'],
      ['quarter', '2026-11'],
      ['month', 'x'],
    ] as const)
      expect(parseBulletinPeriod(kind, key)).toBeNull();
  });

  it('as-of day, future periods, neighbours, the title', () => {
    const nov = parseBulletinPeriod('month', '2026-11')!;
    expect(bulletinAsOf(nov, '2026-12-01')).toBe('2026-11-30');
    expect(bulletinAsOf(nov, '2026-11-15')).toBe('2026-11-15');
    expect(isFutureBulletinPeriod(parseBulletinPeriod('month', '2026-12')!, '2026-11-30')).toBe(true);
    expect(previousBulletinPeriod(parseBulletinPeriod('month', '2026-01')!).key).toBe('2025-12');
    expect(previousBulletinPeriod(parseBulletinPeriod('quarter', '2026-Q1')!).key).toBe('2025-Q4');
    expect(periodContaining('quarter', '2026-11-15').key).toBe('2026-Q4');
    expect(defaultBulletinTitle(nov)).toBe('关于2026年11月全市专精特新企业培育工作情况的通报');
  });
});
