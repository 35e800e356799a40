// A period's reports (月报导出) in the scope, any status, in the import's layout plus their status
// columns: an export can be corrected and imported back.
import { PassThrough } from 'node:stream';
import { formatWan } from '../../domain/amounts.js';
import { type Period, parsePeriod, periodLabel } from '../../domain/monitoring/periods.js';
import { REPORT_STATUS_LABELS, type ReportStatus, SURVEY_LABELS, type SurveyAnswer } from '../../domain/monitoring/report-status.js';
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import ExcelJS from '../../server/exceljs.js';
import { REPORT_COLUMNS, reportColumnWidth } from './import-columns.js';
import { selectPeriodReports } from './imports.repo.js';
import type { ReportRow } from './reports.repo.js';

const PAGE = 2000;
const wanNumber = (v: number | null) => (v === null ? null : Number(formatWan(v)));
const survey = (v: string | null) => (v ? (SURVEY_LABELS[v as SurveyAnswer] ?? null) : null);

/** A period's reports in the scope (any status), optionally one district's, streamed page by page. */
export async function exportPeriodReports(
  ctx: AppContext,
  actor: Actor | null,
  query: { period: string; district?: string },
): Promise<PassThrough> {
  const who = requireAccess(actor, 'monitoring.export');
  const period = parsePeriod(query.period) as Period;
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(`${periodLabel(period)}月报`);
  sheet.columns = [
    ...REPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: reportColumnWidth(c) })),
    { header: '所属区县', key: 'districtName', width: 12 },
    { header: '审核状态', key: 'statusLabel', width: 10 },
    { header: '是否迟报', key: 'late', width: 10 },
    { header: '截止后修改', key: 'revisedAfterDue', width: 12 },
    { header: '填报方式', key: 'enteredBy', width: 10 },
    { header: '报送时间', key: 'submittedAt', width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const filter = { scope: scopeOf(who), year: period.year, month: period.month, districtCode: query.district };
  (async () => {
    let after: { districtSort: number; name: string; enterpriseId: string } | null = null;
    for (;;) {
      const page = await selectPeriodReports(ctx.db, filter, after, PAGE);
      for (const r of page) sheet.addRow(exportRow(r.report, r.uscc, r.name, r.districtName)).commit();
      if (page.length < PAGE) break;
      const last = page[page.length - 1];
      after = { districtSort: last.districtSort, name: last.name, enterpriseId: last.report.enterpriseId };
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error) => out.destroy(error));
  return out;
}

function exportRow(r: ReportRow, uscc: string, name: string, districtName: string): Record<string, unknown> {
  const explanations = Object.values((r.explanations ?? {}) as Record<string, string>);
  return {
    uscc,
    name,
    revenueMonth: wanNumber(r.revenueMonth),
    revenueYtd: wanNumber(r.revenueYtd),
    profitYtd: wanNumber(r.profitYtd),
    outputYtd: wanNumber(r.outputYtd),
    employees: r.employees,
    rdExpenseYtd: wanNumber(r.rdExpenseYtd),
    exportYtd: wanNumber(r.exportYtd),
    taxYtd: wanNumber(r.taxYtd),
    electricityYtd: wanNumber(r.electricityYtd),
    newOrders: wanNumber(r.newOrders),
    'survey.orders': survey(r.surveyOrders),
    'survey.employment': survey(r.surveyEmployment),
    'survey.financing': survey(r.surveyFinancing),
    suggestions: r.suggestions,
    // One text when every explanation says the same (an import's 说明), else each once.
    explanation: [...new Set(explanations)].join('；') || null,
    districtName,
    statusLabel: REPORT_STATUS_LABELS[r.status as ReportStatus] ?? '未上报',
    late: r.late ? '是' : '否',
    revisedAfterDue: r.revisedAfterDue ? '是' : '否',
    enteredBy: r.enteredBy === 'district' ? '区县代报' : '企业填报',
    submittedAt: r.submittedAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
  };
}
