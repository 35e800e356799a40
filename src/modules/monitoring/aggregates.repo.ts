import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { rowsOf } from '../../db/rows.js';
import type { ReportRow } from './reports.repo.js';

// The only SQL on monitoring_aggregates (运行分析的预汇总): the contributions of report cells, the
// net-difference upsert, the rebuild from the rows, and the reads of the figures.

/** A cell of the aggregates: one enterprise's month. Its contribution comes from its report (if
 *  accepted) and the same month of the year before (matched sample). */
export type CellKey = { enterpriseId: string; year: number; month: number };

/** The dimensions of the aggregates (dim column); a null key is ''. */
export const AGGREGATE_DIMS = ['all', 'tier', 'district', 'industry', 'section', 'cluster', 'size'] as const;
export type AggregateDim = (typeof AGGREGATE_DIMS)[number];

/** The summed columns of monitoring_aggregates, in a fixed order (the upsert's arrays follow it). */
export const AGGREGATE_SUMS = [
  'matched',
  'unmatched',
  'revised',
  'revenue_cur',
  'revenue_prev',
  'profit_cur',
  'profit_prev',
  'output_cur',
  'output_prev',
  'rd_cur',
  'rd_prev',
  'export_cur',
  'export_prev',
  'tax_cur',
  'tax_prev',
  'employees_cur',
  'employees_prev',
  'electricity_cur',
  'electricity_prev',
  'orders_up',
  'orders_answered',
  'employment_up',
  'employment_answered',
  'financing_up',
  'financing_answered',
] as const;
export type AggregateSum = (typeof AGGREGATE_SUMS)[number];
const COUNT_COLUMNS = new Set<AggregateSum>([
  'matched',
  'unmatched',
  'revised',
  'orders_up',
  'orders_answered',
  'employment_up',
  'employment_answered',
  'financing_up',
  'financing_answered',
]);

export interface AggregateRow {
  year: number;
  month: number;
  unitKind: 'district' | 'zone';
  unitCode: string;
  dim: AggregateDim;
  dimKey: string;
  sums: Record<AggregateSum, number>;
}

/** Metric name → report column (optional ones count only where both years have a value). */
const METRICS: { name: string; column: string; optional: boolean }[] = [
  { name: 'revenue', column: 'revenue_ytd', optional: false },
  { name: 'profit', column: 'profit_ytd', optional: false },
  { name: 'output', column: 'output_ytd', optional: true },
  { name: 'rd', column: 'rd_expense_ytd', optional: true },
  { name: 'export', column: 'export_ytd', optional: true },
  { name: 'tax', column: 'tax_ytd', optional: true },
  { name: 'employees', column: 'employees', optional: false },
  { name: 'electricity', column: 'electricity_ytd', optional: true },
];

const SUM_EXPRESSIONS: Record<AggregateSum, string> = (() => {
  const out: Partial<Record<AggregateSum, string>> = {
    matched: 'count(*) filter (where c.matched)',
    unmatched: 'count(*) filter (where not c.matched)',
    revised: 'count(*) filter (where c.revised)',
  };
  for (const m of METRICS) {
    const both = m.optional ? ` and c.${m.column} is not null and c.prev_${m.column} is not null` : '';
    out[`${m.name}_cur` as AggregateSum] = `coalesce(sum(c.${m.column}) filter (where c.matched${both}), 0)`;
    out[`${m.name}_prev` as AggregateSum] = `coalesce(sum(c.prev_${m.column}) filter (where c.matched${both}), 0)`;
  }
  for (const s of ['orders', 'employment', 'financing']) {
    out[`${s}_up` as AggregateSum] = `count(*) filter (where c.survey_${s} = 'up')`;
    out[`${s}_answered` as AggregateSum] = `count(*) filter (where c.survey_${s} is not null)`;
  }
  return out as Record<AggregateSum, string>;
})();

