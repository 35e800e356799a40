// The month's xlsx import of the monitoring benchmark: a file of every enterprise of the population
// for one period in the import layout (万元 with 4 decimals = whole yuan; 说明 filled where the row
// fails a soft check), imported through I's importMonthlyReports (preview, then commit), beside reading
// the same file with exceljs alone.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../src/db/database.js';
import { type ReportValues, runChecks } from '../src/domain/monitoring/checks.js';
import { SURVEY_LABELS } from '../src/domain/monitoring/report-status.js';
import { MONITORING_DEFAULTS } from '../src/domain/monitoring/settings.js';
import { REPORT_COLUMNS as IMPORT_COLUMNS } from '../src/modules/monitoring/import-columns.js';
import { importMonthlyReports } from '../src/modules/monitoring/import-monthly-reports.js';
import { loadConfig } from '../src/server/config.js';
import ExcelJS from '../src/server/exceljs.js';
import { recordPhases } from '../src/server/phase-timing.js';
import { demoActor } from './databases.js';
import { type Period, type Population, periodText } from './monitoring-data.js';

const IMPORT_GOAL_SECONDS = 60;

/** Writes the import file of period p for every enterprise; returns how many rows carry a 说明. */
export async function writeReportImportFile(file: string, population: Population, p: Period): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = workbook.addWorksheet('月报');
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.header)).commit();
  const previous: Period = p.month === 1 ? { year: p.year - 1, month: 12 } : { year: p.year, month: p.month - 1 };
  const lastYear: Period = { year: p.year - 1, month: p.month };
  let explained = 0;
  for (let i = 0; i < population.n; i++) {
    const { industrial, ...v } = population.values(i, p);
    const checks = runChecks(v as ReportValues, {
      month: p.month,
      lastMonth: p.month === 1 ? null : population.values(i, previous),
      lastYear: population.values(i, lastYear),
      industrial,
      settings: MONITORING_DEFAULTS,
    });
    const explanation = checks.length ? '受订单周期影响，本期波动较大（基准测试）' : null;
    if (explanation) explained++;
    const wan = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? null : yuan / 10_000);
    const cells: Record<string, unknown> = {
      uscc: population.uscc(i),
      name: population.name(i),
      revenueMonth: wan(v.revenueMonth),
      revenueYtd: wan(v.revenueYtd),
      profitYtd: wan(v.profitYtd),
      outputYtd: industrial ? wan(v.outputYtd) : null,
      employees: v.employees,
      rdExpenseYtd: wan(v.rdExpenseYtd),
      exportYtd: wan(v.exportYtd),
      taxYtd: wan(v.taxYtd),
      electricityYtd: wan(v.electricityYtd),
      newOrders: wan(v.newOrders),
      'survey.orders': v.survey?.orders ? SURVEY_LABELS[v.survey.orders] : null,
      'survey.employment': v.survey?.employment ? SURVEY_LABELS[v.survey.employment] : null,
      'survey.financing': v.survey?.financing ? SURVEY_LABELS[v.survey.financing] : null,
      suggestions: null,
      explanation,
    };
    sheet.addRow(IMPORT_COLUMNS.map((c) => cells[c.key] ?? null)).commit();
  }
  sheet.commit();
  await workbook.commit();
  return explained;
}

/** Reads every row of the file with exceljs' streaming reader, doing nothing with them: the floor of any import. */
async function readWithExceljs(file: string): Promise<number> {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit' });
  for await (const sheet of reader) for await (const _row of sheet) rows++;
  return rows;
}

