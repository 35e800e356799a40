// A district's (or the city's) import of a month's reports from xlsx/CSV (月报导入), for firms that
// report offline. preview: every row checked (K's runChecks, in memory over the rows loaded in bulk),
// errors by row and column, nothing written. commit: the same plan inside ONE transaction, under
// keepAggregates on all keys at once; any error → nothing stored. A row whose values equal the stored
// report is unchanged, so importing the same file twice writes once.

import type { DbOrTx } from '../../db/database.js';
import { type Check, isIndustrialSection, type ReportValues, runChecks, unexplained } from '../../domain/monitoring/checks.js';
import { dueDate, isFuturePeriod, isLate, type Period, parsePeriod, periodLastDay } from '../../domain/monitoring/periods.js';
import { REPORT_NUMBER_FIELDS } from '../../domain/monitoring/report-status.js';
import { type Actor, inScope, requireAccess, scopeOf } from '../../server/access.js';
import { writeAudit } from '../../server/audit.js';
import type { AppContext } from '../../server/context.js';
import { timed } from '../../server/phase-timing.js';
import { breather, holdingDatabase } from '../../server/responsive.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { selectEnterprisesByUscc } from '../enterprises/enterprises.repo.js';
import type { ImportError } from '../enterprises/import/parse-rows.js';
import { prefillYearsFromMonitoring } from '../enterprises/prefill-year-from-monitoring.js';
import { columnOf } from './import-columns.js';
import { selectInSample } from './imports.repo.js';
import { keepAggregates, type ReportKey } from './keep-aggregates.js';
import { loadMonitoringSettings } from './load-settings.js';
import { importHasErrors, importPeriodFuture } from './monitoring.errors.js';
import { type ParsedReportFile, type ParsedReportRow, parseReportFile } from './parse-report-file.js';
import { reportDimensions } from './report-dimensions.js';
import {
  insertReportVersions,
  type ReportInsert,
  type ReportRow,
  type ReportVersionInsert,
  reportKey,
  selectReportsAround,
  upsertReports,
  valuesOfRow,
} from './reports.repo.js';

export interface MonitoringImportResult {
  period: string;
  /** Data rows read from the file. */
  rows: number;
  /** Reports the import creates (no report of the firm for the period yet). */
  created: number;
  /** Reports it replaces (a pending, returned or accepted report of the firm). */
  updated: number;
  /** Rows equal to the stored report: nothing to write (a file imported again). */
  unchanged: number;
  /** Of the created and updated: reports accepted with an explanation of soft checks (说明). */
  explained: number;
  errors: ImportError[];
  errorCount: number;
  committed: boolean;
}

/** Errors returned in full; beyond that only their count (the page lists them, the rest is in the count). */
const MAX_ERRORS_RETURNED = 5000;
const ROWS_PER_BREATHER = 1000;

interface PlannedRow {
  key: ReportKey;
  report: ReportInsert;
  version: ReportVersionInsert;
  kind: 'created' | 'updated';
  explained: boolean;
}

interface Plan {
  errors: ImportError[];
  writes: PlannedRow[];
  unchanged: number;
}

/**
 * The one entry point (the route and the benchmark call it): reads the file, plans every row and,
 * in commit mode, writes them all or none. `progress` is told the rows read so far.
 */