/**
 * The contributions of accepted reports, grouped into aggregate rows, in SQL (the rebuild and the
 * drift checks): `source` selects the reports (some years, or all); `prevYears` names the years
 * their previous-year rows can be in.
 * Each accepted report counts once under its district ('district' unit) and, with a zone, once more
 * under the zone ('zone' unit), under every dim (grouping sets: one pass over the reports).
 */
function contributionsQuery(source: SQL, prevYears: number[] | null): SQL {
  // The previous year's partitions named as constants: PostgreSQL prunes the others while planning
  // (planning a join over every partition cost more than running it: half a second on PGlite).
  const prevFilter = prevYears ? sql.raw(` and p.year in (${yearList(prevYears)})`) : sql``;
  const prevColumns = METRICS.map((m) => `p.${m.column} as prev_${m.column}`).join(', ');
  const curColumns = METRICS.map((m) => `r.${m.column}`).join(', ');
  const sums = AGGREGATE_SUMS.map((s) => `(${SUM_EXPRESSIONS[s]})::bigint as ${s}`).join(',\n      ');
  const dimKeys: [AggregateDim, string][] = [
    ['tier', 'c.tier'],
    ['district', 'c.district_code'],
    ['industry', 'c.industry_key'],
    ['section', 'c.section_key'],
    ['cluster', 'c.cluster_key'],
    ['size', 'c.size_key'],
  ];
  const dimCase = `case ${dimKeys.map(([d, col]) => `when grouping(${col}) = 0 then '${d}'`).join(' ')} else 'all' end`;
  const keyCase = `case ${dimKeys.map(([, col]) => `when grouping(${col}) = 0 then ${col}`).join(' ')} else '' end`;
  const base = 'c.year, c.month, c.unit_kind, c.unit_code';
  const sets = [`(${base})`, ...dimKeys.map(([, col]) => `(${base}, ${col})`)].join(', ');
  return sql`
    with r as (${source}),
    rp as (
      select r.enterprise_id, r.year, r.month, r.district_code, r.zone_code, r.tier,
        coalesce(r.industry_code, '') as industry_key, coalesce(r.section_code, '') as section_key,
        coalesce(r.cluster_code, '') as cluster_key, coalesce(r.size_class, '') as size_key,
        ${sql.raw(curColumns)}, ${sql.raw(prevColumns)},
        r.survey_orders, r.survey_employment, r.survey_financing,
        (p.enterprise_id is not null) as matched,
        (r.revised_after_due or coalesce(p.revised_after_due, false)) as revised
      from r
      left join monitoring_reports p
        on p.enterprise_id = r.enterprise_id and p.year = r.year - 1 and p.month = r.month and p.status = 'accepted'${prevFilter}
    ),
    c as (
      select rp.*, 'district'::text as unit_kind, rp.district_code as unit_code from rp
      union all
      select rp.*, 'zone'::text as unit_kind, rp.zone_code as unit_code from rp where rp.zone_code is not null
    )
    select c.year, c.month, c.unit_kind, c.unit_code, ${sql.raw(dimCase)} as dim, ${sql.raw(keyCase)} as dim_key,
      ${sql.raw(sums)}
    from c
    group by grouping sets (${sql.raw(sets)})`;
}

/** Whole numbers (years, months) as an SQL list of literals (validated integers: safe to inline). */
function yearList(years: number[]): string {
  const list = [...new Set(years.map((y) => Number(y)))];
  if (list.some((y) => !Number.isInteger(y))) throw new Error('bad year');
  return list.join(', ');
}

function toAggregateRow(r: Record<string, unknown>): AggregateRow {
  const sums = {} as Record<AggregateSum, number>;
  for (const s of AGGREGATE_SUMS) sums[s] = Number(r[s]);
  return {
    year: Number(r.year),
    month: Number(r.month),
    unitKind: r.unit_kind as 'district' | 'zone',
    unitCode: String(r.unit_code),
    dim: r.dim as AggregateDim,
    dimKey: String(r.dim_key),
    sums,
  };
}