export async function benchMonitoringImport(options: {
  database: Database;
  population: Population;
  period: Period;
  dir: string;
  label: string;
}): Promise<{ what: string; figure: string; reference: string; goal: string }> {
  const { database, population, period, dir, label } = options;
  const file = path.join(dir, `monitoring-import-${periodText(period)}.xlsx`);
  const explained = await writeReportImportFile(file, population, period);
  const readStarted = performance.now();
  const read = await readWithExceljs(file);
  const readSeconds = (performance.now() - readStarted) / 1000;
  const ctx = { database, db: database.db, config: loadConfig({}) };
  const actor = await demoActor(database, 'city.admin');
  const buffer = await readFile(file);
  // Where the time goes: the import's own phases (src/server/phase-timing.ts), per run.
  let phases = new Map<string, number>();
  const stopRecording = recordPhases((phase, ms) => phases.set(phase, (phases.get(phase) ?? 0) + ms));
  const phaseText = (total: number) => {
    const known = [...phases.values()].reduce((a, b) => a + b, 0);
    const parts = [...phases].map(([k, v]) => `${k.replace('monitoring import: ', '')} ${(v / 1000).toFixed(1)} s`);
    phases = new Map();
    return `${parts.join(', ')}, outside those phases (a commit: keepAggregates, versions, audit) ${Math.max(0, total - known / 1000).toFixed(1)} s`;
  };
  const previewStarted = performance.now();
  const preview = await importMonthlyReports(ctx, actor, { buffer, fileName: path.basename(file) }, periodText(period), 'preview');
  const previewSeconds = (performance.now() - previewStarted) / 1000;
  const previewPhases = phaseText(previewSeconds);
  if (preview.errorCount > 0)
    console.log(
      `  [${label}] the preview found ${preview.errorCount} errors, e.g. ${preview.errors
        .slice(0, 3)
        .map((e) => `row ${e.row} ${e.column}: ${e.message}`)
        .join('; ')}`,
    );
  const commitStarted = performance.now();
  const commit = await importMonthlyReports(ctx, actor, { buffer, fileName: path.basename(file) }, periodText(period), 'commit').catch(
    (error: Error) => {
      console.log(`  [${label}] commit refused: ${error.message}`);
      return { ...preview, committed: false, created: 0 };
    },
  );
  const commitSeconds = (performance.now() - commitStarted) / 1000;
  const commitPhases = phaseText(commitSeconds);
  stopRecording();
  const seconds = previewSeconds + commitSeconds;
  const [{ n: stored }] = await database.query<{ n: number }>(
    'select count(*)::int as n from monitoring_reports where year = $1 and month = $2',
    [period.year, period.month],
  );
  const ok = seconds <= IMPORT_GOAL_SECONDS && commit.committed && commit.errorCount === 0 && stored === population.n;
  console.log(
    `  [${label}] reference: reading the ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB xlsx (${(read - 1).toLocaleString('en')} rows) with exceljs alone: ${readSeconds.toFixed(1)} s`,
  );
  console.log(
    `  [${label}] import of ${periodText(period)}, ${population.n.toLocaleString('en')} reports (${explained.toLocaleString('en')} with 说明): preview ${previewSeconds.toFixed(1)} s (${preview.errorCount} errors) + commit ${commitSeconds.toFixed(1)} s = ${seconds.toFixed(1)} s; created ${commit.created}, explained ${commit.explained}, errors ${commit.errorCount}${commit.errors[0] ? ` (first: row ${commit.errors[0].row} ${commit.errors[0].column}: ${commit.errors[0].message})` : ''}; ${stored.toLocaleString('en')} rows of the month stored  [goal ≤ ${IMPORT_GOAL_SECONDS} s: ${ok ? 'met' : 'NOT met'}]`,
  );
  console.log(`  [${label}] import phases — preview: ${previewPhases}; commit: ${commitPhases}`);
  return {
    what: `${label} xlsx import of ${population.n.toLocaleString('en')} reports`,
    figure: `preview ${previewSeconds.toFixed(1)} s + commit ${commitSeconds.toFixed(1)} s`,
    reference: `exceljs read ${readSeconds.toFixed(1)} s`,
    goal: `≤ ${IMPORT_GOAL_SECONDS} s: ${ok ? 'met' : 'NOT met'}`,
  };
}
