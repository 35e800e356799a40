import { sql } from 'drizzle-orm';
import { type BulkColumn, bulkInsert } from '../db/bulk.js';
import type { DbOrTx } from '../db/database.js';
import { type ReportValues, runChecks } from '../domain/monitoring/checks.js';
import { dueDate, formatPeriod, type Period, periodLastDay } from '../domain/monitoring/periods.js';
import { MONITORING_DEFAULTS } from '../domain/monitoring/settings.js';
import { loadCalendar } from '../modules/calendar/load-calendar.js';
import { rebuildAggregates } from '../modules/monitoring/keep-aggregates.js';
import { reportDimensions } from '../modules/monitoring/report-dimensions.js';
import type { ReportInsert, ReportVersionInsert } from '../modules/monitoring/reports.repo.js';
import { DEMO_ENTERPRISE } from './demo-enterprises.js';
import { seededRandom } from './random.js';

// Demo monthly reports (运行监测): the sample (every titled enterprise, plus some small and micro firms
// the districts added) reports 2024-01 … 2026-10; November 2026 is the open period (due 2026-12-10),
// about three in four have reported it. Growth by tier follows the seeds' story (专精特新 ≈ 15 %,
// about 4 points above all monitored SMEs; profit slower), a few reports are late, a few wait for an
// explanation (待说明), a few were revised after the due date. Written in bulk, then the aggregates
// are rebuilt from the rows.

const FIRST: Period = { year: 2024, month: 1 };
const OPEN: Period = { year: 2026, month: 11 };
/** Share of the year's revenue earned in each month (Spring Festival in February, a strong December). */
const MONTH_WEIGHTS = [0.075, 0.062, 0.085, 0.083, 0.085, 0.088, 0.082, 0.083, 0.086, 0.087, 0.086, 0.098];
/** Revenue and profit growth by tier and year (the matched sample's 累计同比 lands near these). */
const GROWTH: Record<string, Record<number, { revenue: number; profit: number }>> = {
  little_giant: { 2025: { revenue: 0.172, profit: 0.121 }, 2026: { revenue: 0.166, profit: 0.094 } },
  srdi: { 2025: { revenue: 0.153, profit: 0.098 }, 2026: { revenue: 0.145, profit: 0.071 } },
  innovative: { 2025: { revenue: 0.096, profit: 0.052 }, 2026: { revenue: 0.086, profit: 0.036 } },
  none: { 2025: { revenue: 0.071, profit: 0.028 }, 2026: { revenue: 0.064, profit: 0.012 } },
};
const UP_SHARE: Record<string, number> = { little_giant: 0.56, srdi: 0.5, innovative: 0.42, none: 0.34 };
const RD_SHARE: Record<string, number> = { little_giant: 0.052, srdi: 0.041, innovative: 0.03, none: 0.014 };
const EXPLANATION = '受大额订单集中交付影响，数据属实。';

interface Firm {
  id: string;
  tier: string | null;
  baseRevenue: number;
  margin: number;
  employees: number;
  exporter: boolean;
  rdShare: number;
  /** The first period the firm reports (added firms join later). */
  from: Period;
}

const idx = (p: Period) => p.year * 12 + p.month - 1;
const periodOfIdx = (i: number): Period => ({ year: Math.floor(i / 12), month: (i % 12) + 1 });
const cumShare = (month: number) => MONTH_WEIGHTS.slice(0, month).reduce((s, w) => s + w, 0) / MONTH_WEIGHTS.reduce((s, w) => s + w, 0);
const rowsOf = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];

