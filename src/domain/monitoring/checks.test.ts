import { describe, expect, it } from 'vitest';
import { type CheckContext, changePercent, type ReportValues, runChecks, unexplained } from './checks.js';
import { MONITORING_DEFAULTS } from './settings.js';

// Values in whole yuan. A clean base: revenue 1,000 万元 (margin 10 %), R&D 4 %.
const base: ReportValues = { revenueYtd: 10_000_000, profitYtd: 1_000_000, employees: 100, outputYtd: 9_000_000, rdExpenseYtd: 400_000 };
const ctx = (over: Partial<CheckContext> = {}): CheckContext => ({
  month: 5,
  lastMonth: null,
  lastYear: null,
  industrial: true,
  settings: MONITORING_DEFAULTS,
  ...over,
});
const ids = (v: ReportValues, c: Partial<CheckContext> = {}) => runChecks(v, ctx(c)).map((x) => x.id);
const one = (v: ReportValues, c: Partial<CheckContext> = {}) => runChecks(v, ctx(c));

describe('hard checks (强制性审核)', () => {
  it('passes a clean report', () => {
    expect(one(base)).toEqual([]);
  });

  it('requires 营业收入、利润总额、从业人员; 工业总产值 for industrial firms; 研发费用 in the R&D months only', () => {
    const missing = { revenueYtd: null, profitYtd: undefined, employees: null } as unknown as ReportValues;
    expect(ids(missing, { industrial: false })).toEqual(['required.revenueYtd', 'required.profitYtd', 'required.employees']);
    expect(one(missing, { industrial: false })[0]).toMatchObject({ level: 'hard', field: 'revenueYtd', message: '请填写营业收入（累计）' });
    const noOutput = { ...base, outputYtd: null };
    expect(ids(noOutput, { industrial: true })).toEqual(['required.outputYtd']);
    expect(ids(noOutput, { industrial: false })).toEqual([]);
    const noRd = { ...base, rdExpenseYtd: null };
    expect(ids(noRd, { month: 6 })).toEqual(['required.rdExpenseYtd']);
    expect(one(noRd, { month: 6 })[0].message).toBe('请填写研发费用（累计）（6月须填报）');
    expect(ids(noRd, { month: 5 })).toEqual([]);
    expect(ids(noRd, { month: 5, settings: { ...MONITORING_DEFAULTS, rdMonths: [5] } })).toEqual(['required.rdExpenseYtd']);
  });

  it('refuses negative amounts (利润总额 may be a loss) and a fractional head count', () => {
    expect(ids({ ...base, exportYtd: -1 })).toEqual(['negative.exportYtd']);
    expect(ids({ ...base, exportYtd: 0 })).toEqual([]);
    expect(ids({ ...base, employees: -1 })).toEqual(['negative.employees']);
    expect(ids({ ...base, profitYtd: -1_000_000 })).toEqual([]);
    expect(ids({ ...base, employees: 10.5 })).toEqual(['employees_integer']);
    expect(one({ ...base, employees: 10.5 })[0].message).toBe('从业人员（期末）应为整数（人）');
  });

  it('refuses amounts beyond the database’s range and fractions of a yuan, naming the field', () => {
    expect(ids({ ...base, taxYtd: Number.MAX_SAFE_INTEGER })).toEqual([]);
    const over = one({ ...base, taxYtd: Number.MAX_SAFE_INTEGER + 2 });
    expect(over).toEqual([{ id: 'out_of_range.taxYtd', level: 'hard', field: 'taxYtd', message: '应交税金（累计）超出可填报的范围' }]);
    expect(ids({ ...base, employees: 2_147_483_648 })).toEqual(['out_of_range.employees']);
    expect(ids({ ...base, newOrders: 1.5 })).toEqual(['out_of_range.newOrders']);
  });

  it('refuses 累计 below last month’s 累计 in the same year (not in January, not for 利润总额)', () => {
    const lastMonth = { ...base, revenueYtd: 10_000_001, profitYtd: 2_000_000 };
    expect(ids(base, { lastMonth })).toEqual(['ytd_below_last_month.revenueYtd']);
    expect(one(base, { lastMonth })[0].message).toBe('营业收入（累计）不能低于上月累计（上月 1,000.0001 万元，本月 1,000 万元）');
    expect(ids(base, { lastMonth: { ...base } })).toEqual([]);
    expect(ids(base, { lastMonth, month: 1 })).toEqual([]);
    expect(ids(base, { lastMonth: { ...base, electricityYtd: 5 } })).toEqual([]); // this month's electricity not given
    expect(ids({ ...base, electricityYtd: 4 }, { lastMonth: { ...base, electricityYtd: 5 } })).toEqual([
      'ytd_below_last_month.electricityYtd',
    ]);
  });

  it('refuses 当月 that is not 累计 − last month’s 累计 beyond the tolerance (January: 当月 = 累计)', () => {
    const lastMonth = { ...base, revenueYtd: 8_000_000 };
    expect(ids({ ...base, revenueMonth: 2_000_000 }, { lastMonth })).toEqual([]);
    expect(ids({ ...base, revenueMonth: 2_001_000 }, { lastMonth })).toEqual([]); // at the 1,000 yuan tolerance
    expect(ids({ ...base, revenueMonth: 2_001_001 }, { lastMonth })).toEqual(['month_mismatch.revenue']);
    expect(ids({ ...base, revenueMonth: 2_001_001 })).toEqual([]); // no last month: nothing to compare
    expect(ids({ ...base, revenueMonth: 10_000_000 }, { month: 1 })).toEqual([]);
    expect(ids({ ...base, revenueMonth: 9_000_000 }, { month: 1 })).toEqual(['month_mismatch.revenue']);
  });

  it('refuses 利润总额 or 研发费用 above 营业收入 (equal is allowed)', () => {
    expect(ids({ ...base, profitYtd: 10_000_001 })).toEqual(['profit_above_revenue']);
    expect(ids({ ...base, rdExpenseYtd: 10_000_001 })).toEqual(['rd_above_revenue']);
    expect(ids({ ...base, rdExpenseYtd: 10_000_000 }).filter((i) => i.startsWith('rd_above'))).toEqual([]);
  });

  it('reports hard failures only, without the soft ones', () => {
    const lastYear = { ...base, revenueYtd: 1_000_000 };
    expect(ids({ ...base, exportYtd: -1 }, { lastYear })).toEqual(['negative.exportYtd']);
  });
});

