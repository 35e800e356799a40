import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWan, parseAmount, parseCount } from './amounts.js';

describe('amounts in 万元 and 元 → whole yuan', () => {
  it.each([
    ['123.4567', 'wan', 1_234_567],
    [123.4567, 'wan', 1_234_567],
    ['0.0001', 'wan', 1],
    ['1,234.5', 'wan', 12_345_000],
    ['１２３．４５', 'wan', 1_234_500],
    [' 86000000 ', 'yuan', 86_000_000],
    ['86000000.00', 'yuan', 86_000_000],
    [0.1 + 0.2, 'wan', 3000],
    ['-12.5', 'wan', -125_000],
    ['007', 'wan', 70_000],
    [1e21, 'yuan', null],
  ] as const)('%s %s → %s', (input, unit, expected) => {
    const result = parseAmount(input, unit);
    if (expected === null) expect(result).toEqual({ problem: 'too_large' });
    else expect(result).toEqual({ yuan: expected });
  });

  it.each([
    ['12.34567', 'wan', 'too_precise'],
    ['12.5', 'yuan', 'too_precise'],
    ['abc', 'wan', 'not_a_number'],
    ['', 'wan', 'not_a_number'],
    ['1.2.3', 'wan', 'not_a_number'],
    ['99999999999999999999', 'yuan', 'too_large'],
  ] as const)('%s %s → %s', (input, unit, problem) => {
    expect(parseAmount(input, unit)).toEqual({ problem });
  });

  it('round-trips every yuan amount through 万元 text exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (yuan) => {
        expect(parseAmount(formatWan(yuan), 'wan')).toEqual({ yuan });
      }),
    );
  });

  it('round-trips 万元 typed into a spreadsheet as a number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (yuan) => {
        expect(parseAmount(Number(formatWan(yuan)), 'wan')).toEqual({ yuan });
      }),
    );
  });

  it('reads head counts', () => {
    expect(parseCount('210')).toBe(210);
    expect(parseCount(210)).toBe(210);
    expect(parseCount('２１０')).toBe(210);
    expect(parseCount('21.5')).toBeNull();
    expect(parseCount('-3')).toBeNull();
  });
});
