// The import template of a period (月报导入模板): the sample enterprises of the reader's scope that have
// no accepted report yet, with the columns of the import (import-columns.ts).
import { PassThrough } from 'node:stream';
import type { Fill } from 'exceljs';
import { isFuturePeriod, type Period, parsePeriod, periodLabel } from '../../domain/monitoring/periods.js';
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import ExcelJS from '../../server/exceljs.js';
import { REPORT_COLUMNS, reportColumnWidth } from './import-columns.js';
import { selectTemplateEnterprises } from './imports.repo.js';
import { loadMonitoringSettings } from './load-settings.js';
import { importPeriodFuture } from './monitoring.errors.js';

const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDBEAFE' } };
const PAGE = 2000;

/**
 * The template of a period: one row per sample enterprise of the reader's scope without an accepted
 * report, streamed page by page (a city's template may list every monitored firm), and a sheet of
 * instructions with the thresholds in force.
 */
export async function buildImportTemplate(ctx: AppContext, actor: Actor | null, periodText: string): Promise<PassThrough> {
  const who = requireAccess(actor, 'monitoring.export');
  const period = parsePeriod(periodText) as Period;
  if (isFuturePeriod(period)) throw importPeriodFuture();
  const settings = await loadMonitoringSettings(ctx.db);
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(`${periodLabel(period)}月报`, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.columns = REPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: reportColumnWidth(c) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = HEADER_FILL;
  sheet.getRow(1).commit();
  const filter = { scope: scopeOf(who), year: period.year, month: period.month };
  (async () => {
    let after: { districtSort: number; name: string; uscc: string } | null = null;
    for (;;) {
      const page = await selectTemplateEnterprises(ctx.db, filter, after, PAGE);
      for (const f of page) sheet.addRow({ uscc: f.uscc, name: f.name }).commit();
      if (page.length < PAGE) break;
      after = page[page.length - 1];
    }
    sheet.commit();
    const help = workbook.addWorksheet('填写说明');
    help.getColumn(1).width = 110;
    const rdMonths = settings.rdMonths.map((m) => `${m}`).join('、');
    for (const line of [
      `${periodLabel(period)}月报导入说明`,
      '1. 每行一家企业；已列出本辖区监测企业中该月尚未通过审核的企业，不导入的行可删除。',
      '2. 金额单位为万元，最多 4 位小数；用电量单位为万千瓦时；从业人员为期末人数（整数）。累计值为本年 1 月至该月的合计。',
      `3. 营业收入（累计）、利润总额（累计）、从业人员（期末）必填；工业企业须填工业总产值（累计）；${rdMonths} 月须填研发费用（累计）。`,
      '4. 订单情况、用工情况、融资需求填写“增加”“持平”或“减少”。',
      `5. 数据触发提示性审核（如累计同比超出 ±${settings.yoyLimit}%、利润率不在 ${settings.marginMin}%～${settings.marginMax}% 之间）时，须在“说明”列填写原因，否则该行为错误。`,
      '6. 先预览：有任何错误时不会导入任何数据；全部无误后确认导入，导入的月报直接计入运行分析。同一文件重复导入不会重复写入。',
    ])
      help.addRow([line]).commit();
    help.commit();
    await workbook.commit();
  })().catch((error) => out.destroy(error));
  return out;
}