describe('soft checks (提示性审核)', () => {
  it('asks about 累计同比 beyond ±yoyLimit for revenue, profit and output (at the limit: no)', () => {
    const lastYear = { ...base, revenueYtd: 10_000_000 / 1.5, profitYtd: 1_000_000, outputYtd: 9_000_000 };
    expect(ids(base, { lastYear })).toEqual([]); // +50.0 %
    expect(ids({ ...base, revenueYtd: 10_000_001, profitYtd: 1_000_000 }, { lastYear })).toEqual(['yoy.revenueYtd']);
    // −50.0 % exactly for revenue and profit: at the limit, no question.
    expect(ids({ ...base, revenueYtd: 5_000_000, profitYtd: 500_000 }, { lastYear: { ...base } })).toEqual([]);
    expect(ids({ ...base, profitYtd: 499_999 }, { lastYear: { ...base } })).toEqual(['yoy.profitYtd']);
    expect(ids({ ...base, outputYtd: 4_499_999 }, { lastYear: { ...base } })).toEqual(['yoy.outputYtd']);
    const c = one({ ...base, outputYtd: 4_499_999 }, { lastYear: { ...base } })[0];
    expect(c).toMatchObject({ level: 'soft', field: 'outputYtd', message: '工业总产值（累计）同比-50.0%，超出 ±50%，请说明原因' });
    // A loss last year: the base is |prev|.
    expect(ids({ ...base, profitYtd: 1_000_000 }, { lastYear: { ...base, profitYtd: -1_000_000 } })).toEqual(['yoy.profitYtd']);
  });

  it('asks about 当月环比 beyond ±momLimit (from 当月 or 累计 differences)', () => {
    const lastMonth = { ...base, revenueYtd: 9_000_000, revenueMonth: 500_000 };
    // This month 1,000,000 against 500,000: +100 % exactly.
    expect(ids({ ...base, revenueMonth: 1_000_000 }, { lastMonth })).toEqual([]);
    expect(ids({ ...base, revenueYtd: 10_000_001, revenueMonth: 1_000_001 }, { lastMonth })).toEqual(['mom.revenue']);
    // 当月 not given: 累计 − last month's 累计.
    expect(ids({ ...base, revenueYtd: 10_000_001 }, { lastMonth })).toEqual(['mom.revenue']);
  });

  it('asks about a margin outside marginMin..marginMax', () => {
    expect(ids({ ...base, profitYtd: 6_000_000 })).toEqual([]);
    expect(ids({ ...base, profitYtd: 6_000_001 })).toEqual(['margin']);
    expect(ids({ ...base, profitYtd: -5_000_000 })).toEqual([]);
    expect(ids({ ...base, profitYtd: -5_000_001 })).toEqual(['margin']);
    expect(one({ ...base, profitYtd: -5_000_001 })[0].message).toContain('利润率');
  });

  it('asks about a zero where last year had a value (instead of a −100 % 同比)', () => {
    const lastYear = { ...base, exportYtd: 100, taxYtd: 0 };
    expect(ids({ ...base, exportYtd: 0, taxYtd: 0 }, { lastYear })).toEqual(['zero_vs_last_year.exportYtd']);
    expect(ids({ ...base, outputYtd: 0 }, { lastYear: { ...base } })).toEqual(['zero_vs_last_year.outputYtd']);
  });

  it('asks about the R&D share moving more than rdShareMove points', () => {
    const lastYear = { ...base, rdExpenseYtd: 100_000 }; // 1 %
    expect(ids({ ...base, rdExpenseYtd: 600_000 }, { lastYear })).toEqual([]); // 6 %: +5 points
    expect(ids({ ...base, rdExpenseYtd: 600_001 }, { lastYear })).toEqual(['rd_share_move']);
  });

  it('follows the settings', () => {
    const lastYear = { ...base, revenueYtd: 5_000_000, profitYtd: 500_000, outputYtd: 4_500_000, rdExpenseYtd: 200_000 };
    expect(ids(base, { lastYear })).toEqual(['yoy.revenueYtd', 'yoy.profitYtd', 'yoy.outputYtd']);
    expect(ids(base, { lastYear, settings: { ...MONITORING_DEFAULTS, yoyLimit: 100 } })).toEqual([]);
  });

  it('counts a soft check explained only with a non-blank text', () => {
    const checks = one({ ...base, profitYtd: 7_000_000 });
    expect(unexplained(checks, {})).toHaveLength(1);
    expect(unexplained(checks, { margin: '  ' })).toHaveLength(1);
    expect(unexplained(checks, { margin: '一次性资产处置收益' })).toEqual([]);
  });

  it('computes changes against |prev| and none against zero', () => {
    expect(changePercent(150, 100)).toBe(50);
    expect(changePercent(0, -100)).toBe(100);
    expect(changePercent(1, 0)).toBeNull();
  });
});
