import { and, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { rowsOf } from '../../db/rows.js';
import { monitoringReports, monitoringReportVersions } from '../../db/schema/index.js';
import type { ReportValues } from '../../domain/monitoring/checks.js';
import { type AggregateRow, aggregateDeltasStatement } from './aggregates.repo.js';

// The only SQL on monitoring_reports and monitoring_report_versions. Bulk-capable: the report PUT
// reads and writes one key through the same functions the import uses for 30,000.

export type ReportRow = typeof monitoringReports.$inferSelect;
export type ReportInsert = typeof monitoringReports.$inferInsert;
export type ReportVersionInsert = typeof monitoringReportVersions.$inferInsert;
export type ReportVersionRow = typeof monitoringReportVersions.$inferSelect;
export type ReportRef = { enterpriseId: string; year: number; month: number };

/** The map key of a report: `enterpriseId|year|month`. */
export const reportKey = (k: ReportRef): string => `${k.enterpriseId}|${k.year}|${k.month}`;

export interface ReportsAround {
  current: ReportRow | null;
  /** The previous month of the same year (null for January). */
  lastMonth: ReportRow | null;
  /** The same month of the previous year. */
  lastYear: ReportRow | null;
}

const CHUNK = 1000;

/**
 * The stored reports of the given keys, whatever their status, by reportKey (absent keys are missing).
 * By enterprise, with the years and months as literals (partitions pruned while planning, the key's
 * index scanned); rows of other months of the same firms are dropped here. One statement per 1000 firms.
 */
export async function selectReportRows(db: DbOrTx, refs: ReportRef[]): Promise<Map<string, ReportRow>> {
  const out = new Map<string, ReportRow>();
  const wanted = new Set(refs.map(reportKey));
  const ids = [...new Set(refs.map((r) => r.enterpriseId))];
  const years = integerList(refs.map((r) => r.year));
  const months = integerList(refs.map((r) => r.month));
  if (!years || !months) return out;
  for (let start = 0; start < ids.length; start += CHUNK) {
    const part = ids.slice(start, start + CHUNK);
    const rows = await db
      .select()
      .from(monitoringReports)
      .where(
        and(
          sql`${monitoringReports.enterpriseId} = any(${sql.param(part)}::uuid[])`,
          sql`${monitoringReports.year} in (${sql.raw(years)})`,
          sql`${monitoringReports.month} in (${sql.raw(months)})`,
        ),
      );
    for (const r of rows) if (wanted.has(reportKey(r))) out.set(reportKey(r), r);
  }
  return out;
}

/** Whole numbers as an SQL list of literals ('' when none; non-integers are dropped: never inlined). */
function integerList(values: number[]): string {
  return [...new Set(values.filter(Number.isInteger))].sort((a, b) => a - b).join(', ');
}

/** The keys a report's checks compare with: the month before in the same year, the same month a year before. */
export function refsAround(k: ReportRef): ReportRef[] {
  const out = [k, { ...k, year: k.year - 1 }];
  if (k.month > 1) out.push({ ...k, month: k.month - 1 });
  return out;
}

/** A key's report and the two it is compared with, from rows already read. */
export function aroundOf(k: ReportRef, rows: Map<string, ReportRow>): ReportsAround {
  return {
    current: rows.get(reportKey(k)) ?? null,
    lastMonth: k.month > 1 ? (rows.get(reportKey({ ...k, month: k.month - 1 })) ?? null) : null,
    lastYear: rows.get(reportKey({ ...k, year: k.year - 1 })) ?? null,
  };
}

/**
 * For each key: its report, the same firm's report of the month before in the same year, and of the
 * same month a year before, whatever their status.
 */
export async function selectReportsAround(db: DbOrTx, keys: ReportRef[]): Promise<Map<string, ReportsAround>> {
  const rows = await selectReportRows(db, keys.flatMap(refsAround));
  return new Map(keys.map((k) => [reportKey(k), aroundOf(k, rows)]));
}

/** The check values of a stored report (the API's field names). */
export function valuesOfRow(row: ReportRow): ReportValues {
  const survey: NonNullable<ReportValues['survey']> = {};
  if (row.surveyOrders) survey.orders = row.surveyOrders as 'up';
  if (row.surveyEmployment) survey.employment = row.surveyEmployment as 'up';
  if (row.surveyFinancing) survey.financing = row.surveyFinancing as 'up';
  return {
    revenueMonth: row.revenueMonth,
    revenueYtd: row.revenueYtd,
    profitYtd: row.profitYtd,
    outputYtd: row.outputYtd,
    employees: row.employees,
    rdExpenseYtd: row.rdExpenseYtd,
    exportYtd: row.exportYtd,
    taxYtd: row.taxYtd,
    electricityYtd: row.electricityYtd,
    newOrders: row.newOrders,
    survey,
    suggestions: row.suggestions,
  };
}

type ColumnType = 'uuid' | 'int4' | 'int8' | 'text' | 'bool' | 'date' | 'timestamptz' | 'jsonb';
const sqlTypeOf = (t: string): ColumnType => {
  if (t === 'uuid') return 'uuid';
  if (t === 'integer') return 'int4';
  if (t === 'bigint') return 'int8';
  if (t === 'boolean') return 'bool';
  if (t === 'date') return 'date';
  if (t.startsWith('timestamp')) return 'timestamptz';
  if (t === 'jsonb') return 'jsonb';
  return 'text';
};

function columnsOf(table: typeof monitoringReports | typeof monitoringReportVersions) {
  return Object.entries(getTableColumns(table)).map(([prop, c]) => ({
    prop,
    name: c.name,
    type: sqlTypeOf(c.getSQLType()),
    notNull: c.notNull,
    hasDefault: c.hasDefault,
  }));
}
const REPORT_COLUMNS = columnsOf(monitoringReports);
const VERSION_COLUMNS = columnsOf(monitoringReportVersions);

/** Column defaults the insert must spell out (every column travels as an array). */
function defaultOf(prop: string, now: string): unknown {
  switch (prop) {
    case 'explanations':
    case 'values':
      return {};
    case 'checks':
      return [];
    case 'late':
    case 'firstPass':
    case 'revisedAfterDue':
    case 'afterDue':
      return false;
    case 'version':
      return 1;
    case 'firstSubmittedAt':
    case 'submittedAt':
    case 'at':
      return now;
    default:
      return null;
  }
}

/** A row's value of a column for an insert: undefined takes the column's default, dates travel as ISO text. */
function insertValue(r: Record<string, unknown>, c: (typeof REPORT_COLUMNS)[number], now: string): unknown {
  let v = r[c.prop];
  if (v === undefined) v = defaultOf(c.prop, now);
  if (v instanceof Date) v = v.toISOString();
  return v;
}

/** Builds `insert … select … from rows from (unnest(…), jsonb_array_elements(…))` for one chunk. */
function insertStatement(table: string, columns: typeof REPORT_COLUMNS, rows: Record<string, unknown>[], tail: string) {
  const now = new Date().toISOString();
  const sources = columns.map((c) =>
    c.type === 'jsonb'
      ? sql`jsonb_array_elements(${JSON.stringify(rows.map((r) => insertValue(r, c, now) ?? null))}::jsonb)`
      : sql`unnest(${sql.param(rows.map((r) => insertValue(r, c, now)))}::${sql.raw(c.type)}[])`,
  );
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
  const aliases = sql.raw(columns.map((_, i) => `c${i}`).join(', '));
  const select = sql.raw(columns.map((c, i) => (c.type === 'jsonb' ? `nullif(t.c${i}, 'null'::jsonb)` : `t.c${i}`)).join(', '));
  return sql`insert into ${sql.raw(`"${table}"`)} (${names}) select ${select} from rows from (${sql.join(sources, sql`, `)}) as t(${aliases}) ${sql.raw(tail)}`;
}

/**
 * The insert of ONE row as one JSON parameter (`jsonb_populate_record` over the table's row type):
 * its text is fixed, so the single report's PUT does not build a statement of 40 array parameters
 * (about 1 ms of Drizzle per request, profiled). The JSON is keyed by column name; a JSON null is NULL.
 */
function singleRowInsert(table: string, columns: typeof REPORT_COLUMNS) {
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const head = sql.raw(`insert into "${table}" (${names}) select ${names} from jsonb_populate_record(null::"${table}", `);
  const close = sql.raw('::jsonb) ');
  return (row: Record<string, unknown>, tail: SQL) => {
    const now = new Date().toISOString();
    const json = JSON.stringify(Object.fromEntries(columns.map((c) => [c.name, insertValue(row, c, now) ?? null])));
    return sql`${head}${json}${close}${tail}`;
  };
}

const KEY_COLUMNS = new Set(['enterprise_id', 'year', 'month']);
/** On conflict every column but the key and first_submitted_at takes the new row's value. */
const UPSERT_TAIL = `on conflict (enterprise_id, year, month) do update set ${REPORT_COLUMNS.filter(
  (c) => !KEY_COLUMNS.has(c.name) && c.name !== 'first_submitted_at',
)
  .map((c) => `"${c.name}" = excluded."${c.name}"`)
  .join(', ')}`;

/**
 * Inserts or replaces reports (the whole row; first_submitted_at of an existing row is kept). One
 * statement per ≤ 1000 rows. Callers wrap it in keepAggregates and check versions themselves.
 */
export async function upsertReports(tx: DbOrTx, rows: ReportInsert[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const part = rows.slice(start, start + CHUNK) as unknown as Record<string, unknown>[];
    await tx.execute(insertStatement('monitoring_reports', REPORT_COLUMNS, part, UPSERT_TAIL));
  }
}

/** Appends version rows (one statement per ≤ 1000 rows). */
export async function insertReportVersions(tx: DbOrTx, rows: ReportVersionInsert[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const part = rows.slice(start, start + CHUNK) as unknown as Record<string, unknown>[];
    await tx.execute(insertStatement('monitoring_report_versions', VERSION_COLUMNS, part, ''));
  }
}

const insertReportRow = singleRowInsert('monitoring_reports', REPORT_COLUMNS);
const insertVersionRow = singleRowInsert('monitoring_report_versions', VERSION_COLUMNS);
const INSERT_NEW_TAIL = sql.raw('on conflict (enterprise_id, year, month) do nothing returning 1');
const UPSERT_IF_VERSION_TAIL = sql.raw(`${UPSERT_TAIL} where monitoring_reports.version = `);
const WRITTEN_ONLY_TAIL = sql.raw('where exists (select 1 from written) returning 1 as ok');

/**
 * Writes one report, its version row and the aggregate deltas of the write, only if the report is
 * still at `expectedVersion` (0 = no report yet): the race of two revisions is decided here, in the
 * row. One statement: the version row and the deltas hang off the report insert's CTE, so they are
 * written only when the report was. Returns false when another write came first.
 */
export async function writeReportIfVersion(
  tx: DbOrTx,
  row: ReportInsert,
  expectedVersion: number,
  version: ReportVersionInsert,
  deltas: AggregateRow[],
): Promise<boolean> {
  const condition = expectedVersion === 0 ? INSERT_NEW_TAIL : sql`${UPSERT_IF_VERSION_TAIL}${expectedVersion} returning 1`;
  const report = insertReportRow(row as unknown as Record<string, unknown>, condition);
  const versionRow = insertVersionRow(version as unknown as Record<string, unknown>, WRITTEN_ONLY_TAIL);
  const kept = aggregateDeltasStatement(deltas, sql`exists (select 1 from written)`);
  const result = await tx.execute(sql`with written as (${report})${kept ? sql`, kept as (${kept})` : sql``} ${versionRow}`);
  return rowsOf(result).length === 1;
}

/** The versions of one report, oldest first. */
export function selectReportVersions(db: DbOrTx, k: ReportRef): Promise<ReportVersionRow[]> {
  return db
    .select()
    .from(monitoringReportVersions)
    .where(
      and(
        eq(monitoringReportVersions.enterpriseId, k.enterpriseId),
        eq(monitoringReportVersions.year, k.year),
        eq(monitoringReportVersions.month, k.month),
      ),
    )
    .orderBy(monitoringReportVersions.version);
}

/** One enterprise's reports of some periods (status and lateness for 我的月报). */
export function selectEnterpriseReports(db: DbOrTx, enterpriseId: string, years: number[]) {
  return db
    .select({
      year: monitoringReports.year,
      month: monitoringReports.month,
      status: monitoringReports.status,
      late: monitoringReports.late,
      dueOn: monitoringReports.dueOn,
    })
    .from(monitoringReports)
    .where(
      and(
        eq(monitoringReports.enterpriseId, enterpriseId),
        sql`${monitoringReports.year} in (${sql.raw(years.filter(Number.isInteger).join(', ') || '0')})`,
      ),
    );
}