export async function importMonthlyReports(
  ctx: AppContext,
  actor: Actor | null,
  file: { buffer: Buffer; fileName: string },
  periodText: string,
  mode: 'preview' | 'commit',
  progress?: (rows: number) => void,
): Promise<MonitoringImportResult> {
  const who = requireAccess(actor, 'monitoring.import');
  const period = parsePeriod(periodText) as Period;
  if (isFuturePeriod(period)) throw importPeriodFuture();
  const parsed = await timed('monitoring import: parse', () => parseReportFile(file, progress));
  const result = (plan: Plan, committed: boolean): MonitoringImportResult => {
    const errors = [...parsed.errors, ...plan.errors].sort((a, b) => a.row - b.row);
    return {
      period: periodText,
      rows: parsed.rows.length + new Set(parsed.errors.map((e) => e.row)).size,
      created: plan.writes.filter((w) => w.kind === 'created').length,
      updated: plan.writes.filter((w) => w.kind === 'updated').length,
      unchanged: plan.unchanged,
      explained: plan.writes.filter((w) => w.explained).length,
      errors: errors.slice(0, MAX_ERRORS_RETURNED),
      errorCount: errors.length,
      committed,
    };
  };

  if (mode === 'preview') {
    const targets = await timed('monitoring import: find firms', () => findTargets(ctx.db, who, parsed));
    return result(await planRows(ctx.db, who, period, parsed, targets), false);
  }
  // One transaction: on PGlite it holds the database, and the health check says busy meanwhile.
  return holdingDatabase(() =>
    ctx.db.transaction(async (tx) => {
      const targets = await timed('monitoring import: find firms', () => findTargets(tx, who, parsed));
      const keys = targets.found.map((t) => ({ enterpriseId: t.enterpriseId, year: period.year, month: period.month }));
      // keepAggregates locks the firms first: the plan reads their reports as no one else can change them.
      return keepAggregates(tx, keys, async () => {
        const plan = await planRows(tx, who, period, parsed, targets);
        const out = result(plan, true);
        if (out.errorCount > 0) throw importHasErrors(out.errors, out.errorCount);
        await timed('monitoring import: write reports', async () => {
          await upsertReports(
            tx,
            plan.writes.map((w) => w.report),
          );
          await insertReportVersions(
            tx,
            plan.writes.map((w) => w.version),
          );
        });
        // 最多报一次: an imported December fills the empty yearly indicators, as a submitted one does.
        if (period.month === 12)
          await timed('monitoring import: December prefill', async () => {
            await prefillYearsFromMonitoring(
              tx,
              who,
              period.year,
              plan.writes.map(({ report: r }) => ({
                enterpriseId: r.enterpriseId,
                figures: {
                  revenue: r.revenueYtd,
                  totalProfit: r.profitYtd,
                  rdExpense: r.rdExpenseYtd ?? null,
                  employees: r.employees,
                  exports: r.exportYtd ?? null,
                  taxesPaid: r.taxYtd ?? null,
                },
              })),
            );
          });
        if (plan.writes.length)
          await writeAudit(tx, who, {
            action: 'monitoring.report_import',
            entityType: 'monitoring_import',
            entityId: null,
            after: { period: periodText, fileName: file.fileName, created: out.created, updated: out.updated, unchanged: out.unchanged },
          });
        return out;
      });
    }),
  );
}

interface Target {
  row: ParsedReportRow;
  enterpriseId: string;
}

/** Each row's enterprise, by USCC, within the actor's scope and in the sample; the others are errors of the row. */
async function findTargets(db: DbOrTx, who: Actor, parsed: ParsedReportFile): Promise<{ found: Target[]; errors: ImportError[] }> {
  const scope = scopeOf(who);
  const column = parsed.headers.get('uscc') ?? '统一社会信用代码';
  const enterprises = await selectEnterprisesByUscc(
    db,
    parsed.rows.map((r) => r.uscc),
  );
  const byUscc = new Map(enterprises.map((e) => [e.uscc, e]));
  const errors: ImportError[] = [];
  const candidates: Target[] = [];
  for (const row of parsed.rows) {
    const e = byUscc.get(row.uscc);
    // Another district's enterprise reads as an absent one (existence does not leak).
    if (!e || !inScope(scope, { enterpriseId: e.id, districtCode: e.districtCode, zoneCode: e.zoneCode }))
      errors.push({
        row: row.row,
        column,
        code: 'MONITORING_IMPORT_ENTERPRISE_UNKNOWN',
        message: `统一社会信用代码“${row.uscc}”不是您管辖范围内企业库中的企业，请核对`,
      });
    else candidates.push({ row, enterpriseId: e.id });
  }
  const inSample = await selectInSample(
    db,
    candidates.map((c) => c.enterpriseId),
  );
  const found: Target[] = [];
  for (const c of candidates) {
    if (inSample.has(c.enterpriseId)) found.push(c);
    else
      errors.push({
        row: c.row.row,
        column,
        code: 'MONITORING_NOT_IN_SAMPLE',
        message: `“${byUscc.get(c.row.uscc)?.name ?? c.row.uscc}”不在监测企业名单中：请先将其纳入监测企业再导入月报`,
      });
  }
  return { found, errors };
}