/** Writes the demo sample additions, reports, versions and aggregates; returns how many reports. */
export async function writeDemoMonitoring(tx: DbOrTx, seed: number): Promise<{ reports: number; added: number }> {
  const rnd = seededRandom(seed ^ 0x11);
  const candidates = rowsOf(
    await tx.execute(sql`
      select e.id, e.uscc, e.current_tier, e.size_class, y.revenue, y.total_profit, y.employees
      from enterprises e
      left join lateral (select revenue, total_profit, employees from enterprise_years y
                         where y.enterprise_id = e.id and y.revenue is not null order by y.year desc limit 1) y on true
      order by e.uscc`),
  );
  const firms: Firm[] = [];
  const added: string[] = [];
  let demoFirm: string | null = null;
  for (const c of candidates) {
    const tier = (c.current_tier as string | null) ?? null;
    const smallOrMicro = c.size_class === 'small' || c.size_class === 'micro';
    const draw = rnd.next();
    if (!tier && !(smallOrMicro && draw < 0.1)) continue;
    if (!tier) added.push(String(c.id));
    if (c.uscc === DEMO_ENTERPRISE.uscc) demoFirm = String(c.id);
    const revenue = Number(c.revenue ?? 0) > 0 ? Number(c.revenue) : 8_000_000 + rnd.next() * 30_000_000;
    const profit = Number(c.total_profit ?? 0);
    const margin = Math.min(0.16, Math.max(0.02, revenue > 0 ? profit / revenue : 0.06)) * (0.9 + rnd.next() * 0.2);
    const t = tier ?? 'none';
    firms.push({
      id: String(c.id),
      tier,
      baseRevenue: revenue * (0.9 + rnd.next() * 0.1),
      margin,
      employees: Math.max(5, Number(c.employees ?? 0) || rnd.int(15, 180)),
      exporter: rnd.next() < 0.35,
      rdShare: RD_SHARE[t] * (0.7 + rnd.next() * 0.6),
      from: tier ? FIRST : periodOfIdx(idx(FIRST) + rnd.int(0, 20)),
    });
  }
  if (added.length)
    await bulkInsert(
      tx,
      'monitoring_sample',
      [
        { name: 'enterprise_id', type: 'uuid' },
        { name: 'status', type: 'text' },
        { name: 'reason', type: 'text' },
      ],
      added.map((id) => [id, 'in', '区县补充纳入监测的小微企业']),
      { onConflict: 'on conflict (enterprise_id) do nothing' },
    );

  const calendar = await loadCalendar(tx);
  const periods: Period[] = [];
  for (let i = idx(FIRST); i <= idx(OPEN); i++) periods.push(periodOfIdx(i));
  // Annual revenue and profit per firm and year (the tier's growth and the firm's own noise).
  const annual = new Map<string, Record<number, { revenue: number; profit: number }>>();
  for (const f of firms) {
    const g = GROWTH[f.tier ?? 'none'];
    const y2024 = { revenue: f.baseRevenue, profit: f.baseRevenue * f.margin };
    const noise = () => (rnd.next() - 0.5) * 0.14;
    const n25 = noise();
    const y2025 = { revenue: y2024.revenue * (1 + g[2025].revenue + n25), profit: y2024.profit * (1 + g[2025].profit + n25 * 1.4) };
    const n26 = noise();
    const y2026 = { revenue: y2025.revenue * (1 + g[2026].revenue + n26), profit: y2025.profit * (1 + g[2026].profit + n26 * 1.4) };
    annual.set(f.id, { 2024: y2024, 2025: y2025, 2026: y2026 });
  }
  // Firms whose October 2026 jumps (待说明) and who have not reported November since.
  const jumpers = new Set(firms.filter(() => rnd.next() < 0.008).map((f) => f.id));

  const reports: ReportInsert[] = [];
  const versions: ReportVersionInsert[] = [];
  const values = new Map<string, ReportValues>();
  for (const p of periods) {
    const dims = await reportDimensions(
      tx,
      firms.filter((f) => idx(f.from) <= idx(p)).map((f) => f.id),
      periodLastDay(p),
    );
    const dueOn = dueDate(p, MONITORING_DEFAULTS, calendar);
    const isOpen = idx(p) === idx(OPEN);
    for (const f of firms) {
      const d = dims.get(f.id);
      if (!d) continue;
      // The demo enterprise has November still to report (the browser story starts there).
      if (isOpen && (jumpers.has(f.id) || f.id === demoFirm || rnd.next() < 0.26)) continue;
      const year = annual.get(f.id)?.[p.year];
      if (!year) continue;
      const jump = p.year === 2026 && p.month === 10 && jumpers.has(f.id) ? 1.8 : 1;
      const wobble = 0.97 + rnd.next() * 0.06;
      const revenueYtd = Math.round(year.revenue * cumShare(p.month) * (p.month === 1 ? wobble : 1) * jump);
      const lastMonth = p.month > 1 ? values.get(`${f.id}|${p.year}|${p.month - 1}`) : undefined;
      const lastYear = values.get(`${f.id}|${p.year - 1}|${p.month}`) ?? null;
      const revenueMonth = lastMonth ? revenueYtd - lastMonth.revenueYtd : p.month === 1 ? revenueYtd : null;
      const industrial = d.sectionCode === 'B' || d.sectionCode === 'C' || d.sectionCode === 'D';
      const t = f.tier ?? 'none';
      const answer = (up: number, flat: number) => {
        const r = rnd.next();
        return r < up ? 'up' : r < up + flat ? 'flat' : 'down';
      };
      const v: ReportValues = {
        revenueMonth,
        revenueYtd,
        profitYtd: Math.round(year.profit * cumShare(p.month) * jump),
        employees: Math.round(f.employees * (1 + 0.035 * (p.year - 2024) + (p.month - 6) * 0.001)),
        rdExpenseYtd: Math.round(revenueYtd * f.rdShare),
        outputYtd: industrial ? Math.round(revenueYtd * 0.94) : null,
        exportYtd: f.exporter ? Math.round(revenueYtd * 0.12) : null,
        taxYtd: Math.round(revenueYtd * 0.034),
        electricityYtd: industrial ? Math.round((revenueYtd / 10_000) * 620) : null,
        newOrders: revenueMonth === null ? null : Math.max(0, Math.round(revenueMonth * (0.9 + rnd.next() * 0.35))),
        survey: {
          orders: answer(UP_SHARE[t], 0.32),
          employment: answer(UP_SHARE[t] * 0.6, 0.5),
          financing: answer(0.38, 0.42),
        },
        suggestions: null,
      };
      const checks = runChecks(v, {
        month: p.month,
        lastMonth: lastMonth ?? null,
        lastYear,
        industrial,
        settings: MONITORING_DEFAULTS,
      });
      if (checks.some((c) => c.level === 'hard')) continue;
      values.set(`${f.id}|${p.year}|${p.month}`, v);
      const soft = checks.filter((c) => c.level === 'soft');
      const waiting = soft.length > 0 && (jump > 1 || (p.year === 2026 && p.month >= 10 && rnd.next() < 0.5));
      const explanations = waiting ? {} : Object.fromEntries(soft.map((c) => [c.id, EXPLANATION]));
      const status = waiting ? 'needs_explanation' : 'accepted';
      const late = !isOpen && rnd.next() < 0.06;
      const submitted = isOpen
        ? new Date(`2026-12-01T0${rnd.int(1, 9)}:${String(rnd.int(10, 59))}:00+08:00`)
        : new Date(Date.parse(`${dueOn}T10:00:00+08:00`) + (late ? rnd.int(1, 6) : -rnd.int(0, 8)) * 86_400_000);
      const revised = !isOpen && !late && status === 'accepted' && rnd.next() < 0.004;
      const entered = rnd.next() < 0.08 ? 'district' : 'enterprise';
      const key = { enterpriseId: f.id, year: p.year, month: p.month };
      reports.push({
        ...key,
        status,
        districtCode: d.districtCode,
        zoneCode: d.zoneCode,
        industryCode: d.industryCode,
        sectionCode: d.sectionCode,
        clusterCode: d.clusterCode,
        sizeClass: d.sizeClass,
        tier: d.tier,
        revenueMonth: v.revenueMonth ?? null,
        revenueYtd: v.revenueYtd,
        profitYtd: v.profitYtd,
        outputYtd: v.outputYtd ?? null,
        employees: v.employees,
        rdExpenseYtd: v.rdExpenseYtd ?? null,
        exportYtd: v.exportYtd ?? null,
        taxYtd: v.taxYtd ?? null,
        electricityYtd: v.electricityYtd ?? null,
        newOrders: v.newOrders ?? null,
        surveyOrders: v.survey?.orders ?? null,
        surveyEmployment: v.survey?.employment ?? null,
        surveyFinancing: v.survey?.financing ?? null,
        suggestions: null,
        explanations,
        checks,
        dueOn,
        late,
        firstPass: status === 'accepted' && soft.length === 0,
        revisedAfterDue: revised,
        enteredBy: entered,
        firstSubmittedAt: submitted,
        submittedAt: revised ? new Date(submitted.getTime() + 20 * 86_400_000) : submitted,
        submittedBy: null,
        reviewedBy: null,
        reviewedAt: null,
        returnReason: null,
        version: revised ? 2 : 1,
      });
      const role = entered === 'district' ? 'district_admin' : 'enterprise';
      versions.push({
        ...key,
        version: 1,
        status,
        values: { ...v, explanations },
        action: 'submit',
        afterDue: late,
        actorRole: role,
        at: submitted,
      });
      if (revised)
        versions.push({
          ...key,
          version: 2,
          status,
          values: { ...v, explanations },
          action: 'revise',
          afterDue: true,
          actorRole: role,
          note: '更正利润总额口径',
          at: new Date(submitted.getTime() + 20 * 86_400_000),
        });
    }
  }
  // bulkInsert (one array per column) binds far faster on PGlite than a statement of row values.
  const reportColumns: [keyof ReportInsert, BulkColumn][] = [
    ['enterpriseId', { name: 'enterprise_id', type: 'uuid' }],
    ['year', { name: 'year', type: 'int4' }],
    ['month', { name: 'month', type: 'int4' }],
    ['status', { name: 'status', type: 'text' }],
    ['districtCode', { name: 'district_code', type: 'text' }],
    ['zoneCode', { name: 'zone_code', type: 'text' }],
    ['industryCode', { name: 'industry_code', type: 'text' }],
    ['sectionCode', { name: 'section_code', type: 'text' }],
    ['clusterCode', { name: 'cluster_code', type: 'text' }],
    ['sizeClass', { name: 'size_class', type: 'text' }],
    ['tier', { name: 'tier', type: 'text' }],
    ['revenueMonth', { name: 'revenue_month', type: 'int8' }],
    ['revenueYtd', { name: 'revenue_ytd', type: 'int8' }],
    ['profitYtd', { name: 'profit_ytd', type: 'int8' }],
    ['outputYtd', { name: 'output_ytd', type: 'int8' }],
    ['employees', { name: 'employees', type: 'int4' }],
    ['rdExpenseYtd', { name: 'rd_expense_ytd', type: 'int8' }],
    ['exportYtd', { name: 'export_ytd', type: 'int8' }],
    ['taxYtd', { name: 'tax_ytd', type: 'int8' }],
    ['electricityYtd', { name: 'electricity_ytd', type: 'int8' }],
    ['newOrders', { name: 'new_orders', type: 'int8' }],
    ['surveyOrders', { name: 'survey_orders', type: 'text' }],
    ['surveyEmployment', { name: 'survey_employment', type: 'text' }],
    ['surveyFinancing', { name: 'survey_financing', type: 'text' }],
    ['explanations', { name: 'explanations', type: 'jsonb' }],
    ['checks', { name: 'checks', type: 'jsonb' }],
    ['dueOn', { name: 'due_on', type: 'date' }],
    ['late', { name: 'late', type: 'bool' }],
    ['firstPass', { name: 'first_pass', type: 'bool' }],
    ['revisedAfterDue', { name: 'revised_after_due', type: 'bool' }],
    ['enteredBy', { name: 'entered_by', type: 'text' }],
    ['firstSubmittedAt', { name: 'first_submitted_at', type: 'timestamptz' }],
    ['submittedAt', { name: 'submitted_at', type: 'timestamptz' }],
    ['version', { name: 'version', type: 'int4' }],
  ];
  const cell = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));
  await bulkInsert(
    tx,
    'monitoring_reports',
    reportColumns.map(([, c]) => c),
    reports.map((r) => reportColumns.map(([k]) => cell(r[k]))),
  );
  const versionColumns: [keyof ReportVersionInsert, BulkColumn][] = [
    ['enterpriseId', { name: 'enterprise_id', type: 'uuid' }],
    ['year', { name: 'year', type: 'int4' }],
    ['month', { name: 'month', type: 'int4' }],
    ['version', { name: 'version', type: 'int4' }],
    ['status', { name: 'status', type: 'text' }],
    ['values', { name: 'values', type: 'jsonb' }],
    ['action', { name: 'action', type: 'text' }],
    ['afterDue', { name: 'after_due', type: 'bool' }],
    ['actorRole', { name: 'actor_role', type: 'text' }],
    ['note', { name: 'note', type: 'text' }],
    ['at', { name: 'at', type: 'timestamptz' }],
  ];
  await bulkInsert(
    tx,
    'monitoring_report_versions',
    versionColumns.map(([, c]) => c),
    versions.map((r) => versionColumns.map(([k]) => cell(r[k]))),
  );
  await rebuildAggregates(tx);
  return { reports: reports.length, added: added.length };
}

export const DEMO_OPEN_PERIOD = formatPeriod(OPEN);
