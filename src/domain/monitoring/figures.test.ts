import { describe, expect, it } from 'vitest';
import {
  comparisonPhrase,
  growthPhrase,
  periodLabel,
  ppDifference,
  round1,
  share,
  summarySentence,
  twoYearAverage,
  yoy,
} from './figures.js';

describe('运行分析 figures', () => {
  it('累计同比: (cur − prev) ÷ |prev| × 100, one decimal, null when prev is 0', () => {
    expect(yoy(1147, 1000)).toBe(14.7);
    expect(yoy(968, 1000)).toBe(-3.2);
    expect(yoy(100, 0)).toBeNull();
    expect(yoy(0, 0)).toBeNull();
    // A loss shrinking: −100 → −50 is +50 % (divided by |prev|).
    expect(yoy(-50, -100)).toBe(50);
    expect(yoy(2, 3)).toBe(-33.3);
    expect(yoy(1, 8)).toBe(-87.5);
    expect(round1(0.05)).toBe(0.1);
    expect(round1(-0.05)).toBe(-0.1);
    expect(round1(-0.04)).toBe(0);
  });

  it('两年平均增长 is the geometric mean √((1+g₁)(1+g₂)) − 1', () => {
    // √(1.21 × 1.0) − 1 = 0.1 → 10.0 %
    expect(twoYearAverage(21, 0)).toBe(10);
    // √(1.1 × 0.9) − 1 = √0.99 − 1 = −0.005012… → −0.5 %
    expect(twoYearAverage(10, -10)).toBe(-0.5);
    expect(twoYearAverage(null, 5)).toBeNull();
    expect(twoYearAverage(-150, 10)).toBeNull();
  });

  it('percentage points against all, from the shown values', () => {
    expect(ppDifference(14.7, 10.7)).toBe(4);
    expect(ppDifference(7.2, 12.5)).toBe(-5.3);
    expect(ppDifference(null, 3)).toBeNull();
    expect(comparisonPhrase(4)).toBe('高于全部监测中小企业4.0个百分点');
    expect(comparisonPhrase(-5.3)).toBe('低于全部监测中小企业5.3个百分点');
    expect(comparisonPhrase(0)).toBe('与全部监测中小企业持平');
    expect(comparisonPhrase(null)).toBe('');
  });

  it('period labels: 1—5月, January alone 1月', () => {
    expect(periodLabel(5)).toBe('1—5月');
    expect(periodLabel(1)).toBe('1月');
    expect(periodLabel(12)).toBe('1—12月');
  });

  it('growth phrases by sign', () => {
    expect(growthPhrase(14.7)).toBe('同比增长14.7%');
    expect(growthPhrase(-3)).toBe('同比下降3.0%');
    expect(growthPhrase(0)).toBe('与上年同期持平');
    expect(growthPhrase(null)).toBe('上年同期为零，无法计算同比');
  });

  it('the summary sentence reads like the seeds', () => {
    expect(
      summarySentence({
        month: 5,
        scopeName: '全市',
        group: { enterprises: 40, revenueYoY: 14.7, profitYoY: 7.2 },
        all: { enterprises: 100, revenueYoY: 10.7, profitYoY: 12.5 },
      }),
    ).toBe(
      '1—5月，全市纳入监测的专精特新中小企业营业收入同比增长14.7%，高于全部监测中小企业4.0个百分点；利润总额同比增长7.2%，低于全部监测中小企业5.3个百分点。',
    );
    expect(
      summarySentence({
        month: 1,
        scopeName: '荣昌区',
        group: { enterprises: 4, revenueYoY: -2.5, profitYoY: null },
        all: { enterprises: 10, revenueYoY: 1, profitYoY: 3 },
      }),
    ).toBe(
      '1月，荣昌区纳入监测的专精特新中小企业营业收入同比下降2.5%，低于全部监测中小企业3.5个百分点；利润总额上年同期为零，无法计算同比。',
    );
    expect(
      summarySentence({
        month: 3,
        scopeName: '全市',
        group: { enterprises: 0, revenueYoY: null, profitYoY: null },
        all: { enterprises: 0, revenueYoY: null, profitYoY: null },
      }),
    ).toContain('暂无可比的监测数据');
  });

  it('shares in percent, null on an empty denominator', () => {
    expect(share(1, 3)).toBe(33.3);
    expect(share(0, 0)).toBeNull();
  });
});