export function aggregateRowKey(r: Pick<AggregateRow, 'year' | 'month' | 'unitKind' | 'unitCode' | 'dim' | 'dimKey'>): string {
  return `${String(r.year).padStart(4, '0')}|${String(r.month).padStart(2, '0')}|${r.unitKind}|${r.unitCode}|${r.dim}|${r.dimKey}`;
}

/** What of a report its contribution reads (a stored row, or the row a write has just stored). */
export type ContributingRow = Pick<
  ReportRow,
  | 'enterpriseId'
  | 'year'
  | 'month'
  | 'status'
  | 'districtCode'
  | 'zoneCode'
  | 'tier'
  | 'industryCode'
  | 'sectionCode'
  | 'clusterCode'
  | 'sizeClass'
  | 'revenueYtd'
  | 'profitYtd'
  | 'outputYtd'
  | 'rdExpenseYtd'
  | 'exportYtd'
  | 'taxYtd'
  | 'employees'
  | 'electricityYtd'
  | 'surveyOrders'
  | 'surveyEmployment'
  | 'surveyFinancing'
  | 'revisedAfterDue'
>;

/** Metric name → the report row's property. */
const METRIC_PROPS: Record<string, keyof ContributingRow> = {
  revenue: 'revenueYtd',
  profit: 'profitYtd',
  output: 'outputYtd',
  rd: 'rdExpenseYtd',
  export: 'exportYtd',
  tax: 'taxYtd',
  employees: 'employees',
  electricity: 'electricityYtd',
};
const SURVEY_PROPS = { orders: 'surveyOrders', employment: 'surveyEmployment', financing: 'surveyFinancing' } as const;

/**
 * The aggregate rows the accepted reports of these cells contribute, from rows already read (keyed
 * `enterpriseId|year|month`, holding each cell and its year before): the same sums as the grouping-sets
 * query of the rebuild, computed in memory. A statement over the partitions with grouping sets cost
 * more to plan than to run (a quarter of a second on PGlite for a single report).
 */
