import { describe, expect, it } from 'vitest';
import { yearsFor } from './assessment-years.js';

describe('yearsFor', () => {
  it('reads the three complete years before an assessment date', () => {
    expect(yearsFor('2026-11-22')).toEqual({ from: 2023, to: 2025 });
    expect(yearsFor('2026-01-01')).toEqual({ from: 2023, to: 2025 });
  });
  it('covers every date of several assessments', () => {
    expect(yearsFor('2024-06-30', '2026-03-01')).toEqual({ from: 2021, to: 2025 });
  });
});
