import { describe, expect, it } from 'vitest';
import { checkYearValues, currentTierOf, yearOnYear } from './enterprise-rules.js';

describe('yearly indicator rules', () => {
  it('accepts consistent values, losses included', () => {
    expect(checkYearValues(2025, { revenue: 100, mainRevenue: 100, netProfit: -5, employees: 10, rdStaff: 10 }, 2026)).toEqual([]);
  });
  it.each([
    [{ revenue: -1 }, 'AMOUNT_NEGATIVE', 'revenue'],
    [{ revenue: 100, mainRevenue: 101 }, 'MAIN_REVENUE_ABOVE_REVENUE', 'mainRevenue'],
    [{ employees: 10, rdStaff: 11 }, 'RD_STAFF_ABOVE_EMPLOYEES', 'rdStaff'],
  ])('%o → %s', (values, code, field) => {
    expect(checkYearValues(2025, values, 2026)).toEqual([expect.objectContaining({ code, field })]);
  });
  it('refuses a year in the future', () => {
    expect(checkYearValues(2027, {}, 2026)[0].code).toBe('YEAR_INVALID');
  });
});

describe('year on year', () => {
  it.each([
    [114.7, 100, 14.7],
    [93, 100, -7],
    [5, -10, 150],
    [1, 0, null],
    [null, 3, null],
  ])('%s vs %s → %s', (a, b, r) => {
    expect(yearOnYear(a, b)).toBe(r);
  });
});

describe('current tier from titles', () => {
  it('takes the highest valid title on the date', () => {
    const titles = [
      { tier: 'innovative', status: 'valid', validUntil: '2027-01-01' },
      { tier: 'little_giant', status: 'valid', validUntil: '2025-06-30' },
      { tier: 'srdi', status: 'valid', validUntil: null },
      { tier: 'little_giant', status: 'revoked', validUntil: null },
    ];
    expect(currentTierOf(titles, '2026-11-23')).toBe('srdi');
    expect(currentTierOf(titles, '2025-06-30')).toBe('little_giant');
    expect(currentTierOf([], '2026-11-23')).toBeNull();
  });

  it('counts a title under 复核 as held until the result, an expired one not', () => {
    expect(currentTierOf([{ tier: 'srdi', status: 'under_review', validUntil: '2026-12-31' }], '2026-11-23')).toBe('srdi');
    expect(currentTierOf([{ tier: 'srdi', status: 'under_review', validUntil: '2026-10-31' }], '2026-11-23')).toBe('srdi');
    expect(currentTierOf([{ tier: 'srdi', status: 'expired', validUntil: '2026-12-31' }], '2026-11-23')).toBeNull();
  });
});