export function contributionsOf(cells: CellKey[], rows: Map<string, ContributingRow>): AggregateRow[] {
  const accepted = (key: string) => {
    const r = rows.get(key);
    return r && r.status === 'accepted' ? r : null;
  };
  const out = new Map<string, AggregateRow>();
  const seen = new Set<string>();
  for (const c of cells) {
    const key = `${c.enterpriseId}|${c.year}|${c.month}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = accepted(key);
    if (r) addContribution(out, r, accepted(`${c.enterpriseId}|${c.year - 1}|${c.month}`));
  }
  return [...out.values()];
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Adds one accepted report's contribution (with its previous year's, if accepted) to the rows it touches. */
function addContribution(out: Map<string, AggregateRow>, r: ContributingRow, p: ContributingRow | null) {
  const { year, month } = r;
  const units: ['district' | 'zone', string][] = [['district', r.districtCode]];
  if (r.zoneCode !== null && r.zoneCode !== undefined) units.push(['zone', r.zoneCode]);
  const text = (v: string | null | undefined) => v ?? '';
  const dims: [AggregateDim, string][] = [
    ['all', ''],
    ['tier', text(r.tier)],
    ['district', text(r.districtCode)],
    ['industry', text(r.industryCode)],
    ['section', text(r.sectionCode)],
    ['cluster', text(r.clusterCode)],
    ['size', text(r.sizeClass)],
  ];
  const delta = zeroSumsRecord();
  delta[p ? 'matched' : 'unmatched'] = 1;
  if (r.revisedAfterDue === true || (p && p.revisedAfterDue === true)) delta.revised = 1;
  if (p)
    for (const m of METRICS) {
      const cur = num(r[METRIC_PROPS[m.name]]);
      const prev = num(p[METRIC_PROPS[m.name]]);
      if (m.optional && (cur === null || prev === null)) continue;
      delta[`${m.name}_cur` as AggregateSum] = cur ?? 0;
      delta[`${m.name}_prev` as AggregateSum] = prev ?? 0;
    }
  for (const [item, prop] of Object.entries(SURVEY_PROPS)) {
    const answer = r[prop];
    if (answer === 'up') delta[`${item}_up` as AggregateSum] = 1;
    if (answer !== null && answer !== undefined) delta[`${item}_answered` as AggregateSum] = 1;
  }
  for (const [unitKind, unitCode] of units)
    for (const [dim, dimKey] of dims) {
      const row = { year, month, unitKind, unitCode, dim, dimKey };
      const k = aggregateRowKey(row);
      let target = out.get(k);
      if (!target) {
        target = { ...row, sums: zeroSumsRecord() };
        out.set(k, target);
      }
      for (const s of AGGREGATE_SUMS) target.sums[s] += delta[s];
    }
}

function zeroSumsRecord(): Record<AggregateSum, number> {
  return Object.fromEntries(AGGREGATE_SUMS.map((s) => [s, 0])) as Record<AggregateSum, number>;
}

/**
 * Serialises writers of the same enterprises: a row lock on each enterprise (ordered by id, so two
 * writers never wait on each other in a cycle). Enterprise rows always exist, where a report row of
 * the cell may not yet (two first submissions of adjacent years must not both read the old state).
 * FOR NO KEY UPDATE does not block foreign-key checks (FOR KEY SHARE) from other tables.
 */
export async function lockEnterprisesForReports(db: DbOrTx, enterpriseIds: string[]): Promise<void> {
  if (enterpriseIds.length === 0) return;
  await db.execute(sql`select 1 from enterprises where id = any(${sql.param(enterpriseIds)}::uuid[]) order by id for no key update`);
}

/** Adds the deltas to monitoring_aggregates in ONE statement, rows sorted by key (no deadlocks). */
export async function applyAggregateDeltas(db: DbOrTx, deltas: AggregateRow[]): Promise<void> {
  const statement = aggregateDeltasStatement(deltas);
  if (statement) await db.execute(statement);
}

/**
 * The upsert adding the deltas (null for none), rows in key order. `onlyIf` (a condition) lets a
 * writer run it as a CTE of its own write statement, applied only when the write happened.
 */
export function aggregateDeltasStatement(deltas: AggregateRow[], onlyIf?: SQL): SQL | null {
  if (deltas.length === 0) return null;
  const rows = [...deltas].sort((a, b) => {
    const ka = aggregateRowKey(a);
    const kb = aggregateRowKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  // One JSON parameter for every row (jsonb_to_recordset), not 31 arrays: far cheaper to bind on PGlite.
  const names = ['year', 'month', 'unit_kind', 'unit_code', 'dim', 'dim_key', ...AGGREGATE_SUMS];
  const types = ['int4', 'int4', 'text', 'text', 'text', 'text', ...AGGREGATE_SUMS.map((s) => (COUNT_COLUMNS.has(s) ? 'int4' : 'int8'))];
  const payload = rows.map((r, ord) => [
    r.year,
    r.month,
    r.unitKind,
    r.unitCode,
    r.dim,
    r.dimKey,
    ...AGGREGATE_SUMS.map((s) => r.sums[s]),
    ord,
  ]);
  const fields = [...names, 'ord'].map((n, i) => `(e->>${i})::${i < types.length ? types[i] : 'int4'} as ${n}`).join(', ');
  const sets = AGGREGATE_SUMS.map((s) => `${s} = monitoring_aggregates.${s} + excluded.${s}`).join(', ');
  return sql`
    insert into monitoring_aggregates (${sql.raw(names.join(', '))})
    select ${sql.raw(names.map((n) => `t.${n}`).join(', '))}
    from (select ${sql.raw(fields)} from jsonb_array_elements(${JSON.stringify(payload)}::jsonb) as e) t
    ${onlyIf ? sql`where ${onlyIf}` : sql``}
    order by t.ord
    on conflict (year, month, unit_kind, unit_code, dim, dim_key) do update set ${sql.raw(sets)}`;
}

/** Replaces the aggregates of the given years (or all) by a computation from the rows. */
export async function rebuildAggregateRows(db: DbOrTx, years?: number[]): Promise<void> {
  const names = ['year', 'month', 'unit_kind', 'unit_code', 'dim', 'dim_key', ...AGGREGATE_SUMS].join(', ');
  // One big grouping: JIT compilation took 52 s of 57 s over 480,000 rows, and the default work_mem
  // spilled its sorts to disk (bench). Both for this transaction only.
  await db.execute(sql`select set_config('jit', 'off', true), set_config('work_mem', '256MB', true)`);
  if (years) {
    if (years.length === 0) return;
    await db.execute(sql`delete from monitoring_aggregates where year = any(${sql.param(years)}::int4[])`);
    const source = sql`select r.* from monitoring_reports r where r.status = 'accepted' and r.year in (${sql.raw(yearList(years))})`;
    await db.execute(
      sql`insert into monitoring_aggregates (${sql.raw(names)}) ${contributionsQuery(
        source,
        years.map((y) => y - 1),
      )}`,
    );
  } else {
    await db.execute(sql`delete from monitoring_aggregates`);
    const source = sql`select r.* from monitoring_reports r where r.status = 'accepted'`;
    await db.execute(sql`insert into monitoring_aggregates (${sql.raw(names)}) ${contributionsQuery(source, null)}`);
  }
}

/** What the rows say the aggregates should be (years, or all), without touching the table: drift checks. */
export async function computeAggregateRows(db: DbOrTx, years?: number[]): Promise<AggregateRow[]> {
  if (years?.length === 0) return [];
  const source = years
    ? sql`select r.* from monitoring_reports r where r.status = 'accepted' and r.year in (${sql.raw(yearList(years))})`
    : sql`select r.* from monitoring_reports r where r.status = 'accepted'`;
  return rowsOf<Record<string, unknown>>(await db.execute(contributionsQuery(source, years ? years.map((y) => y - 1) : null))).map(
    toAggregateRow,
  );
}

/** Every stored aggregate row (years, or all): drift checks and tests. */
export async function selectStoredAggregateRows(db: DbOrTx, years?: number[]): Promise<AggregateRow[]> {
  const where = years ? sql`where year = any(${sql.param(years)}::int4[])` : sql``;
  return rowsOf<Record<string, unknown>>(await db.execute(sql`select * from monitoring_aggregates ${where}`)).map(toAggregateRow);
}

/** Whose figures: the city (every district unit) or one district's / zone's code. */
export type FigureUnit = { kind: 'city' } | { kind: 'unit'; code: string };

/**
 * Sums of the stored aggregates for some periods and dims, over the reader's units, by (year, month,
 * dim, dim_key). The city sums the 'district' units (each report once); an officer reads its code's
 * unit: a district's 'district' rows or a zone's 'zone' rows (a code is one or the other).
 * Reads monitoring_aggregates only: its key leads with (year, month), so the cost is the period's
 * rows, whatever the number of reports.
 */
export async function selectAggregateSums(
  db: DbOrTx,
  q: { periods: { year: number; month: number }[]; dims: AggregateDim[]; unit: FigureUnit },
): Promise<{ year: number; month: number; dim: AggregateDim; dimKey: string; sums: Record<AggregateSum, number> }[]> {
  if (q.periods.length === 0 || q.dims.length === 0) return [];
  const unitWhere = q.unit.kind === 'city' ? sql`a.unit_kind = 'district'` : sql`a.unit_code = ${q.unit.code}`;
  const sums = AGGREGATE_SUMS.map((s) => `sum(a.${s})::bigint as ${s}`).join(', ');
  const result = await db.execute(sql`
    select a.year, a.month, a.dim, a.dim_key, ${sql.raw(sums)}
    from monitoring_aggregates a
    join unnest(${sql.param(q.periods.map((p) => p.year))}::int4[], ${sql.param(q.periods.map((p) => p.month))}::int4[]) as p(year, month)
      on a.year = p.year and a.month = p.month
    where ${unitWhere} and a.dim = any(${sql.param(q.dims)}::text[])
    group by a.year, a.month, a.dim, a.dim_key`);
  return rowsOf<Record<string, unknown>>(result).map((r) => {
    const row = toAggregateRow({ ...r, unit_kind: 'district', unit_code: '' });
    return { year: row.year, month: row.month, dim: row.dim, dimKey: row.dimKey, sums: row.sums };
  });
}

const DIM_COLUMN: Record<AggregateDim, string | null> = {
  all: null,
  tier: 'r.tier',
  district: 'r.district_code',
  industry: "coalesce(r.industry_code, '')",
  section: "coalesce(r.section_code, '')",
  cluster: "coalesce(r.cluster_code, '')",
  size: "coalesce(r.size_class, '')",
};

export interface FigureRowRecord {
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  districtCode: string;
  tier: string;
  revenueYtd: number;
  revenueYtdPrev: number | null;
  profitYtd: number;
  profitYtdPrev: number | null;
  revisedAfterDue: boolean;
}

/**
 * The accepted reports behind a figure (the same rows the aggregates summed): the period's reports in
 * the reader's units, in the dim's group, matched (a previous-year accepted report), unmatched or all;
 * a page by revenue, largest first, with the total. Names from the registry (display only).
 */
export async function selectFigureRows(
  db: DbOrTx,
  q: {
    year: number;
    month: number;
    unit: FigureUnit;
    dim: AggregateDim;
    key: string;
    sample: 'matched' | 'unmatched' | 'all';
    page: number;
    pageSize: number;
  },
): Promise<{ items: FigureRowRecord[]; total: number }> {
  const where: SQL[] = [sql`r.year = ${sql.raw(yearList([q.year]))}`, sql`r.month = ${q.month}`, sql`r.status = 'accepted'`];
  if (q.unit.kind === 'unit') where.push(sql`(r.district_code = ${q.unit.code} or r.zone_code = ${q.unit.code})`);
  const column = DIM_COLUMN[q.dim];
  if (column) where.push(sql`${sql.raw(column)} = ${q.key}`);
  if (q.sample === 'matched') where.push(sql`p.enterprise_id is not null`);
  if (q.sample === 'unmatched') where.push(sql`p.enterprise_id is null`);
  const prevJoin = sql`left join monitoring_reports p
    on p.enterprise_id = r.enterprise_id and p.year = ${sql.raw(yearList([q.year - 1]))} and p.month = r.month and p.status = 'accepted'`;
  const whereSql = sql.join(where, sql` and `);
  const countRows = await db.execute(sql`select count(*)::int as n from monitoring_reports r ${prevJoin} where ${whereSql}`);
  const pageRows = await db.execute(sql`
    select r.enterprise_id, e.name, e.uscc, r.district_code, r.tier, r.revenue_ytd, p.revenue_ytd as revenue_prev,
      r.profit_ytd, p.profit_ytd as profit_prev, (r.revised_after_due or coalesce(p.revised_after_due, false)) as revised
    from monitoring_reports r ${prevJoin}
    join enterprises e on e.id = r.enterprise_id
    where ${whereSql}
    order by r.revenue_ytd desc, r.enterprise_id
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const page = rowsOf<Record<string, unknown>>(pageRows);
  return {
    total: Number(rowsOf<Record<string, unknown>>(countRows)[0]?.n ?? 0),
    items: page.map((r) => ({
      enterpriseId: String(r.enterprise_id),
      enterpriseName: String(r.name),
      uscc: String(r.uscc),
      districtCode: String(r.district_code),
      tier: String(r.tier),
      revenueYtd: Number(r.revenue_ytd),
      revenueYtdPrev: r.revenue_prev === null ? null : Number(r.revenue_prev),
      profitYtd: Number(r.profit_ytd),
      profitYtdPrev: r.profit_prev === null ? null : Number(r.profit_prev),
      revisedAfterDue: Boolean(r.revised),
    })),
  };
}
