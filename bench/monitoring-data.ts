// Data of the monitoring benchmark (issue 11): a population of enterprises shaped like the demo's
// (districts, zones, industries, "33618" clusters, sizes and titles drawn from generateDemoEnterprises'
// distributions), their sample rows, and monthly reports with plausible values that pass the hard
// checks (累计 rising within a year, 当月 = 累计 − last month's 累计, profit and R&D below revenue),
// written as COPY text lines. Every value is a pure function of (enterprise index, period), so that
// any stage can be generated alone and a submission can send the next version of a loaded report.
import { randomUUID } from 'node:crypto';
import { type DemoEnterprise, generateDemoEnterprises } from '../src/cli/demo-enterprises.js';
import { currentTierOf, TIERS, type Tier } from '../src/domain/enterprise-rules.js';
import { SECTION_RANGES } from '../src/domain/industry-sections.js';
import { INDUSTRIAL_SECTIONS, type ReportValues } from '../src/domain/monitoring/checks.js';
import { makeUscc, USCC_ALPHABET } from '../src/domain/uscc.js';
import { deriveFromIndustry, deriveSize } from '../src/modules/enterprises/derive.js';

export type Period = { year: number; month: number };
export const periodText = (p: Period) => `${p.year}-${String(p.month).padStart(2, '0')}`;

