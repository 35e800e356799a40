import { describe, expect, it } from 'vitest';
import { chineseDate, countText, daysFrom, expiryWindowEnd, TITLE_EXPIRY_WARNING_DAYS, toneOf } from './items.js';

describe('workbench rules', () => {
  it('gives an item its tone: nothing waiting is normal, urgent work a warning, anything past its date danger', () => {
    expect(toneOf(0, { overdue: true })).toBe('normal');
    expect(toneOf(3)).toBe('normal');
    expect(toneOf(3, { urgent: true })).toBe('warning');
    expect(toneOf(1, { overdue: true, urgent: true })).toBe('danger');
  });

  it('ends the expiry window 90 days after today, across months and years', () => {
    expect(TITLE_EXPIRY_WARNING_DAYS).toBe(90);
    expect(expiryWindowEnd('2026-12-01')).toBe('2027-03-01');
    expect(expiryWindowEnd('2028-01-01')).toBe('2028-03-31');
    expect(daysFrom('2026-12-01', expiryWindowEnd('2026-12-01'))).toBe(90);
    expect(daysFrom('2026-12-10', '2026-12-01')).toBe(-9);
  });

  it('writes dates and counts as people read them', () => {
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日');
    expect(countText(12345)).toBe('12,345');
  });
});
