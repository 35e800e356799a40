import { type Actor, requireAccess } from '../../server/access.js';
import ExcelJS from '../../server/exceljs.js';
import type { ChartXlsxBody } from './dashboard.schemas.js';

/**
 * POST /api/dashboard/chart.xlsx: the data of a cockpit chart, as the page shows it, in a workbook
 * (one sheet: the title, the header row, the rows). It reads nothing: the page sends what it drew
 * from figures the reader may see. Text that a spreadsheet would evaluate is neutralised (exceljs.ts).
 */
export async function exportChartData(actor: Actor | null, body: ChartXlsxBody): Promise<Buffer> {
  requireAccess(actor, 'dashboard.read');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(body.title.replace(/[*?:\\/[\]]/g, ' ').slice(0, 31));
  sheet.addRow([body.title]).font = { bold: true, size: 13 };
  sheet.addRow(body.columns).font = { bold: true };
  for (const values of body.rows) {
    const row = sheet.addRow(values.slice(0, body.columns.length));
    values.forEach((v, i) => {
      // Counts with separators, rates with one decimal (as the page writes them).
      if (typeof v === 'number') row.getCell(i + 1).numFmt = Number.isInteger(v) ? '#,##0' : '#,##0.0';
    });
  }
  body.columns.forEach((_, i) => {
    sheet.getColumn(i + 1).width = i === 0 ? 28 : 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
