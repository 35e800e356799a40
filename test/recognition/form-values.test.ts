import { describe, expect, it } from 'vitest';
import { applicationForm } from '../../src/modules/recognition/recognition.schemas.js';
import { dataYears, fieldPath, fromFormValues, toFormValues, wanToYuan, yuanToWan } from '../../web/src/modules/recognition/form-values.js';

describe('the 申报书 between the API (yuan) and the screen (万元)', () => {
  it('converts amounts exactly, both ways', () => {
    expect(yuanToWan(12_345_678)).toBe(1234.5678);
    expect(wanToYuan(1234.5678)).toBe(12_345_678);
    expect(wanToYuan(0.1 + 0.2)).toBe(3000);
    expect(yuanToWan(null)).toBeNull();
    expect(wanToYuan(undefined)).toBeNull();
  });

  it('shows the three years before the round closes, newest first, keeping the figures entered', () => {
    expect(dataYears('2026-04-30')).toEqual([2025, 2024, 2023]);
    const values = toFormValues({ operations: { years: [{ year: 2024, revenue: 50_000_000, employees: 80 }] } }, '2026-04-30');
    expect(values.operations.years).toEqual([
      expect.objectContaining({ year: 2025, revenue: null }),
      expect.objectContaining({ year: 2024, revenue: 5000, employees: 80 }),
      expect.objectContaining({ year: 2023 }),
    ]);
  });

  it('sends whole yuan, leaves empty fields and empty years out, and the result passes the server schema', () => {
    const values = toFormValues(
      {
        basic: { name: '重庆示例科技有限公司', registeredCapital: 10_000_000 },
        operations: { years: [{ year: 2025, revenue: 88_000_000, netProfit: -1_200_000, employees: 120 }] },
        specialisation: { nicheMarketShare: 12.5 },
        evidence: { ip: ['0b4e5f3e-8f8e-4c39-9b8e-0a4f2f1d3c11'] },
      },
      '2026-04-30',
    );
    (values.operations.years[0] as Record<string, unknown>).rdExpense = 321.5;
    (values.basic as Record<string, unknown>).contactPhone = '';
    const form = fromFormValues(values);
    expect(form.operations.years).toEqual([
      { year: 2025, revenue: 88_000_000, netProfit: -1_200_000, employees: 120, rdExpense: 3_215_000 },
    ]);
    expect(form.basic).toEqual({ name: '重庆示例科技有限公司', registeredCapital: 10_000_000 });
    expect(form.evidence).toEqual({ ip: ['0b4e5f3e-8f8e-4c39-9b8e-0a4f2f1d3c11'] });
    expect(applicationForm.safeParse(form).success).toBe(true);
  });

  it('names the field of a refusal by its place in the form', () => {
    expect(fieldPath('form.operations.years.0.revenue')).toEqual(['operations', 'years', 0, 'revenue']);
    expect(fieldPath('form.specialisation.nicheMarketShare')).toEqual(['specialisation', 'nicheMarketShare']);
    expect(fieldPath('formVersion')).toBeNull();
  });
});