/** The `count` periods ending with the month of `today` (YYYY-MM-DD), oldest first. */
export function periodsUpTo(today: string, count: number): Period[] {
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  const out: Period[] = [];
  for (let i = 0; i < count; i++) {
    out.unshift({ year, month });
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return out;
}

/** A fast deterministic hash of (i, salt) to [0, 1). */
function h(i: number, salt: number): number {
  let x = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 0x632be5ab, 0xc2b2ae35);
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

function sectionOf(industryCode: string | null): string | null {
  if (!industryCode) return null;
  for (const [section, [from, to]] of Object.entries(SECTION_RANGES)) if (industryCode >= from && industryCode <= to) return section;
  return null;
}

const lastDay = (p: Period) => {
  const d = new Date(Date.UTC(p.year, p.month, 0));
  return d.toISOString().slice(0, 10);
};

/** The 10th of the next month (the default due day; the benchmark does not move it to a working day). */
export function dueOn(p: Period): string {
  const y = p.month === 12 ? p.year + 1 : p.year;
  const m = p.month === 12 ? 1 : p.month + 1;
  return `${y}-${String(m).padStart(2, '0')}-10`;
}

interface Template {
  demo: DemoEnterprise;
  section: string | null;
  industrial: boolean;
  sector: string;
  sizeClass: string | null;
  currentTier: Tier | null;
  /** The latest year's figures of the demo enterprise: the scale of the reports. */
  revenue: number;
  margin: number;
  rdRate: number;
  exportShare: number;
  taxRate: number;
  employees: number;
  tierAt: Map<string, string>;
}

const esc = (v: string | number | boolean | null | undefined): string => (v === null || v === undefined ? '\\N' : String(v));
export const line = (values: (string | number | boolean | null | undefined)[]) => `${values.map(esc).join('\t')}\n`;

export const ENTERPRISE_COLUMNS = [
  'id',
  'uscc',
  'name',
  'district_code',
  'zone_code',
  'industry_code',
  'sector',
  'cluster_code',
  'established_on',
  'registered_capital',
  'contact_name',
  'contact_phone',
  'size_class',
  'latest_year',
  'latest_revenue',
  'current_tier',
];
export const TITLE_COLUMNS = ['enterprise_id', 'tier', 'level', 'batch', 'recognised_on', 'valid_until', 'status', 'certificate_no'];
export const SAMPLE_COLUMNS = ['enterprise_id', 'status', 'reason'];
export const REPORT_COLUMNS = [
  'enterprise_id',
  'year',
  'month',
  'status',
  'district_code',
  'zone_code',
  'industry_code',
  'section_code',
  'cluster_code',
  'size_class',
  'tier',
  'revenue_month',
  'revenue_ytd',
  'profit_ytd',
  'output_ytd',
  'employees',
  'rd_expense_ytd',
  'export_ytd',
  'tax_ytd',
  'electricity_ytd',
  'new_orders',
  'survey_orders',
  'survey_employment',
  'survey_financing',
  'checks',
  'due_on',
  'late',
  'first_pass',
  'revised_after_due',
  'entered_by',
  'first_submitted_at',
  'submitted_at',
  'version',
];

const SURVEY = ['up', 'flat', 'down'] as const;
const SOFT_CHECK = JSON.stringify([
  { id: 'yoy.revenueYtd', level: 'soft', field: 'revenueYtd', message: '营业收入（累计）同比变化超出 ±50%，请说明原因' },
]);

/**
 * n enterprises (index 0 … n − 1) built on `templateCount` demo enterprises: each takes a template's
 * district, zone, industry, cluster, size and titles, and scales its figures by a factor of its own.
 */
export class Population {
  readonly ids: string[];
  private readonly templates: Template[];
  private readonly templateOf: Int32Array;

  constructor(
    readonly n: number,
    readonly today: string,
    seed = 4242,
    templateCount = Math.min(n, 20_000),
  ) {
    this.templates = [];
    let k = 0;
    for (const demo of generateDemoEnterprises(templateCount + 1, seed)) {
      if (k++ === 0) continue; // the demo enterprise itself: seedDemo writes it
      const y = demo.years[demo.years.length - 1];
      const section = sectionOf(demo.industryCode);
      const size = deriveSize(demo.industryCode, demo.years);
      this.templates.push({
        demo,
        section,
        industrial: !!section && INDUSTRIAL_SECTIONS.includes(section),
        sector: deriveFromIndustry(demo.industryCode).sector,
        sizeClass: size.sizeClass,
        currentTier: currentTierOf(demo.titles, today),
        revenue: y.revenue,
        margin: y.totalProfit / y.revenue,
        rdRate: y.rdExpense / y.revenue,
        exportShare: y.exports / y.revenue,
        taxRate: y.taxesPaid / y.revenue,
        employees: y.employees,
        tierAt: new Map(),
      });
    }
    this.ids = Array.from({ length: n }, () => randomUUID());
    this.templateOf = new Int32Array(n);
    for (let i = 0; i < n; i++) this.templateOf[i] = Math.floor(h(i, 7) * this.templates.length);
  }

  private t(i: number): Template {
    return this.templates[this.templateOf[i]];
  }

  district(i: number): string {
    return this.t(i).demo.districtCode;
  }

  currentTier(i: number): Tier | null {
    return this.t(i).currentTier;
  }

  /** The highest title valid at the period's last day (the report's tier snapshot). */
  tierAt(i: number, p: Period): string {
    const t = this.t(i);
    const key = periodText(p);
    let tier = t.tierAt.get(key);
    if (tier === undefined) {
      const day = lastDay(p);
      let best = -1;
      for (const title of t.demo.titles)
        if (title.recognisedOn <= day && title.validUntil >= day) best = Math.max(best, TIERS.indexOf(title.tier as Tier));
      tier = best >= 0 ? TIERS[best] : 'none';
      t.tierAt.set(key, tier);
    }
    return tier;
  }

  /** A valid code of its own ('MB' + the index in base 31: unique, and apart from the demo's 'MA' codes). */
  uscc(i: number): string {
    let body = 'MB';
    for (let x = i, d = 0; d < 6; d++, x = Math.floor(x / 31)) body += USCC_ALPHABET[x % 31];
    return makeUscc(this.district(i), body);
  }

  name(i: number): string {
    return `${this.t(i).demo.name.replace(/(股份)?有限(责任)?公司$/, '')}${i + 1}号有限公司`;
  }

  *enterpriseLines(): Generator<string> {
    for (let i = 0; i < this.n; i++) {
      const { demo: e, sector, sizeClass, currentTier } = this.t(i);
      const scale = 0.6 + 0.8 * h(i, 1);
      yield line([
        this.ids[i],
        this.uscc(i),
        this.name(i),
        e.districtCode,
        e.zoneCode,
        e.industryCode,
        sector,
        e.clusterCode,
        e.establishedOn,
        e.registeredCapital,
        e.contactName,
        e.contactPhone,
        sizeClass,
        e.years.length ? e.years[e.years.length - 1].year : null,
        e.years.length ? Math.round(e.years[e.years.length - 1].revenue * scale) : null,
        currentTier,
      ]);
    }
  }

  *titleLines(): Generator<string> {
    for (let i = 0; i < this.n; i++)
      for (const t of this.t(i).demo.titles)
        yield line([this.ids[i], t.tier, t.level, t.batch, t.recognisedOn, t.validUntil, t.status, `${t.certificateNo}-${i}`]);
  }

  /** Every enterprise without a title is added to the sample (the benchmark's province reports in full). */
  *sampleLines(): Generator<string> {
    for (let i = 0; i < this.n; i++) if (!this.currentTier(i)) yield line([this.ids[i], 'in', '纳入监测（基准测试）']);
  }

  /** Revenue of month m of year y; `bump` scales the month (a revision sends other figures). */
  private monthRevenue(i: number, y: number, m: number): number {
    const t = this.t(i);
    const scale = 0.6 + 0.8 * h(i, 1);
    // Growth of this enterprise, year on year: −8 % … +25 %, a draw per year.
    let annual = t.revenue * scale;
    const base = Number(this.today.slice(0, 4)) - 1;
    for (let year = base; year < y; year++) annual *= 0.92 + 0.33 * h(i, 100 + year);
    for (let year = base; year > y; year--) annual /= 0.92 + 0.33 * h(i, 100 + year - 1);
    return Math.max(10_000, Math.round((annual / 12) * (0.9 + 0.2 * h(i, y * 13 + m))));
  }

  /** The report values of enterprise i for period p (bump ≠ 1: a revision of the month's revenue). */
  values(i: number, p: Period, bump = 1): ReportValues & { industrial: boolean } {
    const t = this.t(i);
    let ytd = 0;
    let month = 0;
    for (let m = 1; m <= p.month; m++) {
      month = this.monthRevenue(i, p.year, m);
      if (m === p.month && bump !== 1) month = Math.round(month * bump);
      ytd += month;
    }
    const employees = Math.max(5, Math.round(t.employees * (0.6 + 0.8 * h(i, 1)) * (0.98 + 0.04 * h(i, p.year * 13 + p.month + 5))));
    const survey = (salt: number) => {
      const r = h(i, p.year * 13 + p.month + salt);
      return r < 0.2 ? undefined : SURVEY[Math.floor((r - 0.2) * 3.75)];
    };
    return {
      industrial: t.industrial,
      revenueMonth: month,
      revenueYtd: ytd,
      profitYtd: Math.round(ytd * t.margin),
      employees,
      rdExpenseYtd: Math.round(ytd * t.rdRate),
      outputYtd: t.industrial ? Math.round(ytd * 1.08) : null,
      exportYtd: Math.round(ytd * t.exportShare),
      taxYtd: Math.round(ytd * t.taxRate),
      electricityYtd: Math.round(ytd / 8),
      newOrders: Math.round(month * (0.9 + 0.3 * h(i, p.year * 13 + p.month + 9))),
      survey: { orders: survey(11), employment: survey(12), financing: survey(13) },
    };
  }

  /** COPY lines of period p for every enterprise: 97 % accepted, 2 % awaiting an explanation, 1 % returned. */
  *reportLines(p: Period): Generator<string> {
    const due = dueOn(p);
    const salt = p.year * 13 + p.month;
    for (let i = 0; i < this.n; i++) {
      const t = this.t(i);
      const v = this.values(i, p);
      const r = h(i, salt + 21);
      const status = r < 0.97 ? 'accepted' : r < 0.99 ? 'needs_explanation' : 'returned';
      const late = h(i, salt + 22) < 0.05;
      const day = late ? 11 + Math.floor(h(i, salt + 23) * 10) : 1 + Math.floor(h(i, salt + 23) * 9);
      let submitted = `${due.slice(0, 8)}${String(day).padStart(2, '0')}T10:00:00+08:00`;
      if (submitted.slice(0, 10) > this.today) submitted = `${this.today}T00:00:00+08:00`;
      yield line([
        this.ids[i],
        p.year,
        p.month,
        status,
        t.demo.districtCode,
        t.demo.zoneCode,
        t.demo.industryCode,
        t.section,
        t.demo.clusterCode,
        t.sizeClass,
        this.tierAt(i, p),
        v.revenueMonth,
        v.revenueYtd,
        v.profitYtd,
        v.outputYtd,
        v.employees,
        v.rdExpenseYtd,
        v.exportYtd,
        v.taxYtd,
        v.electricityYtd,
        v.newOrders,
        v.survey?.orders,
        v.survey?.employment,
        v.survey?.financing,
        status === 'needs_explanation' ? SOFT_CHECK : '[]',
        due,
        late && submitted.slice(0, 10) > due,
        status === 'accepted' && !late && h(i, salt + 24) < 0.92,
        status === 'accepted' && h(i, salt + 25) < 0.005,
        h(i, salt + 26) < 0.93 ? 'enterprise' : 'district',
        submitted,
        submitted,
        1 + (h(i, salt + 27) < 0.1 ? 1 : 0),
      ]);
    }
  }
}

/** Joins generated lines into chunks of about 1 MB (a COPY stream's writes, a PGlite blob's parts). */
export function* chunks(lines: Iterable<string>, bytes = 1 << 20): Generator<string> {
  let buffer: string[] = [];
  let size = 0;
  for (const l of lines) {
    buffer.push(l);
    size += l.length;
    if (size >= bytes) {
      yield buffer.join('');
      buffer = [];
      size = 0;
    }
  }
  if (buffer.length) yield buffer.join('');
}
