import { describe, expect, it } from 'vitest';
import { count, date, dateTime, growth, percent, time, wan } from '../../web/src/shared/format.js';

describe('the web formatter (one way for every page)', () => {
  it('writes 万元 with separators and two decimals', () => {
    expect(wan(15_000_000)).toBe('1,500.00');
    expect(wan(1_234_567)).toBe('123.46');
    expect(wan(-125_000)).toBe('-12.50');
    expect(wan(null)).toBe('—');
    expect(wan(undefined)).toBe('—');
  });

  it('writes counts and percentages', () => {
    expect(count(65_534)).toBe('65,534');
    expect(count(null)).toBe('—');
    expect(percent(12.345)).toBe('12.3%');
    expect(percent(2)).toBe('2.0%');
    expect(percent(Number.NaN)).toBe('—');
  });

  it('writes times in Asia/Shanghai whatever the machine’s zone', () => {
    // 2026-01-01 00:30 UTC is 08:30 in Chongqing; 2025-12-31 20:00 UTC is already 1 January there.
    expect(dateTime('2026-01-01T00:30:00.000Z')).toBe('2026-01-01 08:30');
    expect(dateTime('2026-01-01T00:30:05Z', { seconds: true })).toBe('2026-01-01 08:30:05');
    expect(date('2025-12-31T20:00:00Z')).toBe('2026-01-01');
    expect(time('2025-12-31T20:00:00Z')).toBe('04:00');
    // A calendar date is not shifted.
    expect(date('2026-03-01')).toBe('2026-03-01');
    expect(dateTime('not a date')).toBe('—');
    expect(dateTime(null)).toBe('—');
  });

  it('does not show growth from a loss as a percentage', () => {
    expect(growth(110, 100)).toEqual({ text: '+10.0%', tone: 'up' });
    expect(growth(90, 100)).toEqual({ text: '-10.0%', tone: 'down' });
    // A loss of 65 then a profit of 215 is not "+431%".
    expect(growth(215, -65)).toEqual({ text: '扭亏', tone: 'up' });
    expect(growth(-20, -65)).toEqual({ text: '减亏', tone: 'up' });
    expect(growth(-80, -65)).toEqual({ text: '增亏', tone: 'down' });
    expect(growth(-10, 100)).toEqual({ text: '转亏', tone: 'down' });
    expect(growth(10, 0)).toBeNull();
    expect(growth(null, 100)).toBeNull();
  });
});