/** Checks every row against its firm's last month and last year, in memory, and plans its write. */
async function planRows(
  db: DbOrTx,
  who: Actor,
  period: Period,
  parsed: ParsedReportFile,
  targets: { found: Target[]; errors: ImportError[] },
): Promise<Plan> {
  const errors = [...targets.errors];
  const writes: PlannedRow[] = [];
  let unchanged = 0;
  if (!targets.found.length) return { errors, writes, unchanged };
  const settings = await loadMonitoringSettings(db);
  const dueOn = dueDate(period, settings, await loadCalendar(db));
  const keys = targets.found.map((t) => ({ enterpriseId: t.enterpriseId, year: period.year, month: period.month }));
  const around = await timed('monitoring import: load reports around', () => selectReportsAround(db, keys));
  const dimensions = await timed('monitoring import: dimensions', () =>
    reportDimensions(
      db,
      keys.map((k) => k.enterpriseId),
      periodLastDay(period),
    ),
  );
  const now = new Date();
  const afterDue = isLate(dueOn, now);
  const columnName = (field: string) =>
    parsed.headers.get(columnOf(field)?.key ?? ('' as never)) ?? columnOf(field)?.header ?? parsed.headers.get('explanation') ?? '说明';
  const explanationColumn = parsed.headers.get('explanation') ?? '说明';
  for (const [index, { row, enterpriseId }] of targets.found.entries()) {
    if (index % ROWS_PER_BREATHER === ROWS_PER_BREATHER - 1) await breather();
    const key = { enterpriseId, year: period.year, month: period.month };
    const { current, lastMonth, lastYear } = around.get(reportKey(key)) ?? { current: null, lastMonth: null, lastYear: null };
    const dims = dimensions.get(enterpriseId);
    const values = row.values as ReportValues;
    const checks = runChecks(values, {
      month: period.month,
      lastMonth: lastMonth ? valuesOfRow(lastMonth) : null,
      lastYear: lastYear ? valuesOfRow(lastYear) : null,
      industrial: isIndustrialSection(dims?.sectionCode),
      settings,
    });
    const hard = checks.filter((c) => c.level === 'hard');
    for (const c of hard) errors.push({ row: row.row, column: columnName(c.field), code: c.id, message: c.message });
    if (hard.length) continue;
    const explanation = row.explanation?.trim() ?? '';
    const explanations: Record<string, string> = {};
    for (const c of checks) if (c.level === 'soft' && explanation) explanations[c.id] = explanation;
    const missing = unexplained(checks, explanations);
    for (const c of missing)
      errors.push({
        row: row.row,
        column: explanationColumn,
        code: c.id,
        message: `${c.message}：请在“说明”列填写原因`,
      });
    if (!dims) {
      errors.push({
        row: row.row,
        column: columnName('uscc'),
        code: 'MONITORING_IMPORT_ENTERPRISE_UNKNOWN',
        message: '未找到该企业的所属区县，请核对企业信息',
      });
      continue;
    }
    if (missing.length) continue;
    if (current && sameReport(current, values, explanations)) {
      unchanged++;
      continue;
    }
    const version = (current?.version ?? 0) + 1;
    const report: ReportInsert = {
      ...key,
      status: 'accepted',
      districtCode: dims.districtCode,
      zoneCode: dims.zoneCode,
      industryCode: dims.industryCode,
      sectionCode: dims.sectionCode,
      clusterCode: dims.clusterCode,
      sizeClass: dims.sizeClass,
      tier: dims.tier,
      ...numbersOf(values),
      surveyOrders: values.survey?.orders ?? null,
      surveyEmployment: values.survey?.employment ?? null,
      surveyFinancing: values.survey?.financing ?? null,
      suggestions: values.suggestions ?? null,
      explanations,
      checks: checks as Check[],
      dueOn,
      late: current ? current.late : afterDue,
      // As a submission: 一次审核通过 is decided by the first version and kept by later ones.
      firstPass: current ? current.firstPass : checks.length === 0,
      revisedAfterDue: current?.revisedAfterDue === true || (current?.status === 'accepted' && afterDue),
      enteredBy: 'district',
      firstSubmittedAt: current?.firstSubmittedAt ?? now,
      submittedAt: now,
      submittedBy: who.userId,
      reviewedBy: null,
      reviewedAt: null,
      returnReason: null,
      version,
    };
    writes.push({
      key,
      report,
      kind: current ? 'updated' : 'created',
      explained: Object.keys(explanations).length > 0,
      version: {
        ...key,
        version,
        status: 'accepted',
        values: { ...values, explanations },
        action: 'import',
        afterDue: Boolean(current) && afterDue,
        actorId: who.userId,
        actorRole: who.role,
        note: null,
        at: now,
      },
    });
  }
  return { errors, writes, unchanged };
}

function numbersOf(values: ReportValues) {
  const out: Record<string, number | null> = {};
  for (const f of REPORT_NUMBER_FIELDS) out[f] = values[f] ?? null;
  return out as Pick<ReportRow, (typeof REPORT_NUMBER_FIELDS)[number]>;
}

/** The stored report is already what the row says (accepted, same values and explanations). */
function sameReport(current: ReportRow, values: ReportValues, explanations: Record<string, string>): boolean {
  if (current.status !== 'accepted') return false;
  const stored = valuesOfRow(current);
  for (const f of REPORT_NUMBER_FIELDS) if ((stored[f] ?? null) !== (values[f] ?? null)) return false;
  for (const item of ['orders', 'employment', 'financing'] as const)
    if ((stored.survey?.[item] ?? null) !== (values.survey?.[item] ?? null)) return false;
  if ((stored.suggestions ?? null) !== (values.suggestions ?? null)) return false;
  const before = (current.explanations ?? {}) as Record<string, string>;
  const a = Object.keys(before).sort();
  const b = Object.keys(explanations).sort();
  return a.length === b.length && a.every((k, i) => k === b[i] && before[k] === explanations[k]);
}
