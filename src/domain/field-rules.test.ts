import { describe, expect, it } from 'vitest';
import {
  checkCount,
  checkEstablishedOn,
  checkNicheEntryYear,
  checkPhone,
  checkScore,
  checkText,
  checkYuan,
  INT4_MAX,
  YUAN_MAX,
} from './field-rules.js';

const code = (p: { code: string } | null) => p?.code ?? null;

describe('field rules', () => {
  it('holds head counts to the integer column and yuan to exact doubles', () => {
    expect(checkCount(INT4_MAX)).toBeNull();
    expect(code(checkCount(INT4_MAX + 1))).toBe('COUNT_INVALID');
    expect(code(checkCount(-1))).toBe('COUNT_INVALID');
    expect(code(checkCount(1.5))).toBe('COUNT_INVALID');
    expect(checkYuan(YUAN_MAX)).toBeNull();
    expect(code(checkYuan(YUAN_MAX + 2))).toBe('NUMBER_OUT_OF_RANGE');
    expect(code(checkYuan(-1))).toBe('AMOUNT_NEGATIVE');
    expect(checkYuan(-1, { mayBeNegative: true })).toBeNull();
    expect(checkYuan(Number.POSITIVE_INFINITY)?.message).toBe('数值超出范围');
    expect(checkYuan(Number.NaN)?.message).toBe('不是有效的数字');
  });

  it('keeps dates of fact within 1900–2100 and not after today', () => {
    expect(checkEstablishedOn('1900-01-01', '2026-06-01')).toBeNull();
    expect(code(checkEstablishedOn('1899-12-31', '2026-06-01'))).toBe('DATE_OUT_OF_RANGE');
    expect(code(checkEstablishedOn('0000-01-01', '2026-06-01'))).toBe('DATE_OUT_OF_RANGE');
    expect(code(checkEstablishedOn('2026-06-02', '2026-06-01'))).toBe('DATE_IN_FUTURE');
  });

  it('keeps the niche entry year between the founding and this year', () => {
    expect(checkNicheEntryYear(2026, { currentYear: 2026, establishedOn: '2026-01-01' })).toBeNull();
    expect(code(checkNicheEntryYear(2027, { currentYear: 2026 }))).toBe('YEAR_IN_FUTURE');
    expect(code(checkNicheEntryYear(2014, { currentYear: 2026, establishedOn: '2015-04-01' }))).toBe('NICHE_YEAR_BEFORE_ESTABLISHED');
    expect(code(checkNicheEntryYear(1899, { currentYear: 2026 }))).toBe('YEAR_INVALID');
  });

  it('refuses control and bidirectional characters, formulas as phones, and scores beyond two decimals', () => {
    for (const c of ['\u0000', '\u007f', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\ud800'])
      expect(code(checkText(`重庆${c}公司`, 100)), JSON.stringify(c)).toBe('CONTROL_CHARACTER');
    expect(checkText('重庆“小巨人”公司 😀', 100)).toBeNull();
    expect(code(checkText('一'.repeat(101), 100))).toBe('TOO_LONG');
    expect(code(checkPhone('=1+2'))).toBe('PHONE_INVALID');
    expect(checkPhone('+86 (023) 4678-1234')).toBeNull();
    expect(checkScore(63.25, 100)).toBeNull();
    expect(code(checkScore(63.125, 100))).toBe('SCORE_INVALID');
    expect(code(checkScore(15.5, 15))).toBe('SCORE_INVALID');
  });
});
