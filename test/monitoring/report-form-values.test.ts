import { describe, expect, it } from 'vitest';
import {
  amountProblem,
  computedRevenueMonth,
  revenueMonthComputed,
  toFormValues,
  toReportInput,
} from '../../web/src/modules/monitoring/report-form.js';

const lastMonth = { revenueYtd: 16_000_000, profitYtd: 1_300_000, employees: 125 };

describe('the monthly report form between 万元 on screen and whole yuan in the API', () => {
  it('sends whole yuan and whole kWh, exact (no floating point), and leaves empty optional fields out', () => {
    const body = toReportInput(
      {
        revenueYtd: 1800.1,
        profitYtd: -12.3,
        employees: 130,
        electricityYtd: 45.6,
        exportYtd: 0,
        taxYtd: null,
        outputYtd: 1300,
        survey: { orders: 'up' },
        suggestions: '  缺工  ',
      },
      { month: 11, lastMonth, industrial: true },
    );
    expect(body).toEqual({
      revenueYtd: 18_001_000,
      profitYtd: -123_000,
      employees: 130,
      electricityYtd: 456_000,
      exportYtd: 0,
      outputYtd: 13_000_000,
      // 当月 = 累计 − last month's 累计.
      revenueMonth: 2_001_000,
      survey: { orders: 'up' },
      suggestions: '缺工',
    });
  });

  it('leaves 工业总产值 out for a firm that is not industrial, and sends nothing until the three required figures are there', () => {
    const ctx = { month: 11, lastMonth, industrial: false };
    expect(toReportInput({ revenueYtd: 100, profitYtd: 1, employees: 3, outputYtd: 50 }, ctx)).not.toHaveProperty('outputYtd');
    expect(toReportInput({ revenueYtd: 100, profitYtd: 1 }, ctx)).toBeNull();
    expect(toReportInput({ revenueYtd: 100, employees: 3 }, ctx)).toBeNull();
    // A fractional head count cannot be sent.
    expect(toReportInput({ revenueYtd: 100, profitYtd: 1, employees: 3.5 }, ctx)).toBeNull();
  });

  it('computes 当月 from 累计: January is its own 累计; without last month the enterprise types it', () => {
    expect(computedRevenueMonth(1, 5_000_000, null)).toBe(5_000_000);
    expect(computedRevenueMonth(11, 18_000_000, lastMonth)).toBe(2_000_000);
    expect(computedRevenueMonth(11, 18_000_000, null)).toBeNull();
    expect(revenueMonthComputed(1, null)).toBe(true);
    expect(revenueMonthComputed(5, null)).toBe(false);
    const typed = toReportInput(
      { revenueYtd: 100, profitYtd: 1, employees: 3, revenueMonth: 20.5 },
      { month: 5, lastMonth: null, industrial: false },
    );
    expect(typed?.revenueMonth).toBe(205_000);
  });

  it('accepts at most one decimal of 万元 as typed, but a stored value more precise passes unchanged', () => {
    expect(amountProblem(12.3, 'wan')).toBeNull();
    expect(amountProblem(12.34, 'wan')).toBe('以万元填写，最多一位小数');
    expect(amountProblem(12.34, 'wanKwh')).toBe('以万千瓦时填写，最多一位小数');
    expect(amountProblem(1234.5678, 'wan', { initial: 1234.5678 })).toBeNull();
    expect(amountProblem(-1, 'wan')).toBe('不能为负数');
    expect(amountProblem(-1, 'wan', { signed: true })).toBeNull();
    expect(amountProblem(12.5, 'persons')).toBe('从业人员应为整数');
    expect(amountProblem(1e15, 'wan')).toBe('数值超出范围');
    expect(amountProblem(null, 'wan')).toBeNull();
  });

  it('shows the stored report in 万元', () => {
    expect(
      toFormValues({ revenueYtd: 12_345_678, profitYtd: 0, employees: 7, electricityYtd: 1_000, survey: { financing: 'down' } }),
    ).toMatchObject({
      revenueYtd: 1234.5678,
      profitYtd: 0,
      employees: 7,
      electricityYtd: 0.1,
      outputYtd: null,
      survey: { financing: 'down' },
    });
  });
});
