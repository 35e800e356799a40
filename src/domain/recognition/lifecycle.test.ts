import { describe, expect, it } from 'vitest';
import { banUntil, canTransition, RECOGNITION_ACTIONS, RECOGNITION_STATUSES, TRANSITIONS, titleValidUntil } from './lifecycle.js';

describe('the recognition lifecycle', () => {
  it('a title is valid for 3 years from the announcement, to the same date minus one day', () => {
    expect(titleValidUntil('2026-06-15')).toBe('2029-06-14');
    expect(titleValidUntil('2026-01-01')).toBe('2028-12-31');
    expect(titleValidUntil('2028-02-29')).toBe('2031-02-28');
    expect(titleValidUntil('2027-03-01')).toBe('2030-02-28');
  });

  it('a ban runs until the same date 3 years after the revocation', () => {
    expect(banUntil('2026-12-01', 3)).toBe('2029-12-01');
    expect(banUntil('2028-02-29', 3)).toBe('2031-02-28');
  });

  it('every action leads to a known status, from known statuses only', () => {
    for (const action of RECOGNITION_ACTIONS) {
      expect(RECOGNITION_STATUSES).toContain(TRANSITIONS[action].to);
      for (const from of TRANSITIONS[action].from) expect(RECOGNITION_STATUSES).toContain(from);
    }
    expect(canTransition('submit', 'returned')).toBe(true);
    expect(canTransition('submit', 'submitted')).toBe(false);
    expect(canTransition('city_approve', 'submitted')).toBe(false);
    expect(canTransition('withdraw', 'district_approved')).toBe(false);
  });
});
